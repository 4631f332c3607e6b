import { randomUUID } from 'node:crypto';
import type { EscalationChange } from '../escalation/open-or-raise.js';
import type { AppointmentKind, AttendanceStatus, Prisma } from '../generated/prisma/client.js';
import { asLocale } from '../i18n/index.js';
import { settingsOrDefault, type SchedulerSettings } from './context.js';
import { appointmentWhat, formatWhen } from './format.js';
import { st } from './i18n/index.js';
import { planAppointmentReminders } from './plan.js';
import { occurrences, toRRule, validateRule, type RecurrenceRule } from './recurrence.js';
import { caseworkerLocale, raiseScheduleSignal } from './signals.js';
import { validZone } from './time.js';

type Tx = Prisma.TransactionClient;

export interface RecurringAppointmentsInput {
  stationId: string;
  kind: AppointmentKind;
  /** The first occurrence; later ones keep its local wall-clock time. */
  firstStartsAt: Date;
  rule: RecurrenceRule;
  count: number;
  /** Participant ids invited to every occurrence (a class has many). */
  attendees: string[];
  /** Each occurrence lasts this long (sets endsAt). */
  durationMinutes?: number;
  title?: string | null;
  topic?: string | null;
  place?: string | null;
  createdById?: string | null;
  /** For planning the reminders of occurrences that are already close. */
  now: Date;
}

export type RecurringResult = { kind: 'created'; seriesId: string; appointmentIds: string[]; startsAt: Date[] } | { kind: 'invalid'; reason: string };

/**
 * Creates a series: `count` appointments sharing a seriesId and the RRULE
 * text, each with the attendees, in the station's timezone (a class on the
 * first Saturday at 09:00 stays at 09:00 across DST). Reminders for
 * occurrences inside the planning horizon are planned at once.
 */
export async function createRecurringAppointments(tx: Tx, input: RecurringAppointmentsInput, settings?: SchedulerSettings): Promise<RecurringResult> {
  const s = settingsOrDefault(settings);
  const problem = validateRule(input.rule);
  if (problem) return { kind: 'invalid', reason: problem };
  if (!Number.isInteger(input.count) || input.count < 1) return { kind: 'invalid', reason: 'count must be a whole number ≥ 1' };
  const station = await tx.station.findUnique({ where: { id: input.stationId }, select: { timezone: true } });
  if (!station) return { kind: 'invalid', reason: 'station not found' };
  const zone = validZone(station.timezone, s.options.defaultTimezone);
  const starts = occurrences(input.firstStartsAt, input.rule, input.count, zone);
  const seriesId = randomUUID();
  const recurrenceRule = toRRule(input.rule, starts.length);
  const attendees = [...new Set(input.attendees)];
  const ids = starts.map(() => randomUUID());
  await tx.appointment.createMany({
    data: starts.map((startsAt, index) => ({
      id: ids[index] as string,
      stationId: input.stationId,
      kind: input.kind,
      title: input.title ?? null,
      topic: input.topic ?? null,
      place: input.place ?? null,
      startsAt,
      endsAt: input.durationMinutes ? new Date(startsAt.getTime() + input.durationMinutes * 60_000) : null,
      recurrenceRule,
      seriesId,
      createdById: input.createdById ?? null,
      createdAt: input.now,
    })),
  });
  if (attendees.length > 0) {
    await tx.appointmentAttendee.createMany({
      data: ids.flatMap((appointmentId) => attendees.map((participantId) => ({ appointmentId, participantId }))),
      skipDuplicates: true,
    });
  }
  await planAppointmentReminders(tx, s, input.now, ids, true);
  return { kind: 'created', seriesId, appointmentIds: ids, startsAt: starts };
}

const DRUG_TESTS: ReadonlySet<AppointmentKind> = new Set(['URINE_TEST', 'HAIR_TEST']);

export type RecordedStatus = Extract<AttendanceStatus, 'ATTENDED' | 'MISSED' | 'EXCUSED'>;

export type AttendanceResult =
  | { kind: 'recorded'; status: RecordedStatus; signalled: boolean; escalation?: EscalationChange }
  | { kind: 'not-found' };

/**
 * The caseworker records what happened: attended, missed or excused, and for
 * tests the result. Pending reminders for that person and appointment stop.
 * A drug test newly recorded as missed is a level-2 dropout signal for
 * triage (recording it missed again does not signal twice).
 */
export async function recordAttendance(
  tx: Tx,
  appointmentId: string,
  participantId: string,
  status: RecordedStatus,
  result: string | null | undefined,
  now: Date,
  settings?: SchedulerSettings,
): Promise<AttendanceResult> {
  const s = settingsOrDefault(settings);
  const attendee = await tx.appointmentAttendee.findUnique({
    where: { appointmentId_participantId: { appointmentId, participantId } },
    include: { appointment: { include: { station: { select: { timezone: true } } } } },
  });
  if (!attendee) return { kind: 'not-found' };
  // Conditional: of two concurrent recordings of MISSED, one signals.
  const changed = await tx.appointmentAttendee.updateMany({
    where: { appointmentId, participantId, status: { not: status } },
    data: { status, recordedAt: now, ...(result !== undefined ? { result } : {}) },
  });
  if (changed.count === 0 && result !== undefined) {
    await tx.appointmentAttendee.update({ where: { appointmentId_participantId: { appointmentId, participantId } }, data: { result, recordedAt: now } });
  }
  await tx.reminder.updateMany({
    where: { appointmentId, participantId, status: 'PENDING' },
    data: { status: 'CANCELLED', skipReason: 'attendance-recorded' },
  });
  const { appointment } = attendee;
  if (status !== 'MISSED' || changed.count === 0 || !DRUG_TESTS.has(appointment.kind)) return { kind: 'recorded', status, signalled: false };
  const locale = asLocale(await caseworkerLocale(tx, participantId));
  const zone = validZone(appointment.station.timezone, s.options.defaultTimezone);
  const signal = await raiseScheduleSignal(tx, s.escalation, {
    participantId,
    signals: { missedDrugTest: true },
    summary: st(locale, 'signal.missedTest', {
      kind: appointmentWhat(locale, appointment.kind, null),
      when: formatWhen(appointment.startsAt, locale, zone, now),
    }),
    source: `appointment:${appointmentId}`,
    now,
  });
  return { kind: 'recorded', status, signalled: true, ...(signal.escalation ? { escalation: signal.escalation } : {}) };
}
