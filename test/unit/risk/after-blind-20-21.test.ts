/**
 * The phenomena the released blind sets 20 and 21 showed (test/fixtures/risk/README.md,
 * "Round after holdout-dev-20 … 21"), each in words of its own, not the sets' lines:
 * a whole container swallowed, someone found down, medicine taken with a sign-off,
 * charcoal lit in a room, armed and waiting or chasing, lethal amounts looked up, the
 * old amount after lost tolerance, settling in formal words, terse or coded use, and
 * the everyday uses of the same words that must stay calm.
 */
import { describe, expect, it } from 'vitest';
import { assessRules } from '../../../src/risk/rules.js';
import { expectCase, row, type Case } from './helpers.js';

const EMERGENCY: Case[] = [
  // a whole container swallowed, pills not named
  row('downed the entire pack an hour ago, nothing matters now', 4, 'overdose'),
  row('我刚才把一整板药都吞了', 4, 'overdose'),
  // "too much" typed fast, "cant breath"
  row('think i took to much, chest is pounding', 4, 'overdose'),
  row('he used way to much and now he cant breath', 4, 'overdose', 'family'),
  // found down with pills around, breathing faintly
  row("she's barely breathing and won't answer me", 4, 'overdose', 'family'),
  row('我爸倒在卫生间地上，旁边都是药瓶', 4, 'overdose', 'family'),
  // medicine taken, then a sign-off at the end
  row('药都吃完了 永别了', 4, 'overdose'),
  // charcoal lit in a room or a car
  row('i lit the charcoal in my car already', 4, 'suicide'),
  row('宾馆房间里炭已经点上了', 4, 'suicide'),
  // armed and lying in wait, or chasing someone now
  row('我老公提着菜刀在小区门口等那个人', 4, 'violence', 'family'),
  row('my son is chasing his cousin with a hammer down the street', 4, 'violence', 'family'),
];

const HIGH: Case[] = [
  // a lethal amount or the time of a fall looked up
  row('我在网上搜了安眠药吃多少颗能醒不过来', 3, 'suicide'),
  row('would 40 xanax do it', 3, 'suicide'),
  // a drive off a bridge thought about
  row("she told me she's been thinking about crashing her car into the river", 3, 'suicide', 'family'),
  row('他说想过开车冲下桥', 3, 'suicide', 'family'),
  // medicine saved, counted, "enough"
  row('把这几个月攒的安眠药点了一遍，足够了', 3, 'suicide'),
  // settling: formal words, letters left, where one goes kept secret
  row('身后之事都安排好了，存折已经交给女儿', 3, 'suicide'),
  row("left notes for my parents, not telling anyone where i'm going this weekend", 3, 'suicide'),
  // the old amount after lost tolerance, not caring what happens
  row('我想用以前那么多的量，醒不过来就算了', 3, 'overdose'),
  row('今晚照以前的量来一次', 3, 'overdose'),
  row("clean for a year so it'll hit hard, whatever happens happens", 3, 'overdose'),
  // strangled; a weapon "not for show"; the target's route watched
  row('last night he put his hands around my neck', 3, 'violence', 'family'),
  row('这把刀可不是摆设的', 3, 'violence'),
  row('他下班那条路我已经去蹲过好几回了', 3, 'violence'),
];

const ELEVATED: Case[] = [
  // use in the fewest words, coded or typed by sound
  row('上周聚会朋友拿出冰，我也吸了两口', 2, 'relapse'),
  row('琴晚索咗啲嘢', 2, 'relapse'),
  row('又复西了', 2, 'relapse'),
  // a craving score of 7 and up
  row('瘾9', 2, 'craving'),
  // a test expected to be failed
  row('这次尿检反正也过不了，去不去都一样', 2, 'relapse'),
  row("i'm gonna fail the drug test anyway", 2, 'relapse'),
  // a supplier taken off the blacklist
  row('unblocked my old plug last night', 2, 'acquiring'),
  // relatives: tests skipped, the caseworker not answered
  row("my husband skipped both urine tests and won't answer when the caseworker calls", 2, 'dropout', 'family'),
  row('thinking about quitting the methadone program', 2, 'dropout'),
  // veiled threats, passive wishes in other words
  row('敢举报我，有他好看的', 2, 'violence'),
  row("what's the point of living anymore", 2, 'suicide'),
  row('有时候真想消失算了', 2, 'suicide'),
  // nearly going back, told beside the years of quitting
  row('戒了两年，今天差点又去找那个人了', 2, 'craving'),
];

const CALM: Case[] = [
  row('took the whole box of cookies to the office', 0),
  row('我喝完药了，感冒好多了，谢谢你们关心', 0),
  row('吃完药了，就这样吧，明天再去复查', 0),
  row("my dad fell asleep on the kitchen floor after lunch, he's fine", 0),
  row('i lit the charcoal for the barbecue already, come over', 0),
  row('网上查了美沙酮门诊几点开门', 0),
  row('how long does it take to drive 18 miles', 0),
  row('他开车去桥那边接孩子了', 0),
  row('药都数了一遍，够吃到下个月复诊', 0),
  row('说以前那么多人来看我，现在都不来了', 0),
  row('用了一点洗衣粉', 0),
  row('瘾2分', 0),
  row('craving 3/10 today, went for a walk', 0),
  row('尿检我都按时去了，肯定能过', 0),
  row('把推销电话拉进黑名单了', 0),
  row('上家的电话早就删了', 0),
  row("隔壁大妈总说'这孩子没救了'，我不理她", 0),
  row('早上起不来，闹钟响了三遍', 0),
  row('我也吃了两口蛋糕', 0),
  row('thinking about skipping the gym tomorrow', 0),
  row("what's the point of ironing shirts", 0),
  row('戒烟两年了，今天差点又买了一包', 0),
];

describe('after blind sets 20 and 21: emergencies in new words', () => {
  it.each(EMERGENCY)('$text → $level', (c) => expectCase(c));
});

describe('after blind sets 20 and 21: high risk in new words', () => {
  it.each(HIGH)('$text → $level', (c) => expectCase(c));
});

describe('after blind sets 20 and 21: elevated risk in new words', () => {
  it.each(ELEVATED)('$text → $level', (c) => expectCase(c));
});

describe('after blind sets 20 and 21: the same words in everyday use', () => {
  it.each(CALM)('$text → $level', (c) => expectCase(c));
});

describe('after blind sets 20 and 21: a low craving score is handled, not strong', () => {
  it('心瘾有点 2/10, forgotten over a film, stays at watch for the rules', () => {
    expect(assessRules('心瘾有点 2/10 吧 看了场电影就忘了').level).toBeLessThanOrEqual(1);
  });
});
