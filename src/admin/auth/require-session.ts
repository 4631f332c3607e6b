import type { Context, MiddlewareHandler } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { translator } from '../i18n/index.js';
import { clearSessionCookie, readSessionCookie } from './cookies.js';
import { findSession } from './sessions.js';

/** Scripts (fetch with this header, or EventSource) get a 401 instead of a login page. */
function isScriptRequest(c: Context): boolean {
  return c.req.header('x-requested-with') === 'fetch' || (c.req.header('accept') ?? '').includes('text/event-stream');
}

/** Only paths inside the console are offered as the place to return to after login. */
export function safeNext(value: string | undefined): string {
  return value && /^\/admin(\/[^/\\]|$)/.test(value) && !value.startsWith('/admin/login') ? value : '/admin/escalations';
}

/** Every console route below this needs a live session; without one, pages go to the login. */
export function requireSession(deps: AdminDeps): MiddlewareHandler<ConsoleEnv> {
  const secure = deps.publicUrl?.startsWith('https:') ?? false;
  return async (c, next) => {
    const token = readSessionCookie(c);
    const session = token ? await findSession(deps.db.prisma, token, deps.clock.now()) : undefined;
    if (!session) {
      if (token) clearSessionCookie(c, { secure });
      if (isScriptRequest(c)) return c.json({ error: { code: 'unauthorized', message: 'log in again' } }, 401);
      const url = new URL(c.req.url);
      const back = c.req.method === 'GET' ? safeNext(url.pathname + url.search) : '/admin/escalations';
      const params = new URLSearchParams({ next: back, ...(token ? { expired: '1' } : {}) });
      return c.redirect(`/admin/login?${params.toString()}`, c.req.method === 'GET' ? 302 : 303);
    }
    c.set('session', session);
    c.set('t', translator(session.staff.locale));
    await next();
  };
}
