import { describe, expect, it } from 'vitest';
import { accessTo, canAct, canRead, scopeFor } from '../../../src/admin/access/scope.js';

const station = 's1';
const admin = { id: 'a', role: 'ADMIN' as const, stationId: null };
const supervisor = { id: 'sup', role: 'SUPERVISOR' as const, stationId: station };
const caseworker = { id: 'cw', role: 'CASEWORKER' as const, stationId: station };
const stationless = { id: 'x', role: 'CASEWORKER' as const, stationId: null };

const own = { stationId: station, caseworkerId: 'cw', backupCaseworkerId: null };
const backup = { stationId: station, caseworkerId: 'other', backupCaseworkerId: 'cw' };
const colleagues = { stationId: station, caseworkerId: 'other', backupCaseworkerId: null };
const elsewhere = { stationId: 's2', caseworkerId: 'cw', backupCaseworkerId: null };

describe('scopeFor', () => {
  it('admins: everything', () => {
    expect(scopeFor(admin)).toEqual({ read: {}, act: {}, stations: {} });
  });

  it('supervisors: their station', () => {
    expect(scopeFor(supervisor)).toEqual({ read: { stationId: station }, act: { stationId: station }, stations: { id: station } });
  });

  it('caseworkers: read their station, act on their caseload as caseworker or backup', () => {
    expect(scopeFor(caseworker)).toEqual({
      read: { stationId: station },
      act: { stationId: station, OR: [{ caseworkerId: 'cw' }, { backupCaseworkerId: 'cw' }] },
      stations: { id: station },
    });
  });

  it('staff without a station (other than admins) see nothing', () => {
    const scope = scopeFor(stationless);
    expect(scope.read).toEqual({ id: { in: [] } });
    expect(scope.act).toEqual({ id: { in: [] } });
  });
});

describe('the same rules on a loaded row', () => {
  it.each([
    ['admin', admin, own, 'act'],
    ['admin', admin, elsewhere, 'act'],
    ['supervisor', supervisor, colleagues, 'act'],
    ['supervisor', supervisor, elsewhere, 'none'],
    ['caseworker', caseworker, own, 'act'],
    ['caseworker', caseworker, backup, 'act'],
    ['caseworker', caseworker, colleagues, 'read'],
    // A caseworker field pointing at them does not open another station.
    ['caseworker', caseworker, elsewhere, 'none'],
    ['stationless', stationless, own, 'none'],
  ] as const)('%s on %o → %s', (_name, staff, owner, expected) => {
    expect(accessTo(staff, owner)).toBe(expected);
    expect(canRead(staff, owner)).toBe(expected !== 'none');
    expect(canAct(staff, owner)).toBe(expected === 'act');
  });
});
