import { Hono } from 'hono';
import { channelStatusRoutes } from '../channels/routes.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { reportRoutes } from '../reports/routes.js';
import { stationRoutes } from '../stations/routes.js';
import { staffRoutes } from './routes.js';

/** The staff, stations, reports and channel status pages, mounted together. */
export function staffAreaRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  app.route('/', staffRoutes(deps));
  app.route('/', stationRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', channelStatusRoutes(deps));
  return app;
}
