import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { problemPage } from '../views/problem-page.js';
import { auditParticipantView } from './audit-view.js';
import { loadCheckInSeries } from './chart-query.js';
import { peopleChoices } from './choices.js';
import { loadParticipantProfile } from './detail-query.js';
import { parsePeopleFilters } from './filters.js';
import { participantFormRoutes } from './form-routes.js';
import { qrImageDataUrl } from '../views/qr-code.js';
import { inviteLinks } from './invite-links.js';
import { issueInvite } from './issue-invite.js';
import { listPeople } from './list-query.js';
import { decodeCursor, encodeCursor, loadTimeline } from './timeline-query.js';
import { InvitePage } from './views/invite-page.js';
import { ListPage } from './views/list-page.js';
import { ParticipantPage } from './views/participant-page.js';

const DONE: Record<string, AdminMessageKey> = {
  created: 'people.flash.created',
  saved: 'people.flash.saved',
  'family-added': 'people.flash.familyAdded',
  'family-saved': 'people.flash.familySaved',
};

/** /admin/people: the list, a participant's page, invite codes; the forms live in form-routes. */
export function peopleRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  app.get('/people', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const filters = parsePeopleFilters(c.req.query());
    const [page, choices] = await Promise.all([listPeople(prisma, staff, filters), peopleChoices(prisma, staff)]);
    return renderPage(
      c,
      <ListPage t={c.get('t')} staff={staff} csrfToken={csrfToken} filters={filters} choices={{ stations: choices.stations, caseworkers: choices.staff }} page={page} />,
    );
  });

  app.route('/', participantFormRoutes(deps));

  app.get('/people/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const now = deps.clock.now();
    const lookup = await loadParticipantProfile(prisma, staff, c.req.param('id'), now);
    if (lookup.access === 'none') return problemPage(c, 404);
    const { profile } = lookup;
    const cursor = decodeCursor(c.req.query('before'));
    const [page, chart] = await Promise.all([loadTimeline(prisma, profile.id, now, cursor), loadCheckInSeries(prisma, profile.id, now)]);
    await auditParticipantView(prisma, { actorId: staff.id }, profile.id, page.items.filter((i) => i.kind === 'message').length, now);
    const base = `/admin/people/${profile.id}`;
    const done = DONE[c.req.query('done') ?? ''];
    return renderPage(
      c,
      <ParticipantPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        profile={profile}
        canAct={lookup.access === 'act'}
        chart={chart}
        timeline={{
          items: page.items,
          older: page.next ? `${base}?before=${encodeURIComponent(encodeCursor(page.next))}#timeline` : null,
          newest: cursor ? `${base}#timeline` : null,
        }}
        notice={done ? t(done) : undefined}
      />,
    );
  });

  async function invite(c: Context<ConsoleEnv>, participantId: string, familyMemberId?: string): Promise<Response> {
    const { staff, csrfToken } = c.get('session');
    const result = await issueInvite(prisma, { staff }, { participantId, ...(familyMemberId ? { familyMemberId } : {}) }, deps.clock.now());
    if (!result.ok) return problemPage(c, result.reason === 'not-found' ? 404 : 403);
    const links = inviteLinks(result.invite.code, { channels: deps.channels, publicUrl: deps.publicUrl });
    const qrCode = links.telegram ? await qrImageDataUrl(links.telegram) : null;
    // Rendered in the answer to the POST: the code is shown once and never stored.
    return renderPage(c, <InvitePage t={c.get('t')} staff={staff} csrfToken={csrfToken} invite={result.invite} links={links} qrCode={qrCode} />);
  }

  app.post('/people/:id/invites', (c) => invite(c, c.req.param('id')));
  app.post('/people/:id/family/:familyId/invites', (c) => invite(c, c.req.param('id'), c.req.param('familyId')));

  return app;
}
