import { DateTime } from 'luxon';
import { WEEKDAYS } from '../../../scheduler/cadence.js';
import { weekdayOf } from '../../../scheduler/time.js';
import type { Translate } from '../../i18n/index.js';
import { DAY } from '../labels.js';

/** "09:30" in the station's timezone. */
export function clockTime(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
}

/** "周四 03-05" / "Thu 03-05" for a local date. */
export function dayHeading(t: Translate, date: string): string {
  const day = WEEKDAYS[weekdayOf(date) - 1] ?? 'MON';
  return `${t(DAY[day])} ${date.slice(5)}`;
}
