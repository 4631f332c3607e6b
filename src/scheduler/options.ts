import { AppointmentKind } from '../generated/prisma/enums.js';

/** Offsets per appointment kind; a kind not listed uses `appointmentOffsetsMinutes`. */
export type OffsetsByKind = Partial<Record<AppointmentKind, number[]>>;

/**
 * Scheduler settings. Every field has a default; service.ts passes the
 * configured values (see the report for the environment variables).
 */
export interface SchedulerOptions {
  /** node-cron expression (with seconds) for the tick. */
  cron: string;
  /** Quiet hours in the station's timezone, "HH:MM"; equal values turn them off. */
  quietHours: { start: string; end: string };
  /** A check-in reminder not sent this long after its time is skipped; a check-in after it counts as missed. */
  checkInWindowHours: number;
  /** One gentle follow-up this long after an unanswered check-in reminder; 0 turns follow-ups off. */
  followUpHours: number;
  /** This many check-in reminders in a row with no check-in raise a dropout signal (level 2). */
  missedStreak: number;
  /** Appointment reminders, this many minutes before the start, e.g. [1440, 120]. */
  appointmentOffsetsMinutes: number[];
  /**
   * Offsets for particular kinds, replacing the ones above for that kind; an
   * empty list sends that kind no reminders. Merged over the defaults kind by
   * kind: a daily methadone dose gets one reminder an hour before, not one
   * the day before.
   */
  appointmentOffsetsByKind: OffsetsByKind;
  /** The caseworkers' morning digest, "HH:MM" station time. */
  digestTime: string;
  /** A digest not sent this long after its time is skipped. */
  digestWindowHours: number;
  /** The full planning pass runs at most this often (minutes); 0 runs it on every tick. */
  planEveryMinutes: number;
  /** Participants read and reminders written per statement while planning. */
  planBatchSize: number;
  /** Reminders claimed per dispatch transaction. */
  dispatchBatchSize: number;
  /** A tick stops dispatching after this long and continues on the next one. */
  tickBudgetMs: number;
  /** Used when a station's timezone is not a valid IANA name. */
  defaultTimezone: string;
}

export const DEFAULT_SCHEDULER_OPTIONS: SchedulerOptions = {
  cron: '0 * * * * *',
  quietHours: { start: '22:00', end: '08:00' },
  checkInWindowHours: 12,
  followUpHours: 4,
  missedStreak: 3,
  appointmentOffsetsMinutes: [24 * 60, 120],
  appointmentOffsetsByKind: { METHADONE_DOSE: [60] },
  digestTime: '08:00',
  digestWindowHours: 4,
  planEveryMinutes: 10,
  planBatchSize: 5000,
  dispatchBatchSize: 500,
  tickBudgetMs: 45_000,
  defaultTimezone: 'Asia/Shanghai',
};

/** Distinct positive whole minutes, largest first: each reminder's window ends when the next one is due. */
function normaliseOffsets(minutes: readonly number[]): number[] {
  return [...new Set(minutes.filter((m) => Number.isInteger(m) && m > 0))].sort((a, b) => b - a);
}

export function resolveOptions(partial: Partial<SchedulerOptions> = {}): SchedulerOptions {
  const options = { ...DEFAULT_SCHEDULER_OPTIONS, ...partial };
  const byKind: OffsetsByKind = { ...DEFAULT_SCHEDULER_OPTIONS.appointmentOffsetsByKind, ...partial.appointmentOffsetsByKind };
  const appointmentOffsetsByKind: OffsetsByKind = {};
  for (const [kind, minutes] of Object.entries(byKind) as [AppointmentKind, number[] | undefined][]) {
    if (minutes) appointmentOffsetsByKind[kind] = normaliseOffsets(minutes);
  }
  return { ...options, appointmentOffsetsMinutes: normaliseOffsets(options.appointmentOffsetsMinutes), appointmentOffsetsByKind };
}

/** The reminder offsets of an appointment kind, largest first (resolved options). */
export function appointmentOffsetsFor(options: Pick<SchedulerOptions, 'appointmentOffsetsMinutes' | 'appointmentOffsetsByKind'>, kind: AppointmentKind): readonly number[] {
  return options.appointmentOffsetsByKind[kind] ?? options.appointmentOffsetsMinutes;
}

/** The longest offset of any kind: how far ahead appointments are planned. 0 when no kind gets reminders. */
export function longestAppointmentOffset(options: Pick<SchedulerOptions, 'appointmentOffsetsMinutes' | 'appointmentOffsetsByKind'>): number {
  return Math.max(0, ...options.appointmentOffsetsMinutes, ...Object.values(options.appointmentOffsetsByKind).flatMap((m) => m ?? []));
}

/** "1d", "2h", "90m" for an offset in minutes: the form used in dedupe keys. */
export function offsetLabel(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}

/** Parses "1d,2h,30m" (the configuration form) into minutes; undefined when malformed. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const minutes: number[] = [];
  for (const part of parts) {
    const match = /^(\d{1,4})([dhm])$/.exec(part);
    if (!match) return undefined;
    const n = Number(match[1]);
    const unit = match[2] === 'd' ? 1440 : match[2] === 'h' ? 60 : 1;
    if (n <= 0) return undefined;
    minutes.push(n * unit);
  }
  return minutes.length > 0 ? minutes : undefined;
}

const APPOINTMENT_KINDS: ReadonlySet<string> = new Set(Object.values(AppointmentKind));

/**
 * Parses "METHADONE_DOSE=1h;CLASS=3d,2h;OTHER=none" (the configuration form
 * of `appointmentOffsetsByKind`; `none` sends that kind no reminders) into
 * minutes per kind; undefined when malformed or a kind is unknown or repeated.
 */
export function parseOffsetsByKind(text: string): OffsetsByKind | undefined {
  const result: OffsetsByKind = {};
  const entries = text.split(';').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const match = /^([A-Z_]+)\s*=\s*(.+)$/.exec(entry);
    const kind = match?.[1];
    const value = match?.[2]?.trim();
    if (!kind || !value || !APPOINTMENT_KINDS.has(kind) || kind in result) return undefined;
    const minutes = value.toLowerCase() === 'none' ? [] : parseOffsets(value);
    if (!minutes) return undefined;
    result[kind as AppointmentKind] = minutes;
  }
  return result;
}
