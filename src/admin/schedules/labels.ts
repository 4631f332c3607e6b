import type { AppointmentKind, AppointmentStatus, AttendanceStatus, ReminderStatus } from '../../generated/prisma/client.js';
import type { Weekday } from '../../scheduler/cadence.js';
import type { AdminMessageKey, Translate } from '../i18n/index.js';
import type { TEST_RESULTS } from './schema.js';

const KIND: Record<AppointmentKind, AdminMessageKey> = {
  URINE_TEST: 'sched.kind.URINE_TEST',
  HAIR_TEST: 'sched.kind.HAIR_TEST',
  CLASS: 'sched.kind.CLASS',
  METHADONE_DOSE: 'sched.kind.METHADONE_DOSE',
  CASEWORKER_VISIT: 'sched.kind.CASEWORKER_VISIT',
  OTHER: 'sched.kind.OTHER',
};

const STATUS: Record<AppointmentStatus, AdminMessageKey> = {
  SCHEDULED: 'sched.status.SCHEDULED',
  CANCELLED: 'sched.status.CANCELLED',
  DONE: 'sched.status.DONE',
};

const ATTENDANCE: Record<AttendanceStatus, AdminMessageKey> = {
  INVITED: 'sched.att.INVITED',
  CONFIRMED: 'sched.att.CONFIRMED',
  RESCHEDULE_REQUESTED: 'sched.att.RESCHEDULE_REQUESTED',
  ATTENDED: 'sched.att.ATTENDED',
  MISSED: 'sched.att.MISSED',
  EXCUSED: 'sched.att.EXCUSED',
};

const REMINDER: Record<ReminderStatus, AdminMessageKey> = {
  PENDING: 'sched.rem.PENDING',
  SENT: 'sched.rem.SENT',
  SKIPPED: 'sched.rem.SKIPPED',
  CANCELLED: 'sched.rem.CANCELLED',
};

const RESULT: Record<(typeof TEST_RESULTS)[number], AdminMessageKey> = {
  NEGATIVE: 'sched.result.NEGATIVE',
  POSITIVE: 'sched.result.POSITIVE',
  INVALID: 'sched.result.INVALID',
};

const REASON: Record<string, AdminMessageKey> = {
  'quiet-hours': 'sched.reason.quiet-hours',
  stale: 'sched.reason.stale',
  muted: 'sched.reason.muted',
  confirmed: 'sched.reason.confirmed',
  'reschedule-requested': 'sched.reason.reschedule-requested',
  'appointment-cancelled': 'sched.reason.appointment-cancelled',
  'attendance-recorded': 'sched.reason.attendance-recorded',
  'opted-out': 'sched.reason.opted-out',
  unreachable: 'sched.reason.unreachable',
  'no-identity': 'sched.reason.no-identity',
};

export const DAY: Record<Weekday, AdminMessageKey> = {
  MON: 'sched.day.MON',
  TUE: 'sched.day.TUE',
  WED: 'sched.day.WED',
  THU: 'sched.day.THU',
  FRI: 'sched.day.FRI',
  SAT: 'sched.day.SAT',
  SUN: 'sched.day.SUN',
};

export const kindLabel = (t: Translate, kind: AppointmentKind) => t(KIND[kind]);
export const appointmentStatusLabel = (t: Translate, status: AppointmentStatus) => t(STATUS[status]);
export const attendanceLabel = (t: Translate, status: AttendanceStatus) => t(ATTENDANCE[status]);
export const reminderStatusLabel = (t: Translate, status: ReminderStatus) => t(REMINDER[status]);

/** A stored result the console does not offer (free text from elsewhere) is shown as stored. */
export function resultLabel(t: Translate, result: string | null): string {
  if (!result) return t('sched.result.none');
  const key = (RESULT as Record<string, AdminMessageKey>)[result];
  return key ? t(key) : result;
}

/** A skip reason the catalog does not know yet is shown as stored (an internal code, never personal data). */
export function reasonLabel(t: Translate, reason: string | null): string | undefined {
  if (!reason) return undefined;
  const key = REASON[reason];
  return key ? t(key) : reason;
}
