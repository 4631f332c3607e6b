import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { LOCALES } from '../../i18n/index.js';
import { createStaffUser, type CreateUserResult } from '../accounts/create-user.js';
import { PASSWORD_MAX_LENGTH } from '../auth/policy.js';
import { mayCreate } from './access.js';
import { via, type StaffActor } from './actor.js';
import { generatePassword } from './password.js';

export const STAFF_ROLES = ['CASEWORKER', 'SUPERVISOR', 'ADMIN'] as const;

/** A new staff account, from the console form or the API. An empty password means "generate one". */
export const NewStaffSchema = z.object({
  role: z.enum(STAFF_ROLES),
  login: z.string().trim().min(1).max(64),
  displayName: z.string().trim().max(100).optional(),
  stationId: z.string().trim().max(64).optional(),
  locale: z.enum(LOCALES).default('zh-CN'),
  password: z.string().max(PASSWORD_MAX_LENGTH * 4).optional(),
});
export type NewStaff = z.infer<typeof NewStaffSchema>;

export type CreateStaffResult =
  | { ok: true; id: string; /** Only when generated: shown once, never stored in clear. */ generatedPassword: string | undefined }
  | { ok: false; reason: 'forbidden' }
  | Extract<CreateUserResult, { ok: false }>;

/** Creates a staff account if the actor may: reuses the CLI's creation, with the actor in the audit log. */
export async function createStaff(prisma: PrismaClient, actor: StaffActor, input: NewStaff, now: Date): Promise<CreateStaffResult> {
  const stationId = input.role === 'ADMIN' && !input.stationId ? undefined : input.stationId || undefined;
  if (!mayCreate(actor.staff, input.role, stationId)) return { ok: false, reason: 'forbidden' };
  const password = input.password || generatePassword();
  const result = await createStaffUser(
    prisma,
    {
      role: input.role,
      login: input.login,
      password,
      displayName: input.displayName,
      stationId,
      locale: input.locale,
    },
    now,
    { actorId: actor.staff.id, tokenId: actor.tokenId ?? null, via: via(actor) },
  );
  return result.ok ? { ok: true, id: result.id, generatedPassword: input.password ? undefined : password } : result;
}
