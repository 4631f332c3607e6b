import type { PrismaClient } from '../../generated/prisma/client.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import { isLocked, recordWrongPassword } from './lockout.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './policy.js';
import { revokeOtherSessions } from './sessions.js';

export type PasswordProblem = 'too-short' | 'too-long';

/** The password rule for the console and the CLI. */
export function checkNewPassword(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  return undefined;
}

export type ChangePasswordResult =
  | { ok: true; revokedSessions: number }
  | { ok: false; reason: 'wrong-current' | 'locked' | 'mismatch' | 'same' | PasswordProblem };

export interface ChangePasswordInput {
  staffUserId: string;
  /** The session making the change stays; every other one ends. */
  sessionId: string;
  current: string;
  next: string;
  confirm: string;
}

/** Wrong current passwords count towards the lockout, so a stolen session cannot guess it. */
export async function changePassword(prisma: PrismaClient, input: ChangePasswordInput, now: Date): Promise<ChangePasswordResult> {
  if (input.next !== input.confirm) return { ok: false, reason: 'mismatch' };
  const problem = checkNewPassword(input.next);
  if (problem) return { ok: false, reason: problem };
  if (input.next === input.current) return { ok: false, reason: 'same' };
  const user = await prisma.staffUser.findUniqueOrThrow({ where: { id: input.staffUserId } });
  if (isLocked(user, now)) return { ok: false, reason: 'locked' };
  if (!(await verifyPassword(input.current, user.passwordHash))) {
    const failure = await recordWrongPassword(prisma, user.id, now);
    return { ok: false, reason: failure.locked ? 'locked' : 'wrong-current' };
  }
  const passwordHash = await hashPassword(input.next);
  await prisma.staffUser.update({ where: { id: user.id }, data: { passwordHash, failedLogins: 0, lockedUntil: null } });
  return { ok: true, revokedSessions: await revokeOtherSessions(prisma, user.id, input.sessionId, now) };
}
