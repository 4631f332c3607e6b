import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: read off a screen and typed on a phone.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 16;

/** A first or reset password, shown once to whoever set it up (about 92 bits). */
export function generatePassword(): string {
  let value = '';
  for (let i = 0; i < LENGTH; i++) value += ALPHABET[randomInt(ALPHABET.length)];
  return value;
}
