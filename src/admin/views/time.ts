import { DateTime } from 'luxon';

/** A time in the station's timezone, as staff there read it. */
export function localTime(at: Date | string, timezone: string): string {
  const value = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return value.isValid ? value.setZone(timezone).toFormat('yyyy-MM-dd HH:mm') : '—';
}
