import { describe, expect, it } from 'vitest';
import { calendarDaysBetween, daysInRecovery, fillContent, formatDay, formatWhen, localIsoDate } from '../../../src/conversation/format.js';

const ZONE = 'Asia/Shanghai';
// 2026-03-05 is a Thursday. 02:00 UTC is 10:00 in Shanghai.
const now = new Date('2026-03-05T02:00:00Z');

describe('dates and times', () => {
  it('formats in the station’s timezone, per locale', () => {
    const nextWeek = new Date('2026-03-10T01:30:00Z');
    expect(formatWhen(nextWeek, 'zh-CN', ZONE, now)).toBe('3月10日（周二） 09:30');
    expect(formatWhen(nextWeek, 'zh-TW', ZONE, now)).toBe('3月10日（週二） 09:30');
    expect(formatWhen(nextWeek, 'en', ZONE, now)).toBe('Tue 10 Mar 09:30');
    expect(formatWhen(nextWeek, 'en', 'Asia/Tokyo', now)).toBe('Tue 10 Mar 10:30');
  });

  it('says today and tomorrow by the local calendar, not UTC', () => {
    // 17:00 UTC on the 5th is 01:00 on the 6th in Shanghai: tomorrow there.
    expect(formatWhen(new Date('2026-03-05T17:00:00Z'), 'zh-CN', ZONE, now)).toBe('明天 01:00');
    expect(formatDay(new Date('2026-03-05T12:00:00Z'), 'en', ZONE, now)).toBe('Today');
    expect(formatDay(new Date('2026-03-06T12:00:00Z'), 'zh-TW', ZONE, now)).toBe('明天');
  });

  it('takes calendar dates in a timezone', () => {
    expect(localIsoDate(new Date('2026-03-05T17:00:00Z'), ZONE)).toBe('2026-03-06');
    expect(localIsoDate(new Date('2026-03-05T17:00:00Z'), 'UTC')).toBe('2026-03-05');
    expect(calendarDaysBetween('2026-02-27', '2026-03-05')).toBe(6);
    expect(calendarDaysBetween('2026-03-06', '2026-03-05')).toBe(0);
  });
});

describe('days in recovery', () => {
  it('counts from the last reported use when there is one', () => {
    const lastUseAt = new Date('2026-03-01T15:00:00Z'); // 23:00 on the 1st in Shanghai
    expect(daysInRecovery({ lastUseAt, recoveryStartDate: new Date('2025-01-01T00:00:00Z') }, now, ZONE)).toBe(4);
  });

  it('otherwise from the recovery start date', () => {
    expect(daysInRecovery({ lastUseAt: null, recoveryStartDate: new Date('2026-02-03T00:00:00Z') }, now, ZONE)).toBe(30);
  });

  it('is zero on the day of a reported use, and unknown with no dates', () => {
    expect(daysInRecovery({ lastUseAt: now, recoveryStartDate: null }, now, ZONE)).toBe(0);
    expect(daysInRecovery({ lastUseAt: null, recoveryStartDate: null }, now, ZONE)).toBeUndefined();
  });
});

describe('content placeholders', () => {
  it('fills known names and leaves others', () => {
    expect(fillContent('拨打 {emergency}，再看 {other}', { emergency: '120' })).toBe('拨打 120，再看 {other}');
  });
});
