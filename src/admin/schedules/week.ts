import { addDays, atLocal, localDate, weekdayOf } from '../../scheduler/time.js';

export interface WeekDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  start: Date;
  end: Date;
}

export interface Week {
  days: WeekDay[];
  start: Date;
  end: Date;
  /** Mondays of the weeks before and after, for links. */
  previous: string;
  next: string;
}

/** The Monday-to-Sunday week holding a local date, in the station's timezone (days are 23 or 25 hours across DST). */
export function weekOf(anchorDate: string, zone: string): Week {
  const monday = addDays(anchorDate, 1 - weekdayOf(anchorDate));
  const days = [0, 1, 2, 3, 4, 5, 6].map((offset) => {
    const date = addDays(monday, offset);
    return { date, start: atLocal(date, 0, zone), end: atLocal(addDays(date, 1), 0, zone) };
  });
  return {
    days,
    start: days[0]?.start ?? atLocal(monday, 0, zone),
    end: days[6]?.end ?? atLocal(addDays(monday, 7), 0, zone),
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
  };
}

/** The local date of an instant, for placing an appointment in its day column. */
export const dayOf = localDate;
