import { Hono } from 'hono';

export interface ReadinessCheck {
  /** Resolves with nothing when ready, or a short reason when not. */
  (): Promise<string | undefined>;
}

export function healthRoutes(isReady: ReadinessCheck): Hono {
  const routes = new Hono();
  routes.get('/healthz', (c) => c.json({ status: 'ok' }));
  routes.get('/readyz', async (c) => {
    let reason: string | undefined;
    try {
      reason = await isReady();
    } catch {
      reason = 'database unreachable';
    }
    return reason ? c.json({ status: 'unavailable', reason }, 503) : c.json({ status: 'ready' });
  });
  return routes;
}
