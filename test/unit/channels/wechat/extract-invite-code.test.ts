import { describe, expect, it } from 'vitest';
// The channel re-exports the core reader (src/channels/wechat/index.ts); tested here without loading Wechaty.
import { extractInviteCode, newInviteCode } from '../../../../src/core/invite-code.js';

describe('extractInviteCode in friend-request greetings', () => {
  it.each([
    ['K7P2-QX9M', 'K7P2QX9M'],
    ['K7P2QX9M', 'K7P2QX9M'],
    ['k7p2-qx9m', 'K7P2QX9M'],
    ['k7p2 qx9m', 'K7P2QX9M'],
    ['  K7P2 - QX9M  ', 'K7P2QX9M'],
    ['Ｋ７Ｐ２－ＱＸ９Ｍ', 'K7P2QX9M'],
    ['ｋ７ｐ２ｑｘ９ｍ', 'K7P2QX9M'],
    ['我是王芳，邀请码：K7P2-QX9M', 'K7P2QX9M'],
    ['我是王芳K7P2QX9M谢谢', 'K7P2QX9M'],
    ['Hi, this is Li. Code k7p2-qx9m', 'K7P2QX9M'],
  ])('finds the code in %j', (text, code) => {
    expect(extractInviteCode(text)).toBe(code);
  });

  it.each([
    ['', 'empty'],
    ['我是王芳', 'no code'],
    ["I'm Anna Lee", 'an English greeting'],
    ['K7P2-QX9', 'too short'],
    ['K7P2-QX9M4', 'too long'],
    ['K0P2-QX9M', 'a zero'],
    ['KOP2-QX9M', 'a letter O'],
    ['K1P2-QX9M', 'a one'],
    ['KIP2-QX9M', 'a letter I'],
  ])('finds nothing in %j (%s)', (text) => {
    expect(extractInviteCode(text)).toBeUndefined();
  });

  it('reads back every code the service hands out', () => {
    for (let i = 0; i < 200; i++) {
      const code = newInviteCode();
      expect(extractInviteCode(`我是新来的 ${code.toLowerCase()}`)).toBe(code.replace('-', ''));
    }
  });
});
