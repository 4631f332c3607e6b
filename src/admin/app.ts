import { Hono } from 'hono';
import { apiRoutes } from './api/routes.js';
import { assetRoutes } from './assets/routes.js';
import { accountRoutes } from './auth/account-routes.js';
import { csrfProtection } from './auth/csrf.js';
import { loginRoutes } from './auth/login-routes.js';
import { requireSession } from './auth/require-session.js';
import type { AdminDeps, AdminOptions } from './deps.js';
import { escalationRoutes } from './escalations/routes.js';
import type { ConsoleEnv } from './http/env.js';
import { securityHeaders } from './http/security-headers.js';
import { eventRoutes } from './live/events-route.js';
import { problemPage } from './views/problem-page.js';
import { staffAreaRoutes } from './staff/area-routes.js';
import { scheduleRoutes } from './schedules/routes.js';
import { reliefRoutes } from './relief/routes.js';
import { contentRoutes } from './content/routes.js';
import { broadcastRoutes } from './broadcasts/routes.js';
import { peopleRoutes } from './people/routes.js';

/** Everything behind a session: CSRF-checked on every POST. */
function consoleRoutes(deps: AdminDeps, options: AdminOptions): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.use('*', requireSession(deps));
  app.use('*', csrfProtection(deps));
  app.get('/', (c) => c.redirect('/admin/escalations', 302));
  app.route('/', accountRoutes(deps));
  app.route('/', escalationRoutes(deps));
  app.route('/', eventRoutes(deps, options));
  app.route('/', reliefRoutes(deps));
  app.route('/', contentRoutes(deps));
  app.route('/', broadcastRoutes(deps));
  app.route('/', scheduleRoutes(deps));
  app.route('/', staffAreaRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.all('*', (c) => problemPage(c, 404));
  return app;
}

/**
 * The caseworker console (/admin) and the JSON API (/api/v1), to mount at
 * '/'. Its middleware is limited to those two prefixes, so the rest of the
 * service (chat, webhooks, health) is untouched.
 */
export function createAdminApp(deps: AdminDeps, options: AdminOptions = {}): Hono {
  const app = new Hono();
  const https = deps.publicUrl?.startsWith('https:') ?? false;
  app.use('/admin/*', securityHeaders({ https }));
  app.use('/api/v1/*', securityHeaders({ https }));
  // Public first: assets and the login form answer before the session check.
  app.route('/admin/assets', assetRoutes());
  app.route('/admin', loginRoutes(deps));
  app.route('/admin', consoleRoutes(deps, options));
  app.route('/api/v1', apiRoutes(deps));
  app.onError((error, c) => {
    deps.log.error({ err: error, path: c.req.path }, 'unhandled error in the console');
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}
