import { describe, expect, it } from 'vitest';
import { parseAdminArgsSafely, UsageError } from '../../../src/admin/cli/parse.js';
import { passwordFromStdin } from '../../../src/admin/cli/run.js';
import { excerptEntries } from '../../../src/admin/escalations/excerpt.js';
import { filtersToQuery, parseQueueFilters } from '../../../src/admin/escalations/filters.js';
import { parseEscalationSignal } from '../../../src/admin/live/notify.js';
import { QUEUE_SCRIPT } from '../../../src/admin/assets/queue-script.js';

describe('queue filters', () => {
  it('parses leniently and round-trips', () => {
    expect(parseQueueFilters({})).toEqual({ status: 'active', mine: false });
    const filters = parseQueueFilters({ status: 'OPEN', level: '3', station: 'abc', mine: '1' });
    expect(filters).toEqual({ status: 'OPEN', level: 3, stationId: 'abc', mine: true });
    expect(parseQueueFilters(Object.fromEntries(new URLSearchParams(filtersToQuery(filters).slice(1))))).toEqual(filters);
    expect(parseQueueFilters({ status: 'DELETED', level: '9' })).toEqual({ status: 'active', mine: false });
    expect(filtersToQuery({ status: 'active', mine: false })).toBe('');
  });
});

describe('excerptEntries', () => {
  it('reads the stored excerpt and skips what it cannot read', () => {
    expect(excerptEntries(null)).toEqual([]);
    expect(excerptEntries({ entries: 'x' })).toEqual([]);
    expect(
      excerptEntries({ entries: [{ at: '2026-01-01T00:00:00Z', reporter: 'family', level: 3, text: 'hi', evidence: {} }, { nope: true }] }),
    ).toEqual([{ at: '2026-01-01T00:00:00Z', reporter: 'family', level: 3, text: 'hi' }]);
  });
});

describe('escalation signals', () => {
  it('accepts {id, level} only', () => {
    expect(parseEscalationSignal('{"id":"e1","level":3}')).toEqual({ id: 'e1', level: 3 });
    expect(parseEscalationSignal('{"id":"e1","level":3,"text":"x"}')).toEqual({ id: 'e1', level: 3 });
    expect(parseEscalationSignal('{"id":"e1"}')).toBeUndefined();
    expect(parseEscalationSignal('nope')).toBeUndefined();
  });
});

describe('admin CLI arguments', () => {
  it('parses user create and token create', () => {
    expect(parseAdminArgsSafely(['user', 'create', '--role', 'Supervisor', '--login', 'chen', '--password-stdin', '--station', 's1'])).toEqual({
      kind: 'user-create',
      role: 'SUPERVISOR',
      login: 'chen',
      passwordStdin: true,
      displayName: undefined,
      stationId: 's1',
      locale: undefined,
    });
    expect(parseAdminArgsSafely(['token', 'create', '--name', 'ci', '--staff', 'chen'])).toEqual({ kind: 'token-create', name: 'ci', staffLogin: 'chen' });
    expect(parseAdminArgsSafely([])).toEqual({ kind: 'help' });
  });

  it('turns every mistake into a UsageError', () => {
    for (const argv of [['user', 'create', '--login', 'x'], ['user', 'create', '--role', 'admin', '--login'], ['token', 'create', '--nme', 'x'], ['user', 'delete']]) {
      expect(() => parseAdminArgsSafely(argv)).toThrow(UsageError);
    }
  });

  it('takes one trailing line break off a piped password, nothing else', () => {
    expect(passwordFromStdin('secret words\n')).toBe('secret words');
    expect(passwordFromStdin('secret words\r\n')).toBe('secret words');
    expect(passwordFromStdin(' secret words  ')).toBe(' secret words  ');
  });
});

describe('queue script', () => {
  it('is valid JavaScript', () => {
    expect(() => new Function(QUEUE_SCRIPT)).not.toThrow();
  });
});
