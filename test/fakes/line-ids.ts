// Identifiers shaped like the LINE Platform's.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** "U" + 32 hex chars; stable for a given seed, random without one. */
export function makeLineUserId(seed?: string): string {
  const hex = seed === undefined ? randomBytes(16).toString('hex') : createHash('md5').update(seed).digest('hex');
  return `U${hex}`;
}

export function isLineUserId(id: string): boolean {
  return /^U[0-9a-f]{32}$/.test(id);
}

/** Push targets: users (U…), groups (C…) and rooms (R…). */
export function isLineTargetId(id: string): boolean {
  return /^[UCR][0-9a-f]{32}$/.test(id);
}

/** Reply tokens are 32 hex chars. */
export function makeReplyToken(): string {
  return randomBytes(16).toString('hex');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** webhookEventId is a 26-char ULID. */
export function makeWebhookEventId(at: number = Date.now()): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i += 1) {
    time = (CROCKFORD[t % 32] ?? '0') + time;
    t = Math.floor(t / 32);
  }
  const random = Array.from(randomBytes(16), (b) => CROCKFORD[b % 32] ?? '0').join('');
  return time + random;
}

let lastMessageId = 500_000_000_000_000;

/** Message ids are numeric strings. */
export function makeLineMessageId(): string {
  lastMessageId += 1;
  return String(lastMessageId);
}

export function makeQuoteToken(): string {
  return randomBytes(24).toString('base64url');
}

export function makeRequestId(): string {
  return randomUUID();
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
