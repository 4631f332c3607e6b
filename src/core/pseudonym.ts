import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: staff read these aloud and type them.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A short random label shown to staff instead of a name, e.g. "P-7QK3". */
export function newPseudonym(prefix = 'P', length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${out}`;
}
