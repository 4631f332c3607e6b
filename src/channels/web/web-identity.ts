import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

const COOKIE = 'tx_chat';

/**
 * A browser's chat account: a random id in an HttpOnly cookie. It is the
 * web channel's "external user id", linked to a person like any chat app.
 */
export function browserId(c: Context, secure: boolean): string {
  const existing = getCookie(c, COOKIE);
  if (existing && /^[A-Za-z0-9_-]{22,64}$/.test(existing)) return existing;
  const id = randomBytes(18).toString('base64url');
  setCookie(c, COOKIE, id, { httpOnly: true, sameSite: 'Lax', secure, path: '/chat', maxAge: 180 * 24 * 3600 });
  return id;
}
