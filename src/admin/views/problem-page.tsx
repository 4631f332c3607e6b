import type { Context } from 'hono';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { MessagePage } from './message-page.js';

/** "Not found" or "not allowed" for a signed-in staff member. */
export function problemPage(c: Context<ConsoleEnv>, status: 403 | 404): Promise<Response> {
  const { staff, csrfToken } = c.get('session');
  const t = c.get('t');
  const message = status === 404 ? t('error.notFound') : t('error.forbidden');
  return renderPage(c, <MessagePage t={t} locale={staff.locale} title={message} message={message} signedIn={{ staff, csrfToken }} />, status);
}

/**
 * After a refused change (post/redirect/get): a scope problem is a 404 or
 * 403 page; anything else goes back to the page with `?error=` (the reason,
 * or a more precise error name).
 */
export function refusedChange(c: Context<ConsoleEnv>, back: string, reason: string, error?: string): Response | Promise<Response> {
  if (reason === 'not-found') return problemPage(c, 404);
  if (reason === 'forbidden') return problemPage(c, 403);
  return c.redirect(`${back}?error=${error ?? reason}`, 303);
}
