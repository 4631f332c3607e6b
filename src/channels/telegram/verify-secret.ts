import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when X-Telegram-Bot-Api-Secret-Token equals the configured secret.
 * Both sides are hashed first, so the comparison takes the same time whatever
 * the given value's length or content.
 */
export function webhookSecretMatches(given: string | undefined, expected: string): boolean {
  if (given === undefined || given === '' || expected === '') return false;
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
