import { Hono } from 'hono';
import type { Delivery } from '../../relief/change-status.js';
import type { AdminDeps } from '../deps.js';
import { visibleStations } from '../escalations/queue-query.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage, refusedChange } from '../views/problem-page.js';
import { localTime } from '../views/time.js';
import { moveReliefRequest, reliefAccess } from './actions.js';
import { loadBoard } from './board-query.js';
import { loadReliefDetail } from './detail-query.js';
import { parseBoardFilters } from './filters.js';
import { returnTo, StatusForm } from './forms.js';
import { moveError, moveNotice } from './labels.js';
import { BoardPage } from './views/board-page.js';
import { ReliefDetailPage } from './views/detail-page.js';

function deliveryQuery(delivery: Delivery, now: Date): string {
  if (delivery.kind === 'not-sent') return `done=${delivery.reason}`;
  const params = new URLSearchParams({ done: 'queued', count: String(delivery.accounts) });
  if (delivery.notBefore > now) params.set('later', localTime(delivery.notBefore, delivery.timezone));
  return params.toString();
}

/** The relief board, a request's page, and moving a request (which messages the person). */
export function reliefRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  app.get('/relief', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const filters = parseBoardFilters(c.req.query());
    const [board, stations] = await Promise.all([loadBoard(prisma, staff, filters), visibleStations(prisma, staff)]);
    const query = c.req.query();
    return renderPage(
      c,
      <BoardPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        filters={filters}
        stations={stations}
        board={board}
        now={deps.clock.now()}
        notice={moveNotice(t, query)}
        error={moveError(t, query)}
      />,
    );
  });

  app.get('/relief/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const lookup = await loadReliefDetail(prisma, staff, c.req.param('id'));
    if (lookup.access === 'none') return problemPage(c, 404);
    const query = c.req.query();
    return renderPage(
      c,
      <ReliefDetailPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        detail={lookup.detail}
        canAct={lookup.access === 'act'}
        notice={moveNotice(t, query)}
        error={moveError(t, query)}
      />,
    );
  });

  app.post('/relief/:id/status', async (c) => {
    const id = c.req.param('id');
    const staff = c.get('session').staff;
    const body = await c.req.parseBody();
    const back = returnTo(body) === 'detail' ? `/admin/relief/${encodeURIComponent(id)}` : '/admin/relief';
    const form = StatusForm.safeParse(body);
    if (!form.success) {
      // A form that does not validate is still a 404 or 403 first, for whoever may not act.
      const access = await reliefAccess(deps, staff, id);
      if (access === 'none') return problemPage(c, 404);
      if (access === 'read') return problemPage(c, 403);
      return c.redirect(`${back}?error=invalid`, 303);
    }
    const result = await moveReliefRequest(deps, { staff }, id, form.data);
    if (result.ok) return c.redirect(`${back}?${deliveryQuery(result.delivery, deps.clock.now())}`, 303);
    return refusedChange(c, back, result.reason);
  });

  return app;
}
