import { DateTime, IANAZone } from 'luxon';

/**
 * Time in the scheduler: instants are stored in UTC; days, times of day and
 * quiet hours are wall-clock values in the station's timezone. Luxon does the
 * conversion, so a 09:00 check-in stays at 09:00 local across a DST change.
 */

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for "HH:MM"; undefined when malformed. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = HH_MM.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** A station's zone when valid, else the fallback. */
export function validZone(zone: string | null | undefined, fallback: string): string {
  return zone && IANAZone.isValidZone(zone) ? zone : fallback;
}

/** The calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? instant.toISOString().slice(0, 10);
}

/** The date `days` after an ISO date (calendar arithmetic, no zone). */
export function addDays(isoDate: string, days: number): string {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).plus({ days }).toISODate() ?? isoDate;
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function weekdayOf(isoDate: string): number {
  return DateTime.fromISO(isoDate, { zone: 'utc' }).weekday;
}

/**
 * The instant of a local wall-clock time on a local date. A time that does
 * not exist (the hour skipped in spring) moves forward by the gap; a time
 * that exists twice (autumn) is the later one, as luxon resolves it.
 */
export function atLocal(isoDate: string, minutesOfDay: number, zone: string): Date {
  return DateTime.fromISO(isoDate, { zone })
    .set({ hour: Math.floor(minutesOfDay / 60), minute: minutesOfDay % 60, second: 0, millisecond: 0 })
    .toJSDate();
}

/** Midnight at the start of an instant's local day, as an instant. */
export function startOfLocalDay(instant: Date, zone: string): Date {
  return DateTime.fromJSDate(instant, { zone }).startOf('day').toJSDate();
}

export interface QuietHours {
  /** Minutes after midnight. */
  start: number;
  end: number;
}

export function parseQuietHours(value: { start: string; end: string }): QuietHours {
  const start = parseTimeOfDay(value.start);
  const end = parseTimeOfDay(value.end);
  if (start === undefined || end === undefined) throw new Error(`quiet hours must be HH:MM, got ${value.start}–${value.end}`);
  return { start, end };
}

/** Whether an instant falls inside quiet hours, local time [start, end). */
export function inQuietHours(instant: Date, zone: string, quiet: QuietHours): boolean {
  if (quiet.start === quiet.end) return false;
  const local = DateTime.fromJSDate(instant, { zone });
  const minutes = local.hour * 60 + local.minute;
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** The end of the quiet hours an instant falls in (the instant itself when outside). */
export function endOfQuietHours(instant: Date, zone: string, quiet: QuietHours): Date {
  if (!inQuietHours(instant, zone, quiet)) return instant;
  const local = DateTime.fromJSDate(instant, { zone });
  const minutes = local.hour * 60 + local.minute;
  // Overnight quiet hours seen in the evening end tomorrow morning.
  const endDay = quiet.start > quiet.end && minutes >= quiet.start ? local.plus({ days: 1 }) : local;
  return atLocal(endDay.toISODate() ?? localDate(instant, zone), quiet.end, zone);
}

/**
 * Where a non-urgent send planned for `dueAt` goes: unchanged outside quiet
 * hours; to the end of quiet hours when that is still before `windowEndsAt`;
 * otherwise nowhere (undefined: skip it).
 */
export function outsideQuietHours(dueAt: Date, windowEndsAt: Date, zone: string, quiet: QuietHours): Date | undefined {
  const moved = endOfQuietHours(dueAt, zone, quiet);
  return moved.getTime() < windowEndsAt.getTime() ? moved : undefined;
}
