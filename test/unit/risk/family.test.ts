import { describe, expect, it } from 'vitest';
import { assessText } from '../../../src/risk/assess.js';
import { expectCase, row } from './helpers.js';

describe('family members reporting', () => {
  it.each([
    row('我儿子最近又跟以前那帮人混在一起了', 2, 'relapse', 'family'),
    row('在他房间发现了锡纸和吸管', 2, 'relapse', 'family'),
    row('他已经三天没回家了，电话也不接', 2, undefined, 'family'),
    row('孩子几天几夜不睡觉，眼睛通红', 2, undefined, 'family'),
    row('我儿子说他不想活了', 3, 'suicide', 'family'),
    row('他喝了酒就打我，我很害怕', 3, 'violence', 'family'),
    row('I found burnt foil in my son\'s room', 2, 'relapse', 'family'),
    row('my daughter said she wants to die', 3, 'suicide', 'family'),
    row('他这个月的尿检是几号？', 0, undefined, 'family'),
    row('我真的很累，不知道怎么帮他', 1, 'distress', 'family'),
    row('how can I support my son during recovery?', 0, undefined, 'family'),
    row('她晚上翻箱倒柜找钱，问她也不说', 2, 'relapse', 'family'),
  ])('$text → $level', expectCase);

  it('records the speaker, and infers a relative from "我儿子" when not told', () => {
    expect(assessText('他又开始了', { speaker: 'family' }).speaker).toBe('family');
    expect(assessText('我儿子叫不醒').speaker).toBe('family');
    expect(assessText('我不想活了').speaker).toBe('self');
  });

  it('applies family-report rules only to family speakers', () => {
    expect(assessText('几天不睡觉', { speaker: 'participant' }).level).toBeLessThan(2);
    expect(assessText('他几天不睡觉', { speaker: 'family' }).level).toBe(2);
  });
});
