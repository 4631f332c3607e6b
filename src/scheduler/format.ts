import { DateTime } from 'luxon';
import type { AppointmentKind } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/index.js';
import { st, type SchedulerKey } from './i18n/index.js';
import { localDate } from './time.js';

const LUXON_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en-GB' };

function local(instant: Date, locale: Locale, zone: string): DateTime {
  return DateTime.fromJSDate(instant, { zone }).setLocale(LUXON_LOCALE[locale]);
}

/** "今天" / "明天" / "3月5日（周四）", in the zone. */
export function formatDay(instant: Date, locale: Locale, zone: string, now: Date): string {
  const day = localDate(instant, zone);
  const today = localDate(now, zone);
  if (day === today) return st(locale, 'fmt.today');
  if (day === DateTime.fromISO(today, { zone: 'utc' }).plus({ days: 1 }).toISODate()) return st(locale, 'fmt.tomorrow');
  return local(instant, locale, zone).toFormat(st(locale, 'fmt.date'));
}

/** "HH:mm" local time. */
export function formatTime(instant: Date, locale: Locale, zone: string): string {
  return local(instant, locale, zone).toFormat(st(locale, 'fmt.time'));
}

/** "明天 09:30", "3月5日（周四）10:00", in the zone. */
export function formatWhen(instant: Date, locale: Locale, zone: string, now: Date): string {
  return st(locale, 'fmt.when', { date: formatDay(instant, locale, zone, now), time: formatTime(instant, locale, zone) });
}

/** "尿检", or "集中教育课（戒毒常识）" with a topic. */
export function appointmentWhat(locale: Locale, kind: AppointmentKind, topic: string | null): string {
  const name = st(locale, `appt.kind.${kind}` as SchedulerKey);
  return topic ? st(locale, 'appt.withTopic', { kind: name, topic }) : name;
}
