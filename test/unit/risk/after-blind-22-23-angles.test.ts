/**
 * The angles the writers of blind sets 22 and 23 were given (test/fixtures/risk/README.md,
 * "Blind sets 20, 21, 22 and 23"), aimed at as phenomena without seeing those sets: risk
 * carried by an emoji or one word, questions that reveal intent, recent acts in the past
 * tense, physical signs without the word overdose, plans tied to a time, coded supply in
 * replies. Each in words of its own, with the everyday uses of the same words.
 */
import { describe, expect, it } from 'vitest';
import { assessText } from '../../../src/risk/assess.js';
import { combineRisk } from '../../../src/risk/combine.js';
import { assessSignals } from '../../../src/risk/signals.js';
import { expectCase, row, type Case } from './helpers.js';

const RISKY: Case[] = [
  // (a) an emoji carries it
  row('💊💊💊💊 💤', 3, 'suicide'),
  row('🪦', 2, 'suicide'),
  row('lost the flat today and she left. 🪢', 2, 'suicide'),
  row('不想活了 🪢', 3, 'suicide'),
  // (b) questions that reveal intent
  row('how many of those would it take, honestly', 3, 'suicide'),
  row('would charcoal do it in a closed bathroom', 3, 'suicide'),
  row('which building is the tallest in town', 3, 'suicide'),
  row('附近哪栋楼最高', 2, 'suicide'),
  row('几层楼跳下去才会死', 3, 'suicide'),
  row('活着没意思，哪座桥没有护栏', 3, 'suicide'),
  // (c) recent acts in the past tense
  row('swallowed 40 about half an hour ago', 4, 'overdose'),
  row('半小时前吞了一整盒', 4, 'overdose'),
  row('cut my wrist this morning and it keeps bleeding', 4, 'self_harm'),
  // (d) physical signs in a relative's words
  row('他怎么叫都叫不醒，嘴唇发乌', 4, 'overdose', 'family'),
  row("my son is snoring really strangely and I can't wake him", 4, 'overdose', 'family'),
  // (e) plans tied to a time
  row('等老婆孩子都睡熟了我就去江边', 3, 'suicide'),
  row("once the kids are asleep tonight i'm ending it", 4, 'suicide'),
  row('月底之前把手头的事情都处理好', 1, 'suicide'),
  row('月底之前把后事都交代好，反正也不想活了', 3, 'suicide'),
  // (f) coded supply in replies
  row('老地方见', 1, 'acquiring'),
  row('picked up a half from my old guy', 2, 'acquiring'),
];

const CALM: Case[] = [
  row('💊 按时吃了 😊', 0),
  row('💤💤 good night', 0),
  row('🪦 this horror film is too much', 0),
  row('how many of these tablets do I take with food', 0),
  row('does charcoal taste better than gas on steak', 0),
  row('哪座桥拍夜景最好看', 0),
  row('took 30 minutes to get to the clinic', 0),
  row('took 20 photos at the park an hour ago', 0),
  row('刚才吃了一整盒饼干', 0),
  row('半小时前喝了一整瓶水', 0),
  row('切菜的时候不小心割到手指了，贴了创可贴', 0),
  row('等孩子睡了我就去洗衣服', 0),
  row("after my shift tonight I'm going straight to bed", 0),
  row('周五之前把材料交到指导站', 0),
  row('老地方见，一起吃火锅', 0),
  row('picked up a half shift at the warehouse', 0),
  row('ok, see you Thursday. bye', 0),
];

describe('after blind 22–23 angles: risky messages in new forms', () => {
  it.each(RISKY)('$text → $level', (c) => expectCase(c));
});

describe('after blind 22–23 angles: the same words in everyday use', () => {
  it.each(CALM)('$text → $level', (c) => expectCase(c));
});

describe('after blind 22–23 angles: one closing word', () => {
  const earlierWorrying = [{ maxLevel: 3 as const, minutesAgo: 15 }];

  it('is watched alone and raised after an earlier worrying message', () => {
    for (const text of ['够了。', '都结束了', 'goodbye.', "i'm done"]) {
      const alone = assessText(text);
      expect(alone.level, text).toBe(1);
      const context = assessSignals({ currentText: alone, recent: earlierWorrying });
      expect(combineRisk(alone, context).level, text).toBe(3);
    }
  });

  it('as the last sentence after a bad day is watched, not alerted', () => {
    expect(assessText('工资又被扣了，房东也在催。够了').level).toBe(1);
  });

  it('is nothing inside an ordinary sentence', () => {
    expect(assessText('够了够了，我吃饱了').level).toBeLessThanOrEqual(1);
    expect(assessText('课终于结束了，回家做饭').level).toBe(0);
  });
});
