import { describe, expect, it } from 'vitest';
import { buildTelegramMessages, fitLabel } from '../../../src/channels/telegram/build-messages.js';
import { splitText } from '../../../src/channels/split-text.js';

describe('splitText', () => {
  it('leaves short text whole', () => {
    expect(splitText('你好', 4096)).toEqual(['你好']);
  });

  it('cuts after a line break rather than a sentence end, and after a sentence end rather than a space', () => {
    expect(splitText('aaaaaa\nbbb. ccc ddd', 14)).toEqual(['aaaaaa', 'bbb. ccc ddd']);
    expect(splitText('aaaa bbb. cc dd', 12)).toEqual(['aaaa bbb.', 'cc dd']);
    expect(splitText('Version 3.5 is out now', 14)).toEqual(['Version 3.5', 'is out now']);
    expect(splitText('我们一起。慢慢来吧朋友们', 8)).toEqual(['我们一起。', '慢慢来吧朋友们']);
  });

  it('ignores breaks in the first half of the window and then cuts hard', () => {
    expect(splitText('a\nbcdefghij', 6)).toEqual(['a\nbcde', 'fghij']);
  });

  it('never cuts inside a surrogate pair and loses nothing but whitespace at breaks', () => {
    const text = `${'x'.repeat(5)}😀${'y'.repeat(3)}`;
    const parts = splitText(text, 6);
    expect(parts).toEqual(['xxxxx', '😀yyy']);
    const long = Array.from({ length: 3_000 }, (_, i) => (i % 7 === 0 ? '😀' : i % 50 === 0 ? '。\n' : '字')).join('');
    const pieces = splitText(long, 4096);
    expect(pieces.join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4096);
  });
});

describe('buildTelegramMessages', () => {
  it('drops whitespace-only pieces and rejects empty labels or over-long values', () => {
    expect(buildTelegramMessages({ text: '   ' })).toEqual({ ok: false, reason: 'empty text' });
    expect(buildTelegramMessages({ text: 'x', choices: [{ label: ' ', value: 'v' }] })).toMatchObject({ ok: false });
    expect(buildTelegramMessages({ text: 'x', choices: [{ label: 'ok', value: '' }] })).toMatchObject({ ok: false });
    expect(buildTelegramMessages({ text: 'x', choices: [{ label: 'ok', value: 'v'.repeat(64) }] })).toMatchObject({ ok: true });
    expect(buildTelegramMessages({ text: 'x', choices: [{ label: 'ok', value: 'v'.repeat(65) }] })).toMatchObject({ ok: false });
  });

  it('cuts long button labels to 64 characters', () => {
    const built = buildTelegramMessages({ text: 'x', choices: [{ label: '长'.repeat(70), value: 'v' }] });
    expect(built.ok && built.parts[0]?.replyMarkup?.inline_keyboard[0]?.[0]?.text).toBe(`${'长'.repeat(63)}…`);
    expect(fitLabel('短', 64)).toBe('短');
  });
});
