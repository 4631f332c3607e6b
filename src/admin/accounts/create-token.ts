import type { PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../audit/write.js';
import { API_TOKEN_PREFIX } from '../auth/policy.js';
import { newSecret, sha256Hex } from '../auth/secrets.js';

export type CreateTokenResult =
  | { ok: true; id: string; token: string; staffLogin: string | null }
  | { ok: false; reason: 'unknown-staff' | 'inactive-staff' | 'invalid-name' };

/**
 * Issues an API token: the token is returned once, only its SHA-256 is kept.
 * Linked to a staff member it acts as them; without one it may only read.
 */
export async function createApiToken(prisma: PrismaClient, input: { name: string; staffLogin?: string | undefined }, now: Date): Promise<CreateTokenResult> {
  const name = input.name.trim();
  if (!name || name.length > 100) return { ok: false, reason: 'invalid-name' };
  let staffUserId: string | null = null;
  if (input.staffLogin !== undefined) {
    const staff = await prisma.staffUser.findUnique({ where: { login: input.staffLogin } });
    if (!staff) return { ok: false, reason: 'unknown-staff' };
    if (!staff.active) return { ok: false, reason: 'inactive-staff' };
    staffUserId = staff.id;
  }
  const token = newSecret(API_TOKEN_PREFIX);
  const created = await prisma.apiToken.create({ data: { name, tokenHash: sha256Hex(token), staffUserId, createdAt: now } });
  await writeAudit(prisma, { actorId: null, action: 'api-token.create', targetType: 'api-token', targetId: created.id, detail: { name, staffUserId, via: 'cli' } }, now);
  return { ok: true, id: created.id, token, staffLogin: input.staffLogin ?? null };
}
