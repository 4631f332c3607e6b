import { DateTime } from 'luxon';
import type { Locale } from '../i18n/index.js';
import { tr } from './i18n/index.js';

const LUXON_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-GB' };

function local(date: Date, locale: Locale, zone: string): DateTime {
  return DateTime.fromJSDate(date).setZone(zone).setLocale(LUXON_LOCALE[locale]);
}

/** "今天" / "明天" / "3月5日（周四）", in the station's timezone. */
export function formatDay(date: Date, locale: Locale, zone: string, now: Date): string {
  const day = local(date, locale, zone).startOf('day');
  const today = local(now, locale, zone).startOf('day');
  const diff = Math.round(day.diff(today, 'days').days);
  if (diff === 0) return tr(locale, 'fmt.today');
  if (diff === 1) return tr(locale, 'fmt.tomorrow');
  return day.toFormat(tr(locale, 'fmt.date'));
}

/** "明天 09:30", "3月5日（周四）10:00", "Thu 5 Mar 10:00", in the station's timezone. */
export function formatWhen(date: Date, locale: Locale, zone: string, now: Date): string {
  const time = local(date, locale, zone).toFormat(tr(locale, 'fmt.time'));
  return tr(locale, 'fmt.when', { date: formatDay(date, locale, zone, now), time });
}

/** The calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function localIsoDate(date: Date, zone: string): string {
  return DateTime.fromJSDate(date).setZone(zone).toISODate() ?? date.toISOString().slice(0, 10);
}

/** A @db.Date column (midnight UTC) as its calendar date. */
export function dateColumnIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Whole calendar days from one date to another (never negative). */
export function calendarDaysBetween(fromIso: string, toIso: string): number {
  const from = DateTime.fromISO(fromIso, { zone: 'utc' });
  const to = DateTime.fromISO(toIso, { zone: 'utc' });
  return Math.max(0, Math.round(to.diff(from, 'days').days));
}

/**
 * Days in recovery (操守保持): since the last reported use, or else since the
 * recovery start date; undefined when neither is known.
 */
export function daysInRecovery(input: { lastUseAt: Date | null; recoveryStartDate: Date | null }, now: Date, zone: string): number | undefined {
  const start = input.lastUseAt ? localIsoDate(input.lastUseAt, zone) : input.recoveryStartDate ? dateColumnIso(input.recoveryStartDate) : undefined;
  if (!start) return undefined;
  return calendarDaysBetween(start, localIsoDate(now, zone));
}

/** Fills {name} placeholders in stored content (e.g. {emergency}); unknown ones stay. */
export function fillContent(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
