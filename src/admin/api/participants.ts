import { Hono } from 'hono';
import { loadParticipantProfile } from '../people/detail-query.js';
import { PeopleQuerySchema, toFilters } from '../people/filters.js';
import { inviteLinks } from '../people/invite-links.js';
import { issueInvite } from '../people/issue-invite.js';
import { inviteJson, participantJson, participantSummaryJson } from '../people/json.js';
import { listPeople } from '../people/list-query.js';
import { ParticipantInputSchema } from '../people/participant-input.js';
import { createParticipant, updateParticipant } from '../people/save-participant.js';
import type { AdminDeps } from '../deps.js';
import type { ApiEnv } from './bearer.js';
import type { PeopleActor } from '../people/save-participant.js';
import { apiError, describeIssues } from './errors.js';
import { familyMemberApi } from './family-members.js';
import { hasEmptyBody, READ_ONLY, readOnly } from './participant-guards.js';

const CreateBody = ParticipantInputSchema.strict();

/**
 * GET/POST /api/v1/participants, GET/PUT /api/v1/participants/:id and POST
 * /api/v1/participants/:id/invites; family members in family-members.ts. A
 * staff token reads and acts as its staff member; a token without one reads
 * everything and may not change anything.
 */
export function participantApi(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { prisma } = deps.db;

  app.get('/participants', async (c) => {
    const query = PeopleQuerySchema.strict().safeParse(c.req.query());
    if (!query.success) return apiError(c, 'invalid', describeIssues(query.error));
    const caller = c.get('caller');
    const page = await listPeople(prisma, caller.staff, toFilters(query.data));
    return c.json({ participants: page.rows.map(participantSummaryJson), total: page.total, page: page.page, pages: page.pages });
  });

  app.post('/participants', async (c) => {
    const caller = c.get('caller');
    if (!caller.staff) return apiError(c, 'forbidden', READ_ONLY);
    const writer: PeopleActor = { staff: caller.staff, tokenId: caller.tokenId };
    const body = CreateBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    const result = await createParticipant(prisma, writer, body.data, deps.clock.now());
    if (!result.ok) {
      if (result.reason === 'invalid') return apiError(c, 'invalid', `${result.field}: not a station or staff member this record can use`);
      return apiError(c, 'forbidden', 'a caseworker may only create people on their own caseload');
    }
    const lookup = await loadParticipantProfile(prisma, writer.staff, result.id, deps.clock.now());
    if (lookup.access === 'none') return apiError(c, 'not_found', 'no such participant');
    return c.json({ participant: participantJson(lookup.profile) }, 201);
  });

  app.get('/participants/:id', async (c) => {
    const lookup = await loadParticipantProfile(prisma, c.get('caller').staff, c.req.param('id'), deps.clock.now());
    if (lookup.access === 'none') return apiError(c, 'not_found', 'no such participant');
    return c.json({ participant: participantJson(lookup.profile) });
  });

  app.put('/participants/:id', async (c) => {
    const caller = c.get('caller');
    const id = c.req.param('id');
    if (!caller.staff) return readOnly(c, deps, id);
    const body = CreateBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    const result = await updateParticipant(prisma, { staff: caller.staff, tokenId: caller.tokenId }, id, body.data, deps.clock.now());
    if (!result.ok) {
      if (result.reason === 'not-found') return apiError(c, 'not_found', 'no such participant');
      if (result.reason === 'invalid') return apiError(c, 'invalid', `${result.field}: not a station or staff member this record can use`);
      return apiError(c, 'forbidden', "only the person's caseworkers, the station's supervisors and admins may do this");
    }
    const lookup = await loadParticipantProfile(prisma, caller.staff, id, deps.clock.now());
    if (lookup.access === 'none') return apiError(c, 'not_found', 'no such participant');
    return c.json({ participant: participantJson(lookup.profile) });
  });

  app.post('/participants/:id/invites', async (c) => {
    const caller = c.get('caller');
    const id = c.req.param('id');
    if (!caller.staff) return readOnly(c, deps, id);
    if (!(await hasEmptyBody(c))) return apiError(c, 'invalid', 'the body must be empty or {}');
    const result = await issueInvite(prisma, { staff: caller.staff, tokenId: caller.tokenId }, { participantId: id }, deps.clock.now());
    if (!result.ok) {
      return result.reason === 'not-found'
        ? apiError(c, 'not_found', 'no such participant')
        : apiError(c, 'forbidden', "only the person's caseworkers, the station's supervisors and admins may do this");
    }
    return c.json(inviteJson(result.invite, inviteLinks(result.invite.code, { channels: deps.channels, publicUrl: deps.publicUrl })), 201);
  });

  app.route('/', familyMemberApi(deps));
  return app;
}
