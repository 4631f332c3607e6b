import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nthWeekdayInMonth, occurrences, toRRule, validateRule } from '../../../src/scheduler/recurrence.js';

const local = (dates: Date[], zone: string) => dates.map((d) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ccc"));

describe('recurrence', () => {
  it('every 2 weeks keeps the local time across a DST change', () => {
    const first = DateTime.fromISO('2026-02-24T09:30', { zone: 'America/New_York' }).toJSDate();
    const list = occurrences(first, { every: 'weeks', interval: 2 }, 4, 'America/New_York');
    expect(local(list, 'America/New_York')).toEqual(['2026-02-24T09:30 Tue', '2026-03-10T09:30 Tue', '2026-03-24T09:30 Tue', '2026-04-07T09:30 Tue']);
    // 14:30 UTC in winter, 13:30 UTC in summer.
    expect(list.map((d) => d.toISOString().slice(11, 16))).toEqual(['14:30', '13:30', '13:30', '13:30']);
  });

  it('every N days', () => {
    const first = DateTime.fromISO('2026-03-01T08:00', { zone: 'Asia/Shanghai' }).toJSDate();
    expect(local(occurrences(first, { every: 'days', interval: 3 }, 3, 'Asia/Shanghai'), 'Asia/Shanghai')).toEqual([
      '2026-03-01T08:00 Sun',
      '2026-03-04T08:00 Wed',
      '2026-03-07T08:00 Sat',
    ]);
  });

  it('the first Saturday of each month, starting on or after the first date', () => {
    const first = DateTime.fromISO('2026-01-10T09:00', { zone: 'Asia/Shanghai' }).toJSDate();
    const list = occurrences(first, { nthWeekdayOfMonth: 1, weekday: 'SAT' }, 4, 'Asia/Shanghai');
    expect(local(list, 'Asia/Shanghai')).toEqual(['2026-02-07T09:00 Sat', '2026-03-07T09:00 Sat', '2026-04-04T09:00 Sat', '2026-05-02T09:00 Sat']);
  });

  it('the last Friday, and a fifth weekday only in months that have one', () => {
    expect(nthWeekdayInMonth(2026, 2, 5, -1)).toBe(27);
    expect(nthWeekdayInMonth(2026, 2, 7, 5)).toBeUndefined();
    const first = DateTime.fromISO('2026-01-01T10:00', { zone: 'Asia/Shanghai' }).toJSDate();
    const fifthSundays = occurrences(first, { nthWeekdayOfMonth: 5, weekday: 'SUN' }, 2, 'Asia/Shanghai');
    expect(local(fifthSundays, 'Asia/Shanghai')).toEqual(['2026-03-29T10:00 Sun', '2026-05-31T10:00 Sun']);
  });

  it('writes the RRULE text and rejects bad rules', () => {
    expect(toRRule({ every: 'weeks', interval: 2 }, 6)).toBe('FREQ=WEEKLY;INTERVAL=2;COUNT=6');
    expect(toRRule({ nthWeekdayOfMonth: 1, weekday: 'SAT' }, 12)).toBe('FREQ=MONTHLY;BYDAY=1SA;COUNT=12');
    expect(validateRule({ every: 'weeks', interval: 0 })).toBeDefined();
    expect(validateRule({ nthWeekdayOfMonth: 6, weekday: 'SAT' })).toBeDefined();
    expect(() => occurrences(new Date(), { every: 'days', interval: -1 }, 2, 'UTC')).toThrow(/bad recurrence/);
  });
});
