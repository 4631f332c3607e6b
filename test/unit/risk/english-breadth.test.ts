/**
 * English breadth (round on English breadth, test/fixtures/risk/README.md): the phenomena
 * English writers use for high risk, each in several phrasings of its own (texting
 * shorthand, formal and non-native English, relatives' reports), beside decoys that use
 * the same words in their ordinary sense. Written for this file, not copied from
 * holdout-dev-26-en.jsonl.
 */
import { describe, expect, it } from 'vitest';
import { assessRules } from '../../../src/risk/rules.js';
import { expectCase, row, type Case } from './helpers.js';

const SUPPLY_TAKEN: Case[] = [
  row('downed the whole bottle of my zopiclone about ten minutes ago', 4, 'overdose'),
  row('I have swallowed my entire supply of trazodone. I am sorry', 4, 'overdose'),
  row('took my whole stash of gabapentin, feeling floaty already', 4, 'overdose'),
  row('i popped them all. maybe 25 or so. room is spinning', 4, 'overdose'),
  row("i've saved 30 of my doses and i'm taking them now", 4, 'suicide'),
];

const SUPPLY_DECOYS: Case[] = [
  row('the pharmacy gave me a whole bottle of seroquel for the month, is that normal?', 0),
  row('took them all to the cinema, the kids loved it', 0),
  row('took my gabapentin with dinner like the doctor said', 0),
  row('getting sleepy after the long shift, off to bed', 0),
  row('the coffee is kicking in finally lol', 0),
];

const RESOLVE_IN_OTHER_WORDS: Case[] = [
  row("I'm going to walk into the lake on Sunday and not come back", 3, 'suicide'),
  row('the voices keep telling me to hurt myself', 3, 'suicide'),
  row('i have a plan and im not telling anyone', 3, 'suicide'),
  row('keep thinking about swallowing all of my sleeping pills', 3, 'suicide'),
  row('how many bars would it take. serious question', 3, 'suicide'),
  row("i'm going to use one last time, a massive dose, and that's it", 3, 'suicide'),
  row("don't have to worry about me much longer", 3, 'suicide'),
  row('I found her letter on the pillow saying sorry to all of us', 3, 'suicide', 'family'),
];

const RESOLVE_DECOYS: Case[] = [
  row("we're driving to the sea on Saturday, back Sunday night", 0),
  row('my physio says one last time on the bike then rest', 0),
  row('I have a plan for the move and a budget', 0),
  row('i have a plan and a budget for the move', 0),
  row('thinking about taking all my vacation days in August', 0),
  row('found a letter from the council saying sorry for the delay', 0, undefined, 'family'),
  row('made enough to make sure everyone gets seconds', 0),
];

const PASSIVE: Case[] = [
  row("my life is over. i can't fix any of it", 2, 'suicide'),
  row("what's the point of even trying anymore", 2, 'suicide'),
  row("honestly wouldn't mind if a bus ran over me", 2, 'suicide'),
];

const PASSIVE_DECOYS: Case[] = [
  row("the football season is over for the week, what's on tv", 0),
  row('a car nearly hit me on the crossing, scary', 0),
];

const MEANS_AND_PLACES: Case[] = [
  row("we're on the top floor of the multi-storey and she has her legs over the edge", 4, 'suicide', 'family'),
  row("car's running in the garage and the door is shut. love you mum", 4, 'suicide'),
  row('bought a hose that fits the exhaust', 3, 'suicide'),
  row('rope is in my lap. thanks for trying with me', 4, 'suicide'),
  row('paid off all my debts and tied up loose ends. feels done', 3, 'suicide'),
];

const MEANS_DECOYS: Case[] = [
  row('sat at the edge of the pool with my legs over the side', 0),
  row('washing the car with a hose this afternoon', 0),
  row('the car is running again after the garage fixed it', 0),
  row('paid off my credit card, so proud', 0),
  row('please do not blame yourself for the mix-up with the forms', 0),
];

const BAD_DAY_THEN_BYE: Case[] = [
  row('worst night of my life. goodbye.', 2, 'suicide'),
  row('i hate my life. bye', 2, 'suicide'),
];

const BAD_DAY_DECOYS: Case[] = [
  row('worst day at work, going to bed early. bye see you thursday', 0),
  row('bye! have a good weekend', 0),
];

const SUPPLY_AND_USE: Case[] = [
  row('copped after work again. not proud', 2, 'acquiring'),
  row('my guy is dropping some off after ten', 2, 'acquiring'),
  row('scored some shards from the lad downstairs', 2, 'acquiring'),
  row('hit the pipe last night and i regret it', 2, 'relapse'),
  row('popped a couple of pingers at the festival', 2, 'relapse'),
  row('had a bit of tina with the boys', 2, 'relapse'),
  row('re-upping tonight, sorry', 2, 'relapse'),
];

const USE_DECOYS: Case[] = [
  row('copped some new trainers in the sale', 0),
  row('my sister is dropping some soup off at the clinic for me', 0),
  row('scored a hat trick at five-a-side!', 0),
  row('the plumber hit the pipe with his drill and the kitchen flooded', 0),
  row('had a bit of ice on my ankle after the run', 0),
];

const CRAVING: Case[] = [
  row('itching for a hit so bad tonight', 2, 'craving'),
  row('still got my old rig under the sink', 2, 'craving'),
  row("can't stop thinking about getting high", 2, 'craving'),
  row('just one more bump and i swear i stop', 2, 'craving'),
];

