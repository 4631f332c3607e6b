import { createHash, randomInt } from 'node:crypto';

// No 0/O, 1/I/L: people read these off a screen and type them.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const LENGTH = 8;

/** A new invite code, shown as XXXX-XXXX. */
export function newInviteCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

const VALID = new RegExp(`^[${ALPHABET}]+$`);

/**
 * Finds an invite code in what a person sent: "/start K7P2QX9M",
 * "k7p2-qx9m", "我的邀请码是 K7P2 QX9M", full-width "Ｋ７Ｐ２…". Returns it
 * normalised (8 characters, no dash), or undefined.
 */
export function extractInviteCode(text: string): string | undefined {
  const tokens = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/^\/START\b/, ' ')
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (token.length === LENGTH && VALID.test(token)) return token;
    const pair = token + (tokens[i + 1] ?? '');
    if (token.length === LENGTH / 2 && pair.length === LENGTH && VALID.test(pair)) return pair;
  }
  return undefined;
}

/** Codes are stored only as this hash. */
export function hashInviteCode(normalisedCode: string): string {
  return createHash('sha256').update(`tongxing-invite:${normalisedCode}`).digest('hex');
}
