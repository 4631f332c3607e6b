/**
 * Known false alerts (test/fixtures/risk/README.md, "Round after blind 20–23"): ordinary
 * uses of charcoal, kitchen knives, daily medicine, a whole bottle of water, a weekend away
 * and "rather die out there" as a wish, each fixed by mechanism and written here in words
 * of its own; beside them, the true-risk neighbours that must keep their level.
 */
import { describe, expect, it } from 'vitest';
import { assessRules } from '../../../src/risk/rules.js';
import { expectCase, row, type Case } from './helpers.js';

const ORDINARY: Case[] = [
  // charcoal lit for cooking
  row('院子里的炭已经烧起来了，等会儿烤羊肉串', 0),
  row('火锅的炭火点上了，你们快上桌', 0),
  row('去江边野炊，木炭生好了就开始烤鸡翅', 0),
  row('coals are going in the grill, steaks soon', 0),
  row('lit the charcoal for the cookout this afternoon', 0),
  // a knife in a kitchen task
  row('我妈拿着菜刀在案板上剁排骨', 0),
  row('他拿着水果刀给孩子削梨', 0),
  row('爷爷用刀劈柴生火', 0),
  row('she was holding a kitchen knife, slicing tomatoes for the salad', 0),
  row('cutting up the chicken with a big knife for tonight', 0),
  // daily medicine taken as a routine
  row('took all my medication with lunch like always', 0),
  row('remembered to take all my pills before work', 0),
  row('all my morning meds are taken, heading out now', 0),
  row('今天的药按时吃了，血压也量了', 0),
  row('我爸早上的药都吃过了，你放心', 0, undefined, 'family'),
  row('my wife took all her pills with breakfast, she is doing fine', 0, undefined, 'family'),
  // a whole bottle of something ordinary
  row('I drank a whole bottle of iced tea on the train', 0),
  row('打完球喝了一整瓶运动饮料', 0),
  // wanting a break, bounded in time
  row('真想消失一个下午，去河边钓鱼', 0),
  row('i want to disappear this weekend, phone off, camping', 0),
];

const WISH_NOT_NOW: Case[] = [
  row('我宁愿死在外面，也不想回那个家', 2, 'suicide'),
  row('宁可死在外头也不进去', 2, 'suicide'),
];

const STILL_RISKY: Case[] = [
  // charcoal with a sealed room or a wish
  row('炭盆点着了，窗缝都用胶带贴死了', 4, 'suicide'),
  row('the charcoal is burning and I sealed the windows with tape', 4, 'suicide'),
  // a knife at someone
  row('他拿着刀堵在我家门口', 4, 'violence'),
  // a kitchen knife in hand and a threat to kill the writer is about to happen (round on English breadth: was 3)
  row('他拿着菜刀说要砍死我', 4, 'violence'),
  // all the pills, with a goodbye, a wish, a count, "at once" or a whole bottle
  row('took all my pills, sorry everyone, goodbye', 4, 'overdose'),
  row('took all my meds this morning at once', 4, 'overdose'),
  row('I took all my pills this morning, all 25 of them', 4, 'overdose'),
  row('swallowed the whole bottle of my pills', 4, 'overdose'),
  row('took all my pills. i want to die', 4, 'suicide'),
  row('took all my sleeping pills this morning', 4, 'overdose'),
  row('我把药全吃了，想就这样睡过去', 4, 'overdose'),
  // a pass-out word no longer reads as history
  row('把安眠药全吃了 想一觉睡过去', 4, 'overdose'),
  // the medicine then a sign-off
  row('took my meds. well, this is it', 4, 'overdose'),
  // disappearing with no end
  row('我就想消失', 2, 'suicide'),
  row('honestly i just want to disappear', 2, 'suicide'),
  // a wish with "tonight" is still imminent
  row('我宁可死在外面，今晚就走', 3, 'suicide'),
];

describe('known false alerts: ordinary uses stay calm', () => {
  it.each(ORDINARY)('$text → $level', (c) => expectCase(c));
});

describe('known false alerts: a wish to die elsewhere is a wish, not a place of an act now', () => {
  it.each(WISH_NOT_NOW)('$text → $level', (c) => expectCase(c));
});

describe('known false alerts: the true-risk neighbours keep their level', () => {
  it.each(STILL_RISKY)('$text → $level', (c) => expectCase(c));
});

describe('known false alerts: the rules alone', () => {
  it('read daily medicine as no overdose, and all the pills at once as one', () => {
    expect(assessRules('took all my medication with lunch like always').level).toBe(0);
    expect(assessRules('took all my meds this morning at once').level).toBe(4);
  });
});

// The four gaps of the round on English breadth (test/fixtures/risk/README.md), each beside
// its ordinary neighbour, in words of their own.
const FOUR_GAPS_RISKY: Case[] = [
  // a whole supply of medicine taken and a goodbye as the last words
  row('把药都吃了，再见了', 4, 'suicide'),
  row('安眠药全吃了，永别了', 4, 'suicide'),
  row('所有的药都吞了，走了', 4, 'suicide'),
  // a bad day and a closing word as the last thing sent
  row('today was the worst day. bye.', 2, 'suicide'),
  row('hardest night of my life. goodbye', 2, 'suicide'),
  // the day's pills with a symptom or a sign-off are no routine
  row("I took all my pills today. can't feel my legs", 4, 'overdose'),
  row('took all my pills today, bye', 4, 'overdose'),
  // a knife in hand and a threat to kill the writer
  row('她举着水果刀喊要捅死我', 4, 'violence'),
];

const FOUR_GAPS_ORDINARY: Case[] = [
  row('药吃了，拜拜', 0),
  row('早上的药都吃了，拜拜', 0),
  row('药都吃了，明天再见', 0),
  row('worst day of the year for traffic, see you tomorrow, bye', 0),
  row('today was the worst day in ages. early night for me', 0),
  row('他拿着菜刀在切菜', 0),
];

describe('known false alerts: the four gaps of the round on English breadth', () => {
  it.each(FOUR_GAPS_RISKY)('$text → $level', (c) => expectCase(c));
  it.each(FOUR_GAPS_ORDINARY)('$text → $level', (c) => expectCase(c));

  it('read the rules alone: supply and goodbye 4, bad day and bye 2, knife and threat 4', () => {
    expect(assessRules('把药都吃了，再见了').level).toBe(4);
    expect(assessRules('药吃了，拜拜').level).toBeLessThanOrEqual(1);
    expect(assessRules('today was the worst day. bye.').level).toBe(2);
    expect(assessRules('他拿着菜刀说要砍死我').level).toBe(4);
    expect(assessRules('三年前他拿着菜刀说要砍死我').level).toBeLessThanOrEqual(1);
  });

  it('read "all my pills today" as the day\'s dose for the rules, and leave the ambiguity to the layer', () => {
    // "today" bound to the medicine names the day's dose (modifiers.yaml, routine), like "this morning";
    // the guarded layer still raises the bare sentence, so a caseworker looks at it.
    expect(assessRules('I took all my pills today').level).toBe(0);
    expect(assessRules('I took all my pills today', { speaker: 'participant' }).categories).toEqual([]);
  });
});
