import type { Track } from '../generated/prisma/client.js';

/**
 * Check-in cadence: on which local weekdays a participant is asked. Stored
 * on the participant as 'daily' | 'weekly:MON' | 'days:MON,WED,FRI';
 * null means the default for the track.
 */

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ISO weekday numbers (1 Monday … 7 Sunday) on which a check-in is due. */
export type Cadence = ReadonlySet<number>;

const EVERY_DAY: Cadence = new Set([1, 2, 3, 4, 5, 6, 7]);

/** DEPENDENT daily (close support), METHADONE Mon/Wed/Fri, ABSTINENT weekly on Monday. */
export const DEFAULT_CADENCE: Record<Track, string> = {
  DEPENDENT: 'daily',
  METHADONE: 'days:MON,WED,FRI',
  ABSTINENT: 'weekly:MON',
};

/** ISO weekday number of 'MON'…'SUN' (case-insensitive); undefined otherwise. */
export function weekdayNumber(name: string): number | undefined {
  const index = (WEEKDAYS as readonly string[]).indexOf(name.trim().toUpperCase());
  return index < 0 ? undefined : index + 1;
}

/** The weekdays of a cadence string; undefined when it is not one of the three forms. */
export function parseCadence(text: string): Cadence | undefined {
  const value = text.trim().toLowerCase();
  if (value === 'daily') return EVERY_DAY;
  const weekly = /^weekly:([a-z]{3})$/.exec(value);
  if (weekly) {
    const day = weekdayNumber(weekly[1] ?? '');
    return day === undefined ? undefined : new Set([day]);
  }
  const days = /^days:([a-z]{3}(?:,[a-z]{3})*)$/.exec(value.replace(/\s+/g, ''));
  if (days) {
    const numbers = (days[1] ?? '').split(',').map(weekdayNumber);
    if (numbers.some((n) => n === undefined)) return undefined;
    return new Set(numbers as number[]);
  }
  return undefined;
}

const parsed = new Map<string, Cadence | undefined>();

/** The participant's cadence, or the track's default when unset or malformed. */
export function cadenceFor(track: Track, override: string | null): Cadence {
  const key = override ?? DEFAULT_CADENCE[track];
  if (!parsed.has(key)) parsed.set(key, parseCadence(key));
  return parsed.get(key) ?? (parseCadence(DEFAULT_CADENCE[track]) as Cadence);
}

/** Whether a check-in is due on a local date's ISO weekday. */
export function isCheckInDay(cadence: Cadence, isoWeekday: number): boolean {
  return cadence.has(isoWeekday);
}
