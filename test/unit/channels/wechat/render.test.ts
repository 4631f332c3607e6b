import { describe, expect, it } from 'vitest';
import { renderNumberedChoices, splitText } from '../../../../src/channels/wechat/render.js';

const choices = [
  { label: '签到', value: 'checkin' },
  { label: '我的安排', value: 'schedule' },
];

describe('renderNumberedChoices', () => {
  it('numbers the choices under the text with a hint in the default language', () => {
    expect(renderNumberedChoices('今天想做什么？', choices)).toBe('今天想做什么？\n\n1. 签到\n2. 我的安排\n回复数字选择。');
  });

  it('takes the hint in the given language', () => {
    expect(renderNumberedChoices('What now?', choices, 'en')).toBe('What now?\n\n1. 签到\n2. 我的安排\nReply with a number to choose.');
    expect(renderNumberedChoices('', choices, 'zh-TW')).toBe('1. 签到\n2. 我的安排\n回覆數字選擇。');
  });

  it('leaves text without choices alone', () => {
    expect(renderNumberedChoices('好的', [])).toBe('好的');
  });
});

describe('splitText', () => {
  it('keeps short text whole', () => {
    expect(splitText('你好', 10)).toEqual(['你好']);
  });

  it('breaks at a line end in the second half of the window', () => {
    expect(splitText('aaaaaa\nbbbbbb', 10)).toEqual(['aaaaaa', 'bbbbbb']);
  });

  it('breaks after a sentence, not inside a number or address', () => {
    expect(splitText('今天很好。明天也好', 8)).toEqual(['今天很好。', '明天也好']);
    expect(splitText('Version 3.5 is out now', 14)).toEqual(['Version 3.5', 'is out now']);
    expect(splitText('It is fine. Really good', 16)).toEqual(['It is fine.', 'Really good']);
  });

  it('cuts anywhere when there is no break, and never inside a character', () => {
    // Limits count UTF-16 units, as the platforms do: an emoji is two.
    const parts = splitText('😀'.repeat(25), 20);
    expect(parts).toEqual(['😀'.repeat(10), '😀'.repeat(10), '😀'.repeat(5)]);
  });

  it('never returns a part longer than the limit', () => {
    const text = Array.from({ length: 300 }, (_, i) => `第${i}句话，有长有短${'。'.repeat(i % 3)}${i % 7 ? ' ' : '\n'}`).join('');
    for (const part of splitText(text, 100)) expect(Array.from(part).length).toBeLessThanOrEqual(100);
  });
});
