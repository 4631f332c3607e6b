import { describe, expect, it } from 'vitest';
import { cadenceFor, parseCadence } from '../../../src/scheduler/cadence.js';

const days = (set: ReadonlySet<number> | undefined) => (set ? [...set].sort() : undefined);

describe('check-in cadence', () => {
  it('parses the three forms', () => {
    expect(days(parseCadence('daily'))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(parseCadence('weekly:MON'))).toEqual([1]);
    expect(days(parseCadence('weekly:sun'))).toEqual([7]);
    expect(days(parseCadence('days:MON,WED,FRI'))).toEqual([1, 3, 5]);
    expect(days(parseCadence(' days: TUE, THU '))).toEqual([2, 4]);
  });

  it('rejects anything else', () => {
    for (const bad of ['', 'weekly', 'weekly:XYZ', 'days:', 'days:MON,FUN', 'hourly', 'every:2']) expect(parseCadence(bad), bad).toBeUndefined();
  });

  it('defaults by track and falls back to the default for a malformed override', () => {
    expect(days(cadenceFor('DEPENDENT', null))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(cadenceFor('METHADONE', null))).toEqual([1, 3, 5]);
    expect(days(cadenceFor('ABSTINENT', null))).toEqual([1]);
    expect(days(cadenceFor('ABSTINENT', 'daily'))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(cadenceFor('METHADONE', 'nonsense'))).toEqual([1, 3, 5]);
  });
});
