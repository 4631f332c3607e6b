import type { PrismaClient } from '../../generated/prisma/client.js';
import { toPrincipal, type StaffPrincipal } from '../access/principal.js';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS, SESSION_TTL_MS } from './policy.js';
import { newSecret, sha256Hex } from './secrets.js';

export interface ActiveSession {
  id: string;
  csrfToken: string;
  staff: StaffPrincipal;
}

/** Starts a session; the token goes into the cookie, only its SHA-256 into the database. */
export async function createSession(prisma: PrismaClient, staffUserId: string, now: Date): Promise<{ token: string; session: { id: string; csrfToken: string; expiresAt: Date } }> {
  const token = newSecret();
  const session = await prisma.session.create({
    data: {
      tokenHash: sha256Hex(token),
      staffUserId,
      csrfToken: newSecret(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return { token, session: { id: session.id, csrfToken: session.csrfToken, expiresAt: session.expiresAt } };
}

function isLive(session: { revokedAt: Date | null; expiresAt: Date; lastSeenAt: Date; staffUser: { active: boolean } }, now: Date): boolean {
  return (
    session.revokedAt === null &&
    session.expiresAt > now &&
    now.getTime() - session.lastSeenAt.getTime() < SESSION_IDLE_MS &&
    session.staffUser.active
  );
}

/** The live session for a cookie token, if any; marks it seen. */
export async function findSession(prisma: PrismaClient, token: string, now: Date): Promise<ActiveSession | undefined> {
  const session = await prisma.session.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { staffUser: true } });
  if (!session || !isLive(session, now)) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, csrfToken: session.csrfToken, staff: toPrincipal(session.staffUser) };
}

/** Whether a session is still usable (long-lived streams check this now and then). */
export async function sessionIsLive(prisma: PrismaClient, sessionId: string, now: Date): Promise<boolean> {
  const session = await prisma.session.findUnique({ where: { id: sessionId }, include: { staffUser: { select: { active: true } } } });
  return session !== null && session.revokedAt === null && session.expiresAt > now && session.staffUser.active;
}

export async function revokeSession(prisma: PrismaClient, sessionId: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends the session behind a cookie token, if it is one (a new login replaces it). */
export async function revokeSessionByToken(prisma: PrismaClient, token: string, now: Date): Promise<void> {
  await prisma.session.updateMany({ where: { tokenHash: sha256Hex(token), revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every other session of a staff member (after a password change). */
export async function revokeOtherSessions(prisma: PrismaClient, staffUserId: string, keepSessionId: string, now: Date): Promise<number> {
  const result = await prisma.session.updateMany({
    where: { staffUserId, revokedAt: null, id: { not: keepSessionId } },
    data: { revokedAt: now },
  });
  return result.count;
}
