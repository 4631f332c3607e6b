import { z } from 'zod';
import { PersonStatus, SharingScope } from '../../generated/prisma/enums.js';
import { NAME_MAX, PERSON_LOCALES, PHONE_PATTERN, RELATION_MAX } from './fields.js';
import { blanksToNull } from './participant-input.js';

/** A family member as staff enter them (console form or API body). */
export const FamilyInputSchema = z.object({
  displayName: z.string().trim().min(1).max(NAME_MAX),
  /** Mother, spouse, son … in the staff member's words. */
  relation: z.string().trim().min(1).max(RELATION_MAX),
  phone: z.string().trim().regex(PHONE_PATTERN, 'must be a phone number').nullable().default(null),
  locale: z.enum(PERSON_LOCALES).default('zh-CN'),
  /** What they may see of the participant's own answers. */
  sharingScope: z.enum(SharingScope).default('NONE'),
  status: z.enum(PersonStatus).default('ACTIVE'),
});

export type FamilyInput = z.infer<typeof FamilyInputSchema>;

export function parseFamilyForm(body: Record<string, unknown>): z.ZodSafeParseResult<FamilyInput> {
  return FamilyInputSchema.safeParse(blanksToNull(body, ['phone']));
}
