import type { RiskTier, Track } from '../generated/prisma/client.js';

/**
 * Check-in cadence: on which local weekdays a participant is asked. Stored
 * on the participant as 'daily' | 'weekly:MON' | 'days:MON,WED,FRI';
 * null means the default for the track and risk tier.
 */

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ISO weekday numbers (1 Monday … 7 Sunday) on which a check-in is due. */
export type Cadence = ReadonlySet<number>;

const EVERY_DAY: Cadence = new Set([1, 2, 3, 4, 5, 6, 7]);

/** The track's own default (a MEDIUM risk tier): DEPENDENT daily (close support), METHADONE Mon/Wed/Fri, ABSTINENT weekly on Monday. */
export const DEFAULT_CADENCE: Record<Track, string> = {
  DEPENDENT: 'daily',
  METHADONE: 'days:MON,WED,FRI',
  ABSTINENT: 'weekly:MON',
};

/**
 * Defaults by track and risk tier. HIGH is asked every day whatever the
 * track; LOW may be asked less often than the track's default, except
 * DEPENDENT, whose close support does not loosen, and ABSTINENT, already
 * at the least frequent form (weekly).
 */
export const DEFAULT_CADENCE_BY_TIER: Record<Track, Record<RiskTier, string>> = {
  DEPENDENT: { LOW: DEFAULT_CADENCE.DEPENDENT, MEDIUM: DEFAULT_CADENCE.DEPENDENT, HIGH: 'daily' },
  METHADONE: { LOW: 'days:MON,THU', MEDIUM: DEFAULT_CADENCE.METHADONE, HIGH: 'daily' },
  ABSTINENT: { LOW: DEFAULT_CADENCE.ABSTINENT, MEDIUM: DEFAULT_CADENCE.ABSTINENT, HIGH: 'daily' },
};

/** The default cadence string for a track and risk tier. */
export function defaultCadence(track: Track, riskTier: RiskTier): string {
  return DEFAULT_CADENCE_BY_TIER[track][riskTier];
}

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

function cached(text: string): Cadence | undefined {
  if (!parsed.has(text)) parsed.set(text, parseCadence(text));
  return parsed.get(text);
}

/**
 * The participant's own cadence when set and well-formed (it wins over any
 * default), else the default for the track and risk tier.
 */
export function cadenceFor(person: { track: Track; riskTier: RiskTier; checkInCadence: string | null }): Cadence {
  const own = person.checkInCadence === null ? undefined : cached(person.checkInCadence);
  return own ?? (cached(defaultCadence(person.track, person.riskTier)) as Cadence);
}

/** Whether a check-in is due on a local date's ISO weekday. */
export function isCheckInDay(cadence: Cadence, isoWeekday: number): boolean {
  return cadence.has(isoWeekday);
}
