import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULER_OPTIONS, offsetLabel, parseOffsets, resolveOptions } from '../../../src/scheduler/options.js';
import { atLocal, endOfQuietHours, inQuietHours, localDate, outsideQuietHours, parseQuietHours } from '../../../src/scheduler/time.js';

const quiet = parseQuietHours({ start: '22:00', end: '08:00' });
const SH = 'Asia/Shanghai';

describe('local time', () => {
  it('keeps 09:00 at 09:00 in New York on both sides of the spring and autumn changes', () => {
    const ny = 'America/New_York';
    expect(atLocal('2026-03-07', 540, ny).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(atLocal('2026-03-08', 540, ny).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(atLocal('2026-10-31', 540, ny).toISOString()).toBe('2026-10-31T13:00:00.000Z');
    expect(atLocal('2026-11-01', 540, ny).toISOString()).toBe('2026-11-01T14:00:00.000Z');
    // 02:30 does not exist on 8 March: it moves forward by the gap.
    expect(atLocal('2026-03-08', 150, ny).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('finds the local date of an instant', () => {
    expect(localDate(new Date('2026-03-01T17:00:00Z'), SH)).toBe('2026-03-02');
    expect(localDate(new Date('2026-03-01T15:59:00Z'), SH)).toBe('2026-03-01');
  });
});

describe('quiet hours', () => {
  it('are [start, end) in local time, over midnight', () => {
    expect(inQuietHours(atLocal('2026-03-02', 21 * 60 + 59, SH), SH, quiet)).toBe(false);
    expect(inQuietHours(atLocal('2026-03-02', 22 * 60, SH), SH, quiet)).toBe(true);
    expect(inQuietHours(atLocal('2026-03-02', 3 * 60, SH), SH, quiet)).toBe(true);
    expect(inQuietHours(atLocal('2026-03-02', 8 * 60, SH), SH, quiet)).toBe(false);
    expect(inQuietHours(atLocal('2026-03-02', 3 * 60, SH), SH, parseQuietHours({ start: '00:00', end: '00:00' }))).toBe(false);
  });

  it('end the next morning when entered in the evening, this morning when entered after midnight', () => {
    expect(endOfQuietHours(atLocal('2026-03-02', 23 * 60, SH), SH, quiet)).toEqual(atLocal('2026-03-03', 480, SH));
    expect(endOfQuietHours(atLocal('2026-03-03', 5 * 60, SH), SH, quiet)).toEqual(atLocal('2026-03-03', 480, SH));
    const daytime = parseQuietHours({ start: '12:00', end: '14:00' });
    expect(endOfQuietHours(atLocal('2026-03-03', 13 * 60, SH), SH, daytime)).toEqual(atLocal('2026-03-03', 14 * 60, SH));
  });

  it('move a send to the morning when its window is still open then, and drop it otherwise', () => {
    const at23 = atLocal('2026-03-02', 23 * 60, SH);
    expect(outsideQuietHours(at23, atLocal('2026-03-03', 11 * 60, SH), SH, quiet)).toEqual(atLocal('2026-03-03', 480, SH));
    expect(outsideQuietHours(at23, atLocal('2026-03-03', 480, SH), SH, quiet)).toBeUndefined();
    const at10 = atLocal('2026-03-02', 600, SH);
    expect(outsideQuietHours(at10, atLocal('2026-03-02', 700, SH), SH, quiet)).toBe(at10);
  });
});

describe('options', () => {
  it('parse offsets and order them longest first', () => {
    expect(parseOffsets('1d,2h')).toEqual([1440, 120]);
    expect(parseOffsets('30m, 3d')).toEqual([30, 4320]);
    expect(parseOffsets('1w')).toBeUndefined();
    expect(parseOffsets('')).toBeUndefined();
    expect(resolveOptions({ appointmentOffsetsMinutes: [120, 1440, 120] }).appointmentOffsetsMinutes).toEqual([1440, 120]);
    expect(DEFAULT_SCHEDULER_OPTIONS.appointmentOffsetsMinutes.map(offsetLabel)).toEqual(['1d', '2h']);
    expect(offsetLabel(90)).toBe('90m');
  });
});
