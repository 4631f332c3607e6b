/**
 * The phenomena the released blind sets 18 and 19 showed (test/fixtures/risk/README.md,
 * "Round after holdout-dev-18 … 19"), each in words of its own, not the sets' lines:
 * release after custody with the old amount, methadone with sedatives or alcohol,
 * resuscitation now, supply kept within reach, run-on and non-native English, and
 * the everyday uses of the same words that must stay calm.
 */
import { describe, expect, it } from 'vitest';
import { assessText } from '../../../src/risk/assess.js';
import { assessRules } from '../../../src/risk/rules.js';
import { expectCase, row, type Case } from './helpers.js';

const RISKY: Case[] = [
  // tolerance lost in custody, the old amount planned on release
  row('下个月就放出来了，到时候要把这两年没打的一口气补回来', 3, 'overdose'),
  row('出所以后想按照以前那样的量来一次', 3, 'overdose'),
  row('getting released friday and the first thing i want is my old dose, the full amount', 3, 'overdose'),
  // methadone mixed with sedatives or alcohol
  row('每天门诊喝完回来再加两片阿普唑仑才睡得着', 3, 'overdose'),
  row("i've been mixing valium with my methadone at night", 3, 'overdose'),
  row('早上美沙酮喝完又喝了半斤白酒', 2, 'overdose'),
  row('drinking with my methadone most nights now', 2, 'overdose'),
  // in hospital and still being resuscitated
  row('我在急诊，我儿子正在抢救，医生让我们等', 4, 'overdose', 'family'),
  row("we're at the hospital, she's in the icu after taking something", 4, 'overdose', 'family'),
  // supply kept within reach
  row("my dealer messaged me, i said no but i still haven't deleted his number", 2, 'acquiring'),
  row("thinking about who still has a plug's number. haven't texted anyone. yet", 2, 'acquiring'),
  row('上家的微信我一直没删，今天又翻出来看了', 2, 'acquiring'),
  // weighing an offer, going to get some
  row('a buddy asked me to score for him this weekend, honestly im tempted', 2, 'acquiring'),
  row('心里烦，下了班就想去找阿强拿点', 2, 'acquiring'),
  // dropout counted, or refused with the test named first
  row('尿检我这个月已经拖了三次了', 2, 'dropout'),
  row('美沙酮门诊那边我是真的不想再去了', 2, 'dropout'),
  row('my son skipped his methadone again this week', 2, 'dropout', 'family'),
  // a wish set against a feared event, with a decided way
  row('宁可死也不回去，方法我已经想好了', 3, 'suicide'),
  // settling affairs, a letter left where it will be found
  row('给我爸的信写好了，压在抽屉里', 3, 'suicide'),
  row('gave my watch to my brother and told my wife where the bank papers are', 3, 'suicide'),
  // means in reach, how easy it would be
  row("can't stop thinking about the meds in the cabinet and how easy it would be", 3, 'suicide'),
  // happening now
  row('他把自己关在房间里，门口有炭的味道', 4, 'suicide', 'family'),
  row("took everything from the medicine cabinet, just so someone knows", 4, 'overdose'),
  row("i'm on the bridge. the train passes at 9", 4, 'suicide'),
  row('又开始划手腕了，没人发现', 3, 'self_harm'),
  // violence: sworn conditional threats, a threat and being watched, armed on the way
  row("if he touches my kid again i promise i'll bust his jaw", 2, 'violence'),
  row('he said he would kill me, and today he was waiting outside my building', 3, 'violence'),
  row("my husband is heading over to his brother's with a knife", 4, 'violence', 'family'),
  row('he kicked the bedroom door in last night and smashed the mirror', 2, 'violence', 'family'),
  // relatives' signs
  row('我儿子天天在家喝闷酒，谁也不理', 2, undefined, 'family'),
  row('she keeps pawning my jewelry and disappearing for days', 2, 'relapse', 'family'),
  // non-native English
  row('i want die', 3, 'suicide'),
  row('i think is better i die', 3, 'suicide'),
  row('yesterday i take many pills', 4, 'overdose'),
  // "already" is an imminence cue, as in "I bought rope already" (4)
  row('i buy rope already', 4, 'suicide'),
  row('i cut me again', 3, 'self_harm'),
  row('i use again last night', 2, 'relapse'),
  row("cant take this no more im ending it tonight", 4, 'suicide'),
  // apostrophes left out (lexicon-loader.ts): "im", "hes", "dont"
  row('im at the tracks and the train is close', 4, 'suicide'),
  row('hes not breathing what do i do', 4, 'overdose', 'family'),
];

const CALM: Case[] = [
  row('昨天追了个缉毒剧，里面演得挺真实的', 0),
  row('a guy in group said he would rather die than go back to jail, we all laughed', 0),
  row('他跟我打招呼，我回了一句就走了', 0),
  row('我以前那帮朋友都不联系了', 0),
  row('我妈今天在医院做了个小手术，很顺利', 0),
  row('i use again my old phone because the new one broke', 0),
  row('明天上班不想去了，太累了', 1),
  row('门诊的医生说美沙酮不能和安眠药一起吃，我记住了', 0),
  row('the class said never mix benzos with methadone', 0),
  row('欠的钱终于还清了，松了一口气', 0),
];

describe('after blind sets 18 and 19: risky messages in new words', () => {
  it.each(RISKY)('$text → $level', (c) => expectCase(c));
});

/** A wish set against a feared event, with no plan: passive (2) for the rules; the learned layer may raise it. */
const PASSIVE: Case[] = [row('要是再把我送进去，我宁可死', 2, 'suicide'), row("i'd rather die than do another year inside", 2, 'suicide')];

describe('after blind sets 18 and 19: "rather die" is a passive wish', () => {
  it.each(PASSIVE)('$text → rules $level, never lower with the layer', (c) => {
    const rules = assessRules(c.text);
    expect(rules.level).toBe(c.level);
    expect(rules.categories).toContain(c.category);
    expect(assessText(c.text).level).toBeGreaterThanOrEqual(c.level);
  });
});

describe('after blind sets 18 and 19: the same words in everyday use', () => {
  it.each(CALM)('$text → $level', (c) => expectCase(c));
});
