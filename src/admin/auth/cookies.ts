import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_TTL_MS } from './policy.js';

/** The session cookie is sent to the console only, never to the chat or the API. */
const SESSION_COOKIE = 'tx_admin';
const LOGIN_FORM_COOKIE = 'tx_login';
const PATH = '/admin';

export interface CookieSettings {
  /** Secure cookies when the public URL is https. */
  secure: boolean;
}

export function readSessionCookie(c: Context): string | undefined {
  const value = getCookie(c, SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}

export function writeSessionCookie(c: Context, token: string, settings: CookieSettings): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: settings.secure,
    path: PATH,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, SESSION_COOKIE, { path: PATH, secure: settings.secure, httpOnly: true, sameSite: 'Lax' });
}

/** The login form's anti-forgery value (double submit: cookie and hidden field must match). */
export function readLoginFormCookie(c: Context): string | undefined {
  return getCookie(c, LOGIN_FORM_COOKIE);
}

export function writeLoginFormCookie(c: Context, value: string, settings: CookieSettings): void {
  setCookie(c, LOGIN_FORM_COOKIE, value, { httpOnly: true, sameSite: 'Strict', secure: settings.secure, path: `${PATH}/login`, maxAge: 3600 });
}

export function clearLoginFormCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, LOGIN_FORM_COOKIE, { path: `${PATH}/login`, secure: settings.secure });
}
