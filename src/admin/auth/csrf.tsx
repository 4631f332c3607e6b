import type { MiddlewareHandler } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { isSameOrigin } from '../http/same-origin.js';
import { MessagePage } from '../views/message-page.js';
import { safeEqual } from './secrets.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function submittedToken(c: Parameters<MiddlewareHandler<ConsoleEnv>>[0]): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return undefined;
  const body = await c.req.parseBody();
  const field = body._csrf;
  return typeof field === 'string' ? field : undefined;
}

/**
 * Every state-changing console request carries the session's CSRF token, in
 * the `_csrf` form field or the X-CSRF-Token header, and comes from our origin.
 */
export function csrfProtection(deps: AdminDeps): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const session = c.get('session');
    const token = await submittedToken(c);
    if (token && safeEqual(token, session.csrfToken) && isSameOrigin(c, deps.publicUrl)) return next();
    const t = c.get('t');
    deps.log.warn({ path: c.req.path, staffUserId: session.staff.id }, 'console request without a valid CSRF token');
    return renderPage(
      c,
      <MessagePage
        t={t}
        locale={session.staff.locale}
        title={t('error.title')}
        message={t('error.csrf')}
        signedIn={{ staff: session.staff, csrfToken: session.csrfToken }}
      />,
      403,
    );
  };
}
