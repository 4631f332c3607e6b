import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client.js';
import { escalationsOf, scopeFor } from '../access/scope.js';
import type { AdminDeps } from '../deps.js';
import { performEscalationAction, type ActionResult, type EscalationAction } from '../escalations/actions.js';
import { ResolveSchema } from '../escalations/forms.js';
import type { ApiCaller, ApiEnv } from './bearer.js';
import { apiError, describeIssues } from './errors.js';
import { ESCALATION_JSON_INCLUDE, escalationJson } from './serialize.js';

const ListQuery = z.object({
  status: z.enum(['OPEN', 'ACKNOWLEDGED', 'RESOLVED']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const ResolveBody = ResolveSchema.strict();

/** Escalations a caller may read: a staff token reads what its staff member reads; a token without staff reads all. */
function readable(caller: ApiCaller): Prisma.EscalationWhereInput {
  return caller.staff ? escalationsOf(scopeFor(caller.staff).read) : {};
}

/** GET /api/v1/escalations, POST /api/v1/escalations/:id/ack and /resolve. */
export function escalationApi(deps: AdminDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const { prisma } = deps.db;

  app.get('/escalations', async (c) => {
    const query = ListQuery.safeParse(c.req.query());
    if (!query.success) return apiError(c, 'invalid', describeIssues(query.error));
    const { status, limit } = query.data;
    const rows = await prisma.escalation.findMany({
      where: { AND: [readable(c.get('caller')), status ? { status } : { status: { in: ['OPEN', 'ACKNOWLEDGED'] } }] },
      orderBy: status === 'RESOLVED' ? [{ resolvedAt: 'desc' }] : [{ level: 'desc' }, { openedAt: 'asc' }],
      take: limit,
      include: ESCALATION_JSON_INCLUDE,
    });
    return c.json({ escalations: rows.map(escalationJson) });
  });

  async function act(c: Context<ApiEnv>, action: EscalationAction): Promise<Response> {
    const caller = c.get('caller');
    const id = c.req.param('id') ?? '';
    if (!caller.staff) {
      // Still a 404 for what the token could not even read.
      const exists = await prisma.escalation.count({ where: { AND: [{ id }, readable(caller)] } });
      return exists ? apiError(c, 'forbidden', 'this token is not linked to a staff member and may only read') : apiError(c, 'not_found', 'no such escalation');
    }
    const result: ActionResult = await performEscalationAction(deps, { staff: caller.staff, tokenId: caller.tokenId }, id, action);
    if (!result.ok) {
      switch (result.reason) {
        case 'not-found':
          return apiError(c, 'not_found', 'no such escalation');
        case 'forbidden':
          return apiError(c, 'forbidden', "only the person's caseworkers, the station's supervisors and admins may do this");
        case 'conflict':
          return apiError(c, 'conflict', 'the escalation is not in a state that allows this');
        case 'invalid':
          return apiError(c, 'invalid', 'the request is not valid for this escalation');
      }
    }
    const row = await prisma.escalation.findUniqueOrThrow({ where: { id: result.escalationId }, include: ESCALATION_JSON_INCLUDE });
    return c.json({ escalation: escalationJson(row) });
  }

  app.post('/escalations/:id/ack', (c) => act(c, { kind: 'ack' }));

  app.post('/escalations/:id/resolve', async (c) => {
    const body = ResolveBody.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) return apiError(c, 'invalid', describeIssues(body.error));
    return act(c, { kind: 'resolve', outcome: body.data.outcome, note: body.data.note || undefined });
  });

  return app;
}
