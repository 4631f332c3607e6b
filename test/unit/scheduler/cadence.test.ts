import { describe, expect, it } from 'vitest';
import type { RiskTier, Track } from '../../../src/generated/prisma/client.js';
import { cadenceFor, DEFAULT_CADENCE, defaultCadence, parseCadence } from '../../../src/scheduler/cadence.js';

const days = (set: ReadonlySet<number> | undefined) => (set ? [...set].sort() : undefined);
const person = (track: Track, riskTier: RiskTier = 'MEDIUM', checkInCadence: string | null = null) => ({ track, riskTier, checkInCadence });

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

  it('defaults by track for a medium risk tier, and the person’s own cadence wins unless malformed', () => {
    expect(days(cadenceFor(person('DEPENDENT')))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(cadenceFor(person('METHADONE')))).toEqual([1, 3, 5]);
    expect(days(cadenceFor(person('ABSTINENT')))).toEqual([1]);
    expect(days(cadenceFor(person('ABSTINENT', 'MEDIUM', 'daily')))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(cadenceFor(person('METHADONE', 'MEDIUM', 'nonsense')))).toEqual([1, 3, 5]);
  });

  it('asks HIGH risk people daily on every track, and LOW methadone people twice a week', () => {
    for (const track of ['DEPENDENT', 'METHADONE', 'ABSTINENT'] as const) expect(days(cadenceFor(person(track, 'HIGH')))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(cadenceFor(person('METHADONE', 'LOW')))).toEqual([1, 4]);
    expect(days(cadenceFor(person('DEPENDENT', 'LOW')))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days(cadenceFor(person('ABSTINENT', 'LOW')))).toEqual([1]);
    // The person's own cadence still wins over the tier, in both directions.
    expect(days(cadenceFor(person('DEPENDENT', 'HIGH', 'weekly:FRI')))).toEqual([5]);
    expect(days(cadenceFor(person('ABSTINENT', 'LOW', 'daily')))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A malformed override falls back to the tier's default, not the track's.
    expect(days(cadenceFor(person('ABSTINENT', 'HIGH', 'bad')))).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('never asks a HIGH tier less often than MEDIUM, nor LOW more often, on any track', () => {
    const count = (text: string) => parseCadence(text)?.size ?? 0;
    for (const track of ['DEPENDENT', 'METHADONE', 'ABSTINENT'] as const) {
      expect(defaultCadence(track, 'MEDIUM')).toBe(DEFAULT_CADENCE[track]);
      expect(count(defaultCadence(track, 'HIGH'))).toBeGreaterThanOrEqual(count(defaultCadence(track, 'MEDIUM')));
      expect(count(defaultCadence(track, 'LOW'))).toBeLessThanOrEqual(count(defaultCadence(track, 'MEDIUM')));
      for (const tier of ['LOW', 'MEDIUM', 'HIGH'] as const) expect(parseCadence(defaultCadence(track, tier)), `${track} ${tier}`).toBeDefined();
    }
  });
});
