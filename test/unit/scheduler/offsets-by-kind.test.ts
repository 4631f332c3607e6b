import { describe, expect, it } from 'vitest';
import { appointmentOffsetsFor, longestAppointmentOffset, parseOffsetsByKind, resolveOptions } from '../../../src/scheduler/options.js';

describe('reminder offsets per appointment kind', () => {
  it('by default remind a methadone dose an hour before, and everything else a day and two hours before', () => {
    const options = resolveOptions();
    expect(appointmentOffsetsFor(options, 'METHADONE_DOSE')).toEqual([60]);
    for (const kind of ['URINE_TEST', 'HAIR_TEST', 'CLASS', 'CASEWORKER_VISIT', 'OTHER'] as const) expect(appointmentOffsetsFor(options, kind)).toEqual([1440, 120]);
    expect(longestAppointmentOffset(options)).toBe(1440);
  });

  it('merge configured kinds over the defaults kind by kind, normalised longest first', () => {
    const options = resolveOptions({ appointmentOffsetsMinutes: [120], appointmentOffsetsByKind: { CLASS: [120, 3 * 1440, 120, -5] } });
    expect(appointmentOffsetsFor(options, 'CLASS')).toEqual([3 * 1440, 120]);
    expect(appointmentOffsetsFor(options, 'METHADONE_DOSE')).toEqual([60]);
    expect(appointmentOffsetsFor(options, 'URINE_TEST')).toEqual([120]);
    expect(longestAppointmentOffset(options)).toBe(3 * 1440);
    // A kind can be switched off, or given the general offsets back.
    const off = resolveOptions({ appointmentOffsetsByKind: { METHADONE_DOSE: [] } });
    expect(appointmentOffsetsFor(off, 'METHADONE_DOSE')).toEqual([]);
    expect(longestAppointmentOffset(resolveOptions({ appointmentOffsetsMinutes: [], appointmentOffsetsByKind: { METHADONE_DOSE: [] } }))).toBe(0);
  });

  it('parse the configuration form', () => {
    expect(parseOffsetsByKind('METHADONE_DOSE=1h')).toEqual({ METHADONE_DOSE: [60] });
    expect(parseOffsetsByKind(' METHADONE_DOSE = 90m ; CLASS=3d,2h;OTHER=none ')).toEqual({ METHADONE_DOSE: [90], CLASS: [4320, 120], OTHER: [] });
    expect(parseOffsetsByKind('')).toEqual({});
    for (const bad of ['METHADONE=1h', 'CLASS=1w', 'CLASS', 'CLASS=', 'CLASS=1d;CLASS=2h', 'class=1d']) expect(parseOffsetsByKind(bad), bad).toBeUndefined();
  });
});
