import { z } from 'zod';
import { WEEKDAYS } from '../../scheduler/cadence.js';
import type { NewAppointment } from './create.js';
import { APPOINTMENT_KINDS, Id, IsoDate, MAX_ATTENDEES, OptionalText, RECORDED_STATUSES, SeriesCount, TEST_RESULTS, TimeOfDay } from './schema.js';

/** The console's form bodies (Hono's parseBody with all: true), as domain input. */
type Body = Record<string, string | File | (string | File)[]>;

const many = (value: Body[string] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string' && v !== '');

const single = (value: Body[string] | undefined): string | undefined => {
  const values = many(value);
  return values[values.length - 1];
};

const REPEATS = ['none', 'weeks', 'monthly'] as const;

const CreateForm = z.object({
  station: Id,
  kind: z.enum(APPOINTMENT_KINDS),
  date: IsoDate,
  time: TimeOfDay,
  duration: z.coerce.number().int().min(5).max(720).optional(),
  title: OptionalText,
  topic: OptionalText,
  place: OptionalText,
  wholeStation: z.literal('1').optional(),
  repeat: z.enum(REPEATS).default('none'),
  interval: z.coerce.number().int().min(1).max(52).default(2),
  nth: z.coerce.number().int().refine((n) => (n >= 1 && n <= 5) || n === -1).default(1),
  weekday: z.enum(WEEKDAYS).default('SAT'),
  count: z.coerce.number().pipe(SeriesCount).default(6),
});

/** The create form's raw values, to show the form again after an error. */
export type CreateFormValues = Partial<Record<'station' | 'kind' | 'date' | 'time' | 'duration' | 'title' | 'topic' | 'place' | 'repeat' | 'interval' | 'nth' | 'weekday' | 'count', string>> & {
  attendees: string[];
  wholeStation: boolean;
};

export function createFormValues(body: Body): CreateFormValues {
  const keys = ['station', 'kind', 'date', 'time', 'duration', 'title', 'topic', 'place', 'repeat', 'interval', 'nth', 'weekday', 'count'] as const;
  const values: CreateFormValues = { attendees: many(body.attendees), wholeStation: single(body.wholeStation) === '1' };
  for (const key of keys) {
    const value = single(body[key]);
    if (value !== undefined) values[key] = value;
  }
  return values;
}

export function parseCreateForm(values: CreateFormValues): NewAppointment | undefined {
  const { attendees, wholeStation, ...fields } = values;
  const parsed = CreateForm.safeParse({ ...fields, ...(wholeStation ? { wholeStation: '1' } : {}) });
  if (!parsed.success || attendees.length > MAX_ATTENDEES) return undefined;
  const f = parsed.data;
  const recurrence =
    f.repeat === 'weeks'
      ? { rule: { every: 'weeks' as const, interval: f.interval }, count: f.count }
      : f.repeat === 'monthly'
        ? { rule: { nthWeekdayOfMonth: f.nth, weekday: f.weekday }, count: f.count }
        : undefined;
  return {
    stationId: f.station,
    kind: f.kind,
    start: { date: f.date, time: f.time },
    durationMinutes: f.duration,
    title: f.title,
    topic: f.topic,
    place: f.place,
    attendees,
    wholeStation: f.wholeStation === '1',
    recurrence,
  };
}

const MoveForm = z.object({ date: IsoDate, time: TimeOfDay });

export function parseMoveForm(body: Body): { date: string; time: string } | undefined {
  const parsed = MoveForm.safeParse({ date: single(body.date), time: single(body.time) });
  return parsed.success ? parsed.data : undefined;
}

const AttendanceForm = z.object({
  participantId: Id,
  status: z.enum(RECORDED_STATUSES),
  result: z.enum(TEST_RESULTS).optional(),
});

export function parseAttendanceForm(body: Body): z.infer<typeof AttendanceForm> | undefined {
  const result = single(body.result);
  const parsed = AttendanceForm.safeParse({ participantId: single(body.participantId), status: single(body.status), ...(result ? { result } : {}) });
  return parsed.success ? parsed.data : undefined;
}

const MuteForm = z.union([z.object({ clear: z.literal('1') }), z.object({ resumeOn: IsoDate })]);

/** null clears the pause. */
export function parseMuteForm(body: Body): { resumeOn: string | null } | undefined {
  const clear = single(body.clear);
  const parsed = MuteForm.safeParse(clear ? { clear } : { resumeOn: single(body.resumeOn) });
  if (!parsed.success) return undefined;
  return 'clear' in parsed.data ? { resumeOn: null } : { resumeOn: parsed.data.resumeOn };
}

export const CADENCE_MODES = ['default', 'daily', 'weekly', 'days', 'custom'] as const;

const CheckInForm = z.object({
  mode: z.enum(CADENCE_MODES),
  day: z.enum(WEEKDAYS).optional(),
  custom: z.string().trim().max(60).optional(),
  time: TimeOfDay,
});

/**
 * The cadence in the scheduler's stored form ('daily', 'weekly:MON',
 * 'days:MON,WED'); null is the track's default. The caller still checks it
 * with the scheduler's parser.
 */
export function parseCheckInForm(body: Body): { cadence: string | null; time: string } | undefined {
  const parsed = CheckInForm.safeParse({ mode: single(body.mode), day: single(body.day), custom: single(body.custom), time: single(body.time) });
  if (!parsed.success) return undefined;
  const { mode, day, custom, time } = parsed.data;
  const days = many(body.days).filter((d) => (WEEKDAYS as readonly string[]).includes(d));
  switch (mode) {
    case 'default':
      return { cadence: null, time };
    case 'daily':
      return { cadence: 'daily', time };
    case 'weekly':
      return day ? { cadence: `weekly:${day}`, time } : undefined;
    case 'days': {
      const ordered = WEEKDAYS.filter((d) => days.includes(d));
      return ordered.length > 0 ? { cadence: `days:${ordered.join(',')}`, time } : undefined;
    }
    case 'custom':
      // As typed: the scheduler's parser decides whether it is a cadence.
      return custom ? { cadence: custom, time } : undefined;
  }
}
