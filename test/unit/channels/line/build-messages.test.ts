import { describe, expect, it } from 'vitest';
import { buildLineMessages, fitLabel, splitText } from '../../../../src/channels/line/build-messages.js';
import { lineRetryKey } from '../../../../src/channels/line/retry-key.js';

describe('splitText', () => {
  it('leaves short text alone', () => {
    expect(splitText('你好', 5000)).toEqual(['你好']);
  });

  it('prefers a line break, then a sentence end, then a space, in the second half', () => {
    expect(splitText('aaaa\nbbbbbb', 8)).toEqual(['aaaa', 'bbbbbb']);
    expect(splitText('一二三。四五六七八', 6)).toEqual(['一二三。', '四五六七八']);
    expect(splitText('aaa bbbbb', 6)).toEqual(['aaa', 'bbbbb']);
    expect(splitText('a\nbbbbbbbbbb', 6)).toEqual(['a\nbbbb', 'bbbbbb']);
  });

  it('never cuts a surrogate pair', () => {
    const parts = splitText(`abcd${'😀'.repeat(3)}`, 5);
    expect(parts.join('')).toBe(`abcd${'😀'.repeat(3)}`);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(5);
      expect(Array.from(part).join('')).toBe(part);
      expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
    }
  });
});

describe('fitLabel', () => {
  it('cuts to the limit with an ellipsis, counting UTF-16 units', () => {
    expect(fitLabel('短', 20)).toBe('短');
    expect(fitLabel('x'.repeat(21), 20)).toBe(`${'x'.repeat(19)}…`);
    const emoji = fitLabel('😀'.repeat(15), 20);
    expect(emoji).toBe(`${'😀'.repeat(9)}…`);
    expect(emoji.length).toBeLessThanOrEqual(20);
  });
});

describe('buildLineMessages', () => {
  it('rejects what LINE would refuse', () => {
    expect(buildLineMessages({ text: '' })).toMatchObject({ ok: false });
    expect(buildLineMessages({ text: 'x'.repeat(25_001) })).toMatchObject({ ok: false, reason: expect.stringContaining('6 messages') });
    expect(buildLineMessages({ text: 'x', choices: [{ label: 'a', value: 'v'.repeat(301) }] })).toMatchObject({ ok: false });
  });

  it('takes text of exactly five full messages', () => {
    const built = buildLineMessages({ text: 'x'.repeat(25_000) });
    expect(built.ok && built.messages).toHaveLength(5);
  });
});

describe('lineRetryKey', () => {
  it('keeps a UUID and turns anything else into a stable version-5 UUID', () => {
    expect(lineRetryKey('0B7F3C9E-1D2A-4C5B-8E6F-9A0B1C2D3E4F')).toBe('0b7f3c9e-1d2a-4c5b-8e6f-9a0b1c2d3e4f');
    const key = lineRetryKey('outbox:42');
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(lineRetryKey('outbox:42')).toBe(key);
    expect(lineRetryKey('outbox:43')).not.toBe(key);
  });
});
