import type { PrismaClient } from '../../generated/prisma/client.js';
import { LOCKOUT } from './policy.js';

export type FailureOutcome = { locked: false } | { locked: true; until: Date };

export function isLocked(user: { lockedUntil: Date | null }, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

/**
 * Counts a wrong password atomically; the failure that reaches the limit
 * locks the account and starts a fresh count. Kept in StaffUser, so the lock
 * holds on every instance.
 */
export async function recordWrongPassword(prisma: PrismaClient, staffUserId: string, now: Date): Promise<FailureOutcome> {
  const updated = await prisma.staffUser.update({ where: { id: staffUserId }, data: { failedLogins: { increment: 1 } } });
  if (updated.failedLogins < LOCKOUT.maxFailures) return { locked: false };
  const until = new Date(now.getTime() + LOCKOUT.lockMs);
  await prisma.staffUser.update({ where: { id: staffUserId }, data: { failedLogins: 0, lockedUntil: until } });
  return { locked: true, until };
}

export async function clearFailures(prisma: PrismaClient, user: { id: string; failedLogins: number; lockedUntil: Date | null }): Promise<void> {
  if (user.failedLogins > 0 || user.lockedUntil) {
    await prisma.staffUser.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  }
}
