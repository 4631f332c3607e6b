import { Hono } from 'hono';
import type { AdminDeps } from '../deps.js';
import { bearerAuth, type ApiEnv } from './bearer.js';
import { apiError } from './errors.js';
import { escalationApi } from './escalations.js';
import { participantApi } from './participants.js';
import { stationApi } from './stations.js';
import { staffApi } from './staff.js';
import { appointmentApi } from './appointments.js';

/** The JSON API under /api/v1: bearer tokens only (no cookies, so no CSRF). */
export function apiRoutes(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  app.use('*', bearerAuth({ prisma: deps.db.prisma, clock: deps.clock }));
  app.route('/', escalationApi(deps));
  app.route('/', participantApi(deps));
  app.route('/', stationApi(deps));
  app.route('/', staffApi(deps));
  app.route('/', appointmentApi(deps));
  app.all('*', (c) => apiError(c, 'not_found', 'no such API route'));
  return app;
}
