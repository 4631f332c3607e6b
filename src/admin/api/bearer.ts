import type { MiddlewareHandler } from 'hono';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { toPrincipal, type StaffPrincipal } from '../access/principal.js';
import { TOKEN_TOUCH_MS } from '../auth/policy.js';
import { sha256Hex } from '../auth/secrets.js';
import type { Clock } from '../../core/clock.js';
import { apiError } from './errors.js';

/** Who is calling: a token linked to a staff member acts as them; a token without one may only read. */
export interface ApiCaller {
  tokenId: string;
  staff: StaffPrincipal | null;
}

export type ApiEnv = { Variables: { caller: ApiCaller } };

const BEARER = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i;

/** Looks the bearer token up by its SHA-256; revoked tokens and deactivated staff get a 401. */
export function bearerAuth(deps: { prisma: PrismaClient; clock: Clock }): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) return apiError(c, 'unauthorized', 'a bearer token is required');
    const token = await deps.prisma.apiToken.findUnique({ where: { tokenHash: sha256Hex(match[1]) }, include: { staffUser: true } });
    if (!token || token.revokedAt || (token.staffUser && !token.staffUser.active)) return apiError(c, 'unauthorized', 'the token is not valid');
    const now = deps.clock.now();
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= TOKEN_TOUCH_MS) {
      await deps.prisma.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
    }
    c.set('caller', { tokenId: token.id, staff: token.staffUser ? toPrincipal(token.staffUser) : null });
    await next();
  };
}
