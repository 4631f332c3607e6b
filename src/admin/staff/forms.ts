import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../auth/policy.js';

export const UnlinkForm = z.object({ identityId: z.string().trim().min(1).max(64) });
export const PrivacyForm = z.object({ mode: z.enum(['on', 'off']) });
export const ActiveForm = z.object({ active: z.enum(['0', '1']) });
/** Empty means "generate one and show it once". */
export const ResetPasswordForm = z.object({ password: z.string().max(PASSWORD_MAX_LENGTH * 4).optional() });

/** Notices after a redirect back to a profile. */
export const DONE_NOTICES = ['privacy', 'unlink', 'active', 'password'] as const;
export type DoneNotice = (typeof DONE_NOTICES)[number];

export function isDoneNotice(value: string | undefined): value is DoneNotice {
  return (DONE_NOTICES as readonly (string | undefined)[]).includes(value);
}
