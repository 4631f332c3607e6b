import { Hono } from 'hono';
import type { Channel, StaffRole } from '../../generated/prisma/client.js';
import type { AdminDeps } from '../deps.js';
import { visibleStaff } from '../staff/access.js';
import { createStaff, NewStaffSchema } from '../staff/create.js';
import { inviteLinks } from '../staff/invite-links.js';
import { issueStaffInvite } from '../staff/manage.js';
import type { ApiEnv } from './bearer.js';
import { apiError, describeIssues } from './errors.js';

export interface StaffJson {
  id: string;
  login: string;
  displayName: string;
  role: StaffRole;
  stationId: string | null;
  locale: string;
  active: boolean;
  alertPrivacyMode: boolean;
  /** Chat apps where this staff member receives alerts. */
  linkedChannels: Channel[];
}

const STAFF_JSON_SELECT = {
  id: true,
  login: true,
  displayName: true,
  role: true,
  stationId: true,
  locale: true,
  active: true,
  alertPrivacyMode: true,
  identities: { select: { channel: true } },
} as const;

function staffJson({ identities, ...row }: Omit<StaffJson, 'linkedChannels'> & { identities: { channel: Channel }[] }): StaffJson {
  return { ...row, linkedChannels: [...new Set(identities.map((i) => i.channel))] };
}

const CREATE_FAILURES = {
  'login-taken': ['conflict', 'this login is already taken'],
  'invalid-login': ['invalid', 'login: 2–64 letters, digits or . _ @ -'],
  'invalid-locale': ['invalid', 'locale: not supported'],
  'station-required': ['invalid', 'stationId: supervisors and caseworkers belong to a station'],
  'unknown-station': ['invalid', 'stationId: no such station'],
  'too-short': ['invalid', 'password: too short'],
  'too-long': ['invalid', 'password: too long'],
} as const;

/** GET/POST /api/v1/staff and POST /api/v1/staff/:id/invites (a chat-linking code for alerts). */
export function staffApi(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { prisma } = deps.db;

  app.get('/staff', async (c) => {
    const caller = c.get('caller');
    const rows = await prisma.staffUser.findMany({
      where: caller.staff ? visibleStaff(caller.staff) : {},
      orderBy: [{ stationId: 'asc' }, { login: 'asc' }],
      take: 1000,
      select: STAFF_JSON_SELECT,
    });
    return c.json({ staff: rows.map(staffJson) });
  });

  app.post('/staff', async (c) => {
    const caller = c.get('caller');
    if (!caller.staff) return apiError(c, 'forbidden', 'this token is not linked to a staff member and may only read');
    const body = NewStaffSchema.strict().safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    const result = await createStaff(prisma, { staff: caller.staff, tokenId: caller.tokenId }, body.data, deps.clock.now());
    if (!result.ok) {
      if (result.reason === 'forbidden') return apiError(c, 'forbidden', 'admins create any account; supervisors caseworkers at their own station');
      const [code, message] = CREATE_FAILURES[result.reason];
      return apiError(c, code, message);
    }
    const row = await prisma.staffUser.findUniqueOrThrow({ where: { id: result.id }, select: STAFF_JSON_SELECT });
    return c.json({ staff: staffJson(row), ...(result.generatedPassword ? { initialPassword: result.generatedPassword } : {}) }, 201);
  });

  app.post('/staff/:id/invites', async (c) => {
    const caller = c.get('caller');
    const id = c.req.param('id');
    if (!caller.staff) {
      const exists = await prisma.staffUser.count({ where: { id } });
      return exists ? apiError(c, 'forbidden', 'this token is not linked to a staff member and may only read') : apiError(c, 'not_found', 'no such staff member');
    }
    const result = await issueStaffInvite(prisma, { staff: caller.staff, tokenId: caller.tokenId }, id, deps.clock.now());
    if (!result.ok) {
      switch (result.reason) {
        case 'not-found':
          return apiError(c, 'not_found', 'no such staff member');
        case 'forbidden':
          return apiError(c, 'forbidden', "only admins, the station's supervisors and the staff member may link chat accounts");
        default:
          return apiError(c, 'conflict', 'the account is deactivated');
      }
    }
    return c.json({ code: result.code, expiresAt: result.expiresAt.toISOString(), links: inviteLinks(result.code, deps.channels) }, 201);
  });

  return app;
}