const CRAVING_DECOYS: Case[] = [
  row('itching for a shot at the title this season', 0),
  row('my dad worked on an oil rig for twenty years', 0),
  row("can't stop thinking about the new flat, so excited", 0),
];

const DROPOUT: Case[] = [
  row("quitting the programme, it's pointless for me", 2, 'dropout'),
  row('moving up north, not telling my probation officer', 2, 'dropout'),
];

const DROPOUT_DECOYS: Case[] = [
  row("the clinic is closed for the bank holiday so I'm not going to the clinic, going tuesday", 1),
  row('finished the programme last year and still clean', 0),
];

const VIOLENCE: Case[] = [
  row("if he comes near my kids again i'll end him", 3, 'violence'),
  row("grabbed my brother's piece. he knows what he did", 2, 'violence'),
  row("i'll make those cowards all pay", 3, 'violence'),
  row('my husband has his hands on my throat right now', 4, 'violence'),
  row("her ex is outside with a knife yelling he'll kill her", 4, 'violence', 'family'),
];

const VIOLENCE_DECOYS: Case[] = [
  row('got a piece of cake from the bakery', 0),
  row('mum is going to kill my brother when she sees the car lol', 1),
  row('brought a bat to softball practice', 0),
];

const FAMILY_SIGNS: Case[] = [
  row('his eyes were pinned and he could barely talk', 2, 'relapse', 'family'),
  row("she's hanging out with her old crew again and lying about where she goes", 2, 'relapse', 'family'),
];

const FAMILY_DECOYS: Case[] = [
  row('his eyes were glassy from hay fever all week', 0, undefined, 'family'),
  row('she is hanging out with her old friends from school this weekend', 0, undefined, 'family'),
];

const MORE_SLANG: Case[] = [
  row('kinda wanna stop existing', 2, 'suicide'),
  row('honestly i am a burden on my family', 2, 'suicide'),
  row('so sick of waking up every day', 2, 'suicide'),
  row('slamming meth again, sorry', 2, 'relapse'),
  row('caved after three months sober', 2, 'relapse'),
  row('link up w my plug later', 2, 'acquiring'),
  row('blocked my social worker, leave me alone', 2, 'dropout'),
  row('he swore he will burn our flat down with us inside', 3, 'violence', 'family'),
  row("my dad keeps talking about dying and he's given his tools away", 3, 'suicide', 'family'),
];

const MORE_SLANG_DECOYS: Case[] = [
  row('slammed the door on my way out, sorry about that', 0),
  row('got on the bus after work', 0),
  row('blocked the spam number that kept calling', 0),
  row('linked up with my old mates for football', 0),
  row('the paperwork is a burden honestly', 0),
  row("tired of waking up at 5 for this job", 0),
  row('we talked about death and grief in group today', 0),
];

const BLUE_LIPS: Case[] = [row('her lips are blue and she is not answering me', 4, 'overdose', 'family')];
const BLUE_LIPS_DECOYS: Case[] = [row('his lips went blue from the slushie haha', 0, undefined, 'family')];

describe('English breadth: risky phrasings are found', () => {
  it.each([
    ...SUPPLY_TAKEN,
    ...RESOLVE_IN_OTHER_WORDS,
    ...PASSIVE,
    ...MEANS_AND_PLACES,
    ...BAD_DAY_THEN_BYE,
    ...SUPPLY_AND_USE,
    ...CRAVING,
    ...DROPOUT,
    ...VIOLENCE,
    ...FAMILY_SIGNS,
    ...MORE_SLANG,
    ...BLUE_LIPS,
  ])('$text → $level', (c) => expectCase(c));
});

describe('English breadth: the same words in ordinary use stay calm', () => {
  it.each([
    ...SUPPLY_DECOYS,
    ...RESOLVE_DECOYS,
    ...PASSIVE_DECOYS,
    ...MEANS_DECOYS,
    ...BAD_DAY_DECOYS,
    ...USE_DECOYS,
    ...CRAVING_DECOYS,
    ...DROPOUT_DECOYS,
    ...VIOLENCE_DECOYS,
    ...FAMILY_DECOYS,
    ...MORE_SLANG_DECOYS,
    ...BLUE_LIPS_DECOYS,
  ])('$text → $level', (c) => expectCase(c));
});

describe('English breadth: the rules alone', () => {
  it('read an opening "I" as the writer, whoever an earlier sentence was about', () => {
    const text = 'My cousin got married on Saturday. I used on Sunday with an old mate and told nobody.';
    expect(assessRules(text).level).toBe(2);
    expect(assessRules(text).categories).toContain('relapse');
  });

  it("read \"what's the point\" of a form as a question, not a wish (the layer still raises it: a known false alert)", () => {
    expect(assessRules("what's the point of this form, I filled it last month?").level).toBe(0);
  });

  it('read a phrase that opens a single-quoted message, not only one inside a contraction', () => {
    expect(assessRules("'suicidal' is the only word for how I feel").level).toBe(3);
    expect(assessRules("he texted 'won't need to worry about me much longer'", { speaker: 'family' }).level).toBe(3);
    expect(assessRules("don't sweat it, we're fine").level).toBe(0);
  });

  it('keep a relapse told about someone else as theirs', () => {
    expect(assessRules('My cousin got married on Saturday. He used on Sunday with an old mate.').level).toBeLessThan(2);
  });

  it('read a retraction reported by a relative as still worrying', () => {
    expect(assessRules("my son said he wants to end it all, then said he was kidding", { speaker: 'family' }).level).toBeGreaterThanOrEqual(2);
    expect(assessRules('i want to end it all lol jk', { speaker: 'participant' }).level).toBeLessThan(2);
  });
});
