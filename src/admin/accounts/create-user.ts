import type { PrismaClient, StaffRole } from '../../generated/prisma/client.js';
import { hashPassword } from '../../security/password.js';
import { writeAudit } from '../audit/write.js';
import { checkNewPassword } from '../auth/change-password.js';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/index.js';

export interface CreateUserInput {
  role: StaffRole;
  login: string;
  password: string;
  displayName?: string | undefined;
  stationId?: string | undefined;
  locale?: string | undefined;
}

/** Who creates the account, for the audit log: the CLI by default. */
export interface CreatedBy {
  actorId: string | null;
  tokenId?: string | null;
  via: 'cli' | 'console' | 'api';
}

export type CreateUserResult =
  | { ok: true; id: string }
  | { ok: false; reason: 'login-taken' | 'invalid-login' | 'invalid-locale' | 'station-required' | 'unknown-station' | 'too-short' | 'too-long' };

const LOGIN = /^[A-Za-z0-9._@-]{2,64}$/;

/** Chat alerts use all of the bot's locales; the console shows zh-TW staff zh-CN. */
function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * Creates a staff account. Supervisors and caseworkers belong to a station;
 * an admin may have none (programme level).
 */
export async function createStaffUser(
  prisma: PrismaClient,
  input: CreateUserInput,
  now: Date,
  createdBy: CreatedBy = { actorId: null, via: 'cli' },
): Promise<CreateUserResult> {
  if (!LOGIN.test(input.login)) return { ok: false, reason: 'invalid-login' };
  const locale = input.locale ?? DEFAULT_LOCALE;
  if (!isLocale(locale)) return { ok: false, reason: 'invalid-locale' };
  const problem = checkNewPassword(input.password);
  if (problem) return { ok: false, reason: problem };
  if (input.role !== 'ADMIN' && !input.stationId) return { ok: false, reason: 'station-required' };
  if (input.stationId && !(await prisma.station.findUnique({ where: { id: input.stationId } }))) return { ok: false, reason: 'unknown-station' };
  if (await prisma.staffUser.findUnique({ where: { login: input.login } })) return { ok: false, reason: 'login-taken' };
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await prisma.staffUser.create({
      data: {
        role: input.role,
        login: input.login,
        displayName: input.displayName?.trim() || input.login,
        passwordHash,
        stationId: input.stationId ?? null,
        locale,
        createdAt: now,
      },
    });
    await writeAudit(
      prisma,
      { actorId: createdBy.actorId, tokenId: createdBy.tokenId ?? null, action: 'staff.create', targetType: 'staff', targetId: created.id, detail: { role: input.role, via: createdBy.via } },
      now,
    );
    return { ok: true, id: created.id };
  } catch (error) {
    // Two creations at once: the unique login decides.
    if (error instanceof Error && 'code' in error && error.code === 'P2002') return { ok: false, reason: 'login-taken' };
    throw error;
  }
}
