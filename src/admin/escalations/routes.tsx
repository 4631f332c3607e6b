import { Hono, type Context } from 'hono';
import { auditListViews, auditMessageView } from '../audit/message-views.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderFragment, renderPage } from '../http/render.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { problemPage, refusedChange } from '../views/problem-page.js';
import { escalationAccess, performEscalationAction, type ActionResult } from './actions.js';
import type { Access } from '../access/scope.js';
import { loadEscalationDetail } from './detail-query.js';
import { parseQueueFilters } from './filters.js';
import { ACTION_KINDS, parseActionForm, type ActionKind } from './forms.js';
import { listQueue, visibleStations, type QueueRow } from './queue-query.js';
import { DetailPage } from './views/detail-page.js';
import { QueueList } from './views/queue-list.js';
import { QueuePage } from './views/queue-page.js';

const DONE: Record<ActionKind, AdminMessageKey> = { ack: 'flash.ack', assign: 'flash.assign', note: 'flash.note', resolve: 'flash.resolve' };
const PROBLEMS: Record<string, AdminMessageKey> = { conflict: 'flash.conflict', invalid: 'flash.invalid' };

/** A form that does not validate is still a 404 or 403 first, for whoever may not act. */
function invalidForm(access: Access): ActionResult {
  if (access === 'none') return { ok: false, reason: 'not-found' };
  return { ok: false, reason: access === 'act' ? 'invalid' : 'forbidden' };
}

function isActionKind(value: string): value is ActionKind {
  return (ACTION_KINDS as readonly string[]).includes(value);
}

/** The escalation queue, its live list fragment, the detail page and its actions. */
export function escalationRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  /** Excerpts shown in the list count as message views (deduplicated per person and viewer). */
  async function auditShown(c: Context<ConsoleEnv>, rows: QueueRow[], now: Date): Promise<void> {
    const shown = rows.filter((r) => r.latest?.text).map((r) => ({ participantId: r.participantId, escalationId: r.id }));
    await auditListViews(prisma, { actorId: c.get('session').staff.id }, shown, now);
  }

  app.get('/escalations', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const filters = parseQueueFilters(c.req.query());
    const now = deps.clock.now();
    const [rows, stations] = await Promise.all([listQueue(prisma, staff, filters), visibleStations(prisma, staff)]);
    await auditShown(c, rows, now);
    return renderPage(c, <QueuePage t={c.get('t')} staff={staff} csrfToken={csrfToken} filters={filters} stations={stations} rows={rows} now={now} />);
  });

  app.get('/escalations/list', async (c) => {
    const { staff } = c.get('session');
    const now = deps.clock.now();
    const rows = await listQueue(prisma, staff, parseQueueFilters(c.req.query()));
    await auditShown(c, rows, now);
    return renderFragment(c, <QueueList t={c.get('t')} rows={rows} now={now} showStation={staff.role === 'ADMIN'} />);
  });

  app.get('/escalations/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const lookup = await loadEscalationDetail(prisma, staff, c.req.param('id'));
    if (lookup.access === 'none') return problemPage(c, 404);
    const now = deps.clock.now();
    await auditMessageView(prisma, { actorId: staff.id }, { participantId: lookup.detail.participantId, escalationId: lookup.detail.id }, now);
    const done = c.req.query('done');
    const problem = PROBLEMS[c.req.query('error') ?? ''];
    return renderPage(
      c,
      <DetailPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        detail={lookup.detail}
        canAct={lookup.access === 'act'}
        now={now}
        notice={done && isActionKind(done) ? t(DONE[done]) : undefined}
        error={problem ? t(problem) : undefined}
      />,
    );
  });

  app.post('/escalations/:id/:action', async (c) => {
    const kind = c.req.param('action');
    if (!isActionKind(kind)) return problemPage(c, 404);
    const id = c.req.param('id');
    const back = `/admin/escalations/${encodeURIComponent(id)}`;
    const staff = c.get('session').staff;
    const action = parseActionForm(kind, await c.req.parseBody());
    const result = action
      ? await performEscalationAction(deps, { staff }, id, action)
      : invalidForm(await escalationAccess(deps, staff, id));
    if (result.ok) return c.redirect(`${back}?done=${kind}`, 303);
    return refusedChange(c, back, result.reason);
  });

  return app;
}
