import { Hono } from 'hono';
import type { AdminDeps } from '../deps.js';
import { loadParticipantProfile } from '../people/detail-query.js';
import { FamilyInputSchema } from '../people/family-input.js';
import { inviteLinks } from '../people/invite-links.js';
import { issueInvite } from '../people/issue-invite.js';
import { familyMemberJson, inviteJson } from '../people/json.js';
import { createFamilyMember } from '../people/save-family.js';
import type { ApiEnv } from './bearer.js';
import { apiError, describeIssues } from './errors.js';
import { hasEmptyBody, readOnly } from './participant-guards.js';

const CreateBody = FamilyInputSchema.strict();
const FORBIDDEN = "only the person's caseworkers, the station's supervisors and admins may do this";

/** GET/POST /api/v1/participants/:id/family and POST /api/v1/participants/:id/family/:familyId/invites. */
export function familyMemberApi(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { prisma } = deps.db;

  app.get('/participants/:id/family', async (c) => {
    const lookup = await loadParticipantProfile(prisma, c.get('caller').staff, c.req.param('id'), deps.clock.now());
    if (lookup.access === 'none') return apiError(c, 'not_found', 'no such participant');
    return c.json({ family: lookup.profile.family.map(familyMemberJson) });
  });

  app.post('/participants/:id/family', async (c) => {
    const caller = c.get('caller');
    const id = c.req.param('id');
    if (!caller.staff) return readOnly(c, deps, id);
    const body = CreateBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    const now = deps.clock.now();
    const result = await createFamilyMember(prisma, { staff: caller.staff, tokenId: caller.tokenId }, id, body.data, now);
    if (!result.ok) return result.reason === 'not-found' ? apiError(c, 'not_found', 'no such participant') : apiError(c, 'forbidden', FORBIDDEN);
    const lookup = await loadParticipantProfile(prisma, caller.staff, id, now);
    const member = lookup.access === 'none' ? undefined : lookup.profile.family.find((f) => f.id === result.id);
    if (!member) return apiError(c, 'not_found', 'no such family member');
    return c.json({ familyMember: familyMemberJson(member) }, 201);
  });

  app.post('/participants/:id/family/:familyId/invites', async (c) => {
    const caller = c.get('caller');
    const id = c.req.param('id');
    if (!caller.staff) return readOnly(c, deps, id);
    if (!(await hasEmptyBody(c))) return apiError(c, 'invalid', 'the body must be empty or {}');
    const result = await issueInvite(
      prisma,
      { staff: caller.staff, tokenId: caller.tokenId },
      { participantId: id, familyMemberId: c.req.param('familyId') },
      deps.clock.now(),
    );
    if (!result.ok) return result.reason === 'not-found' ? apiError(c, 'not_found', 'no such participant or family member') : apiError(c, 'forbidden', FORBIDDEN);
    return c.json(inviteJson(result.invite, inviteLinks(result.invite.code, { channels: deps.channels, publicUrl: deps.publicUrl })), 201);
  });

  return app;
}
