import { describe, expect, it } from 'vitest';
import { extractInviteCode } from '../../../src/core/invite-code.js';
import { isStart, isStop } from '../../../src/pipeline/keywords.js';
import { choiceForNumber } from '../../../src/pipeline/numbered-choices.js';
import { parseAck } from '../../../src/pipeline/staff-commands.js';

describe('global words', () => {
  it.each(['STOP', 'stop', '退订', '退訂', '停止', ' 退订。'])('"%s" is STOP', (text) => expect(isStop(text)).toBe(true));
  it.each(['START', '订阅', '訂閱'])('"%s" is START', (text) => expect(isStart(text)).toBe(true));
  it.each(['stop it please', '我不想停止吃药', '开始'])('"%s" is neither', (text) => {
    expect(isStop(text)).toBe(false);
    expect(isStart(text)).toBe(false);
  });
});

describe('invite codes in messages', () => {
  it.each([
    ['/start K7P2QX9M', 'K7P2QX9M'],
    ['k7p2-qx9m', 'K7P2QX9M'],
    ['我的邀请码是 K7P2 QX9M', 'K7P2QX9M'],
    ['ｋ７ｐ２－ｑｘ９ｍ', 'K7P2QX9M'],
    ['code: K7P2QX9M thanks', 'K7P2QX9M'],
  ])('finds the code in "%s"', (text, code) => expect(extractInviteCode(text)).toBe(code));

  it.each(['hello', 'K7P2QX9MX', '0000AAAA', '/start'])('finds none in "%s"', (text) => expect(extractInviteCode(text)).toBeUndefined());
});

describe('numbered choices', () => {
  const offered = [
    { label: '签到', value: 'menu:checkin' },
    { label: '我的安排', value: 'menu:appointments' },
  ];
  it.each([['1', 'menu:checkin'], ['2.', 'menu:appointments'], [' ２ ', 'menu:appointments']])('"%s" picks %s', (text, value) => {
    expect(choiceForNumber(text, offered)?.value).toBe(value);
  });
  it.each(['3', '1 个', 'one'])('"%s" picks nothing', (text) => expect(choiceForNumber(text, offered)).toBeUndefined());
});

describe('ACK from staff chat', () => {
  it.each([['ACK 42', 42], ['ack#42', 42], ['确认 7', 7], ['ACK：12', 12]])('"%s" acknowledges %d', (text, n) => {
    expect(parseAck({ text })).toBe(n);
  });
  it('reads the ACK button', () => expect(parseAck({ choice: 'ack:9' })).toBe(9));
  it('ignores other text', () => expect(parseAck({ text: 'ok thanks' })).toBeUndefined());
});
