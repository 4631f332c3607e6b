import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AppointmentKind } from '../../generated/prisma/client.js';
import { WEEKDAYS } from '../../scheduler/cadence.js';
import { parseTimeOfDay } from '../../scheduler/time.js';

/** Zod pieces shared by the console's forms and the JSON API. */

export const APPOINTMENT_KINDS = ['URINE_TEST', 'HAIR_TEST', 'CLASS', 'METHADONE_DOSE', 'CASEWORKER_VISIT', 'OTHER'] as const satisfies readonly AppointmentKind[];

export const RECORDED_STATUSES = ['ATTENDED', 'MISSED', 'EXCUSED'] as const;

/** Test results as the schema documents them (free text is allowed there; the console offers these). */
export const TEST_RESULTS = ['NEGATIVE', 'POSITIVE', 'INVALID'] as const;

export const TEXT_MAX = 200;
export const MAX_ATTENDEES = 500;
/** Occurrences created at once from the console or the API (two years of fortnightly tests). */
export const MAX_SERIES = 60;

export const IsoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((value) => DateTime.fromISO(value, { zone: 'utc' }).isValid, 'not a calendar date');

export const TimeOfDay = z
  .string()
  .trim()
  .refine((value) => parseTimeOfDay(value) !== undefined, 'expected HH:MM');

export const OptionalText = z
  .string()
  .trim()
  .max(TEXT_MAX)
  .optional()
  .transform((value) => (value ? value : undefined));

export const Id = z.string().trim().min(1).max(64);

/** The scheduler's recurrence rule (src/scheduler/recurrence.ts), as input. */
export const RecurrenceRuleSchema = z.union([
  z.object({ every: z.enum(['days', 'weeks']), interval: z.number().int().min(1).max(52) }).strict(),
  z.object({ nthWeekdayOfMonth: z.union([z.number().int().min(1).max(5), z.literal(-1)]), weekday: z.enum(WEEKDAYS) }).strict(),
]);

export const SeriesCount = z.number().int().min(1).max(MAX_SERIES);
