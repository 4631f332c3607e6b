import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { canRead } from '../access/scope.js';
import { sessionIsLive } from '../auth/sessions.js';
import type { AdminDeps, AdminOptions } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';

export const DEFAULT_HEARTBEAT_MS = 15_000;

/**
 * GET /admin/events: a server-sent event stream of escalation changes the
 * signed-in staff member may see ("escalation" events with id, number,
 * level, status — never text), a "ready" event on connect and a "ping"
 * heartbeat. The stream ends when the session is revoked or expires.
 */
export function eventRoutes(deps: AdminDeps, options: AdminOptions): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;

  app.get('/events', (c) => {
    const session = c.get('session');
    const staff = session.staff;
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      const unsubscribe = deps.notifier.subscribe((update) => {
        if (!canRead(staff, update.owner)) return;
        const data = JSON.stringify({ id: update.id, number: update.number, level: update.level, status: update.status });
        stream.writeSSE({ event: 'escalation', data }).catch(() => unsubscribe());
      });
      const stopResync = deps.notifier.onResync(() => {
        stream.writeSSE({ event: 'resync', data: '{}' }).catch(() => stopResync());
      });
      stream.onAbort(() => {
        unsubscribe();
        stopResync();
      });
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
        let shuttingDown = false;
        void deps.notifier.stopped.then(() => (shuttingDown = true));
        while (!stream.aborted && !stream.closed && !shuttingDown) {
          await Promise.race([stream.sleep(heartbeatMs), deps.notifier.stopped]);
          if (stream.aborted || stream.closed || shuttingDown) break;
          if (!(await sessionIsLive(deps.db.prisma, session.id, deps.clock.now()))) {
            await stream.writeSSE({ event: 'logout', data: '{}' });
            break;
          }
          await stream.writeSSE({ event: 'ping', data: '' });
        }
      } finally {
        unsubscribe();
        stopResync();
      }
    });
  });

  return app;
}
