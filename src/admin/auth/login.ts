import type { PrismaClient } from '../../generated/prisma/client.js';
import { hashPassword, verifyPassword } from '../../security/password.js';
import { toPrincipal, type StaffPrincipal } from '../access/principal.js';
import { clearFailures, isLocked, recordWrongPassword } from './lockout.js';
import { LOCKOUT, LOGIN_RATE } from './policy.js';
import { SlidingWindowLimiter } from './rate-limiter.js';

export type LoginResult =
  | { ok: true; staff: StaffPrincipal }
  | { ok: false; reason: 'invalid'; staffUserId: string | null }
  | { ok: false; reason: 'locked'; until: Date; staffUserId: string | null; justLocked: boolean }
  | { ok: false; reason: 'rate-limited' };

export interface LoginAttempt {
  login: string;
  password: string;
  /** The client's address, for the per-address limit. */
  address: string;
}

let dummyHash: Promise<string> | undefined;

/** Unknown logins cost one scrypt too, so timing does not tell which logins exist. */
function hashForUnknownLogins(): Promise<string> {
  dummyHash ??= hashPassword('not a real password: timing equaliser');
  return dummyHash;
}

/**
 * Checks a login: at most LOGIN_RATE failures per address, and LOCKOUT
 * failures in a row per account lock it for a while (kept in StaffUser, so it
 * holds across instances). Unknown logins lock the same way, in memory, so a
 * lock does not reveal that a login exists.
 */
export class LoginGuard {
  private readonly addressFailures = new SlidingWindowLimiter(LOGIN_RATE.max, LOGIN_RATE.windowMs);
  private readonly unknownFailures = new SlidingWindowLimiter(LOCKOUT.maxFailures, LOCKOUT.lockMs);

  constructor(private readonly prisma: PrismaClient) {}

  async attempt(attempt: LoginAttempt, now: Date): Promise<LoginResult> {
    if (!this.addressFailures.allows(attempt.address, now)) return { ok: false, reason: 'rate-limited' };
    const user = await this.prisma.staffUser.findUnique({ where: { login: attempt.login } });
    if (!user?.active) return this.unknown(attempt, now);
    if (isLocked(user, now)) {
      return { ok: false, reason: 'locked', until: user.lockedUntil ?? now, staffUserId: user.id, justLocked: false };
    }
    if (!(await verifyPassword(attempt.password, user.passwordHash))) {
      this.addressFailures.record(attempt.address, now);
      const failure = await recordWrongPassword(this.prisma, user.id, now);
      return failure.locked
        ? { ok: false, reason: 'locked', until: failure.until, staffUserId: user.id, justLocked: true }
        : { ok: false, reason: 'invalid', staffUserId: user.id };
    }
    await clearFailures(this.prisma, user);
    return { ok: true, staff: toPrincipal(user) };
  }

  private async unknown(attempt: LoginAttempt, now: Date): Promise<LoginResult> {
    const key = attempt.login.toLowerCase();
    if (!this.unknownFailures.allows(key, now)) {
      return { ok: false, reason: 'locked', until: new Date(now.getTime() + LOCKOUT.lockMs), staffUserId: null, justLocked: false };
    }
    await verifyPassword(attempt.password, await hashForUnknownLogins());
    this.addressFailures.record(attempt.address, now);
    this.unknownFailures.record(key, now);
    return { ok: false, reason: 'invalid', staffUserId: null };
  }
}
