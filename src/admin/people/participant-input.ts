import { z } from 'zod';
import { parseCadence } from '../../scheduler/cadence.js';
import { PersonStatus, Programme, RiskTier, Track } from '../../generated/prisma/enums.js';
import { CHECK_IN_TIME_PATTERN, NAME_MAX, PERSON_LOCALES, PHONE_PATTERN } from './fields.js';

const id = z.string().trim().min(1).max(64);
const isoDate = z.iso.date();

/** A participant's record as staff enter it (console form or API body). */
export const ParticipantInputSchema = z.object({
  displayName: z.string().trim().min(1).max(NAME_MAX),
  phone: z.string().trim().regex(PHONE_PATTERN, 'must be a phone number').nullable().default(null),
  /** Staff with a station may leave it out: their own station. */
  stationId: id.optional(),
  caseworkerId: id.nullable().default(null),
  backupCaseworkerId: id.nullable().default(null),
  programme: z.enum(Programme),
  track: z.enum(Track),
  riskTier: z.enum(RiskTier).default('MEDIUM'),
  locale: z.enum(PERSON_LOCALES).default('zh-CN'),
  status: z.enum(PersonStatus).default('ACTIVE'),
  programmeStart: isoDate,
  recoveryStartDate: isoDate.nullable().default(null),
  birthday: isoDate.nullable().default(null),
  /** 'daily', 'weekly:MON' or 'days:MON,WED,FRI'; null: the track's default. */
  checkInCadence: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => parseCadence(value) !== undefined, 'must be daily, weekly:MON or days:MON,WED,FRI')
    .nullable()
    .default(null),
  checkInTime: z.string().regex(CHECK_IN_TIME_PATTERN, 'must be HH:MM').default('09:00'),
});

export type ParticipantInput = z.infer<typeof ParticipantInputSchema>;

/** A @db.Date column value for a calendar date. */
export function dateColumn(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** A @db.Date column as its calendar date, for forms and JSON. */
export function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Form fields are strings; an empty one means "not set". */
export function blanksToNull(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    out[key] = keys.includes(key) && typeof value === 'string' && value.trim() === '' ? null : value;
  }
  return out;
}

const OPTIONAL_FIELDS = ['phone', 'caseworkerId', 'backupCaseworkerId', 'recoveryStartDate', 'birthday', 'checkInCadence'] as const;

/** The console's participant form, validated like the API body. */
export function parseParticipantForm(body: Record<string, unknown>): z.ZodSafeParseResult<ParticipantInput> {
  const fields = blanksToNull(body, OPTIONAL_FIELDS);
  if (fields.stationId === '') delete fields.stationId;
  return ParticipantInputSchema.safeParse(fields);
}
