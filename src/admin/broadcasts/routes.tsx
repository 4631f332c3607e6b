import { Hono } from 'hono';
import { asLocale } from '../../i18n/index.js';
import { previewBroadcast } from '../../scheduler/broadcast.js';
import { st } from '../../scheduler/i18n/index.js';
import { endOfQuietHours, validZone } from '../../scheduler/time.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { confirmBroadcast, draftBroadcast } from './actions.js';
import { BROADCAST_BODY_MAX, ComposeForm } from './forms.js';
import { composableStations, findBroadcast, listBroadcasts } from './queries.js';
import { BroadcastListPage, type ComposeDraft } from './views/list-page.js';
import { BroadcastPage } from './views/preview-page.js';

/** Announcements to a station: compose, preview with the recipient count, confirm, and the history. */
export function broadcastRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  app.get('/broadcasts', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const query = c.req.query();
    const [stations, rows, source] = await Promise.all([
      composableStations(prisma, staff),
      listBroadcasts(prisma, staff),
      query.from ? findBroadcast(prisma, staff, query.from) : Promise.resolve(null),
    ]);
    // "Change" on a preview brings its text back into the form.
    const draft: ComposeDraft = source ? { stationId: source.stationId, audience: source.audience, body: source.body } : {};
    return renderPage(
      c,
      <BroadcastListPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        stations={stations}
        rows={rows}
        draft={draft}
        notice={query.done === 'sent' ? t('broadcast.done.sent', { count: Number.parseInt(query.count ?? '0', 10) || 0 }) : undefined}
        error={query.error === 'invalid' ? t('broadcast.error.invalid', { max: BROADCAST_BODY_MAX }) : undefined}
      />,
    );
  });

  app.post('/broadcasts/preview', async (c) => {
    const staff = c.get('session').staff;
    const form = ComposeForm.safeParse(await c.req.parseBody());
    if (!form.success) return c.redirect('/admin/broadcasts?error=invalid', 303);
    const draft = await draftBroadcast(deps, staff, form.data);
    if (!draft.ok) return c.redirect('/admin/broadcasts?error=invalid', 303);
    return c.redirect(`/admin/broadcasts/${draft.id}`, 303);
  });

  app.get('/broadcasts/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const broadcast = await findBroadcast(prisma, staff, c.req.param('id'));
    if (!broadcast) return problemPage(c, 404);
    const now = deps.clock.now();
    const preview = broadcast.sentAt ? undefined : await previewBroadcast(prisma, { stationId: broadcast.stationId, audience: broadcast.audience, now });
    const settings = deps.schedulerSettings;
    const start = endOfQuietHours(now, validZone(broadcast.timezone, settings.options.defaultTimezone), settings.quiet);
    const asRead = st(asLocale(staff.locale), 'broadcast.text', { station: broadcast.stationName, body: broadcast.body });
    return renderPage(
      c,
      <BroadcastPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        broadcast={broadcast}
        preview={preview}
        asRead={asRead}
        quietUntil={preview && start > now ? start : undefined}
        error={c.req.query('error') === 'already' ? t('broadcast.error.already') : undefined}
      />,
    );
  });

  app.post('/broadcasts/:id/send', async (c) => {
    const staff = c.get('session').staff;
    const id = c.req.param('id');
    if (!(await findBroadcast(prisma, staff, id))) return problemPage(c, 404);
    const result = await confirmBroadcast(deps, staff, id);
    if (result.ok) return c.redirect(`/admin/broadcasts?done=sent&count=${result.recipients}`, 303);
    if (result.reason === 'not-found') return problemPage(c, 404);
    return c.redirect(`/admin/broadcasts/${encodeURIComponent(id)}?error=already`, 303);
  });

  return app;
}
