import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from '../log/logger.js';
import { healthRoutes, type ReadinessCheck } from './health.js';

export interface HttpAppOptions {
  log: Logger;
  bodyLimitBytes: number;
  isReady: ReadinessCheck;
}

/** The service's HTTP surface. Later modules mount their routes on it. */
export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // The path only: query strings can carry tokens.
    options.log.debug(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use(
    bodyLimit({
      maxSize: options.bodyLimitBytes,
      onError: (c) => c.json({ error: { code: 'payload_too_large', message: 'request body too large' } }, 413),
    }),
  );
  app.route('/', healthRoutes(options.isReady));
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'not found' } }, 404));
  app.onError((error, c) => {
    options.log.error({ err: error, path: c.req.path }, 'unhandled error in request');
    return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
  });
  return app;
}
