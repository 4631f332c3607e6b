import { DateTime } from 'luxon';
import { WEEKDAYS, weekdayNumber, type Weekday } from './cadence.js';

/**
 * The two recurrence forms the stations use, as small pure functions
 * instead of a full RRULE library: every N days or weeks (a urine test every
 * two weeks), and the Nth weekday of the month (the class on the first
 * Saturday). Occurrences keep the first one's local wall-clock time.
 */
export type RecurrenceRule =
  | { every: 'days' | 'weeks'; interval: number }
  /** 1–5, or -1 for the last; months without a fifth such weekday are skipped. */
  | { nthWeekdayOfMonth: number; weekday: Weekday };

/** Longest series created at once. */
export const MAX_OCCURRENCES = 366;

export function validateRule(rule: RecurrenceRule): string | undefined {
  if ('every' in rule) {
    if (!Number.isInteger(rule.interval) || rule.interval < 1 || rule.interval > 365) return 'interval must be a whole number from 1 to 365';
    return undefined;
  }
  const n = rule.nthWeekdayOfMonth;
  if (!(Number.isInteger(n) && ((n >= 1 && n <= 5) || n === -1))) return 'nthWeekdayOfMonth must be 1–5 or -1';
  if (weekdayNumber(rule.weekday) === undefined) return 'weekday must be MON…SUN';
  return undefined;
}

/** The RFC 5545 form stored on each occurrence (Appointment.recurrenceRule). */
export function toRRule(rule: RecurrenceRule, count: number): string {
  if ('every' in rule) return `FREQ=${rule.every === 'days' ? 'DAILY' : 'WEEKLY'};INTERVAL=${rule.interval};COUNT=${count}`;
  const day = rule.weekday.slice(0, 2).toUpperCase();
  return `FREQ=MONTHLY;BYDAY=${rule.nthWeekdayOfMonth}${day};COUNT=${count}`;
}

/** The day of the month of the nth (or last, n = -1) ISO weekday; undefined when the month has none. */
export function nthWeekdayInMonth(year: number, month: number, isoWeekday: number, n: number): number | undefined {
  const first = DateTime.utc(year, month, 1);
  const daysInMonth = first.daysInMonth ?? 28;
  if (n === -1) {
    const last = DateTime.utc(year, month, daysInMonth);
    return daysInMonth - ((last.weekday - isoWeekday + 7) % 7);
  }
  const day = 1 + ((isoWeekday - first.weekday + 7) % 7) + (n - 1) * 7;
  return day <= daysInMonth ? day : undefined;
}

/**
 * `count` occurrences from `first` (itself included when it matches the
 * rule; for the monthly form the series starts at the first matching date
 * on or after it), in the zone's wall-clock time.
 */
export function occurrences(first: Date, rule: RecurrenceRule, count: number, zone: string): Date[] {
  const problem = validateRule(rule);
  if (problem) throw new Error(`bad recurrence rule: ${problem}`);
  const n = Math.min(Math.max(0, Math.floor(count)), MAX_OCCURRENCES);
  const start = DateTime.fromJSDate(first, { zone });
  const out: Date[] = [];
  if ('every' in rule) {
    const step = rule.every === 'days' ? rule.interval : rule.interval * 7;
    // plus({ days }) keeps the wall-clock time across DST changes.
    for (let i = 0; i < n; i++) out.push(start.plus({ days: i * step }).toJSDate());
    return out;
  }
  const weekday = weekdayNumber(rule.weekday) ?? 1;
  let month = start.startOf('month');
  for (let guard = 0; out.length < n && guard < n * 2 + 24; guard++, month = month.plus({ months: 1 })) {
    const day = nthWeekdayInMonth(month.year, month.month, weekday, rule.nthWeekdayOfMonth);
    if (day === undefined) continue;
    const at = DateTime.fromObject(
      { year: month.year, month: month.month, day, hour: start.hour, minute: start.minute },
      { zone },
    );
    if (at < start.startOf('minute')) continue;
    out.push(at.toJSDate());
  }
  return out;
}

export { WEEKDAYS, type Weekday };
