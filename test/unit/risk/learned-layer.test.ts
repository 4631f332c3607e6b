/**
 * The learned classifier as a raise-only layer over the rules (src/risk/assess.ts)
 * and its guard (src/risk/learned/guard.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessText, LEARNED_BY_DEFAULT } from '../../../src/risk/assess.js';
import { evaluate, labelledItemSchema, type LabelledItem } from '../../../src/risk/evaluate.js';
import { extractFeatures } from '../../../src/risk/learned/features.js';
import { coherentLevel, guardVeto, learnedRaise } from '../../../src/risk/learned/guard.js';
import { getLearnedModel, learnedLevel } from '../../../src/risk/learned/index.js';
import { HEAD_COUNT, type LearnedAssessment, type LearnedModel } from '../../../src/risk/learned/model.js';
import { fitModel, type TrainingExample } from '../../../src/risk/learned/train.js';
import { getLexicon } from '../../../src/risk/lexicon-loader.js';
import { assessRules, readRules } from '../../../src/risk/rules.js';
import type { RiskCategory, RiskLevel } from '../../../src/risk/types.js';

const FIXTURES = new URL('../../fixtures/risk/', import.meta.url);
const readSet = (name: string): LabelledItem[] =>
  readFileSync(new URL(name, FIXTURES), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => labelledItemSchema.parse(JSON.parse(l)));
const SETS = readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl')).sort();
/** The sets the classifier was trained on (`*-check.jsonl` are only ever scored). */
const TRAINED_SETS = SETS.filter((f) => !f.endsWith('-check.jsonl'));
/** A threshold no probability reaches: that head never passes. */
const UNREACHABLE = 2;

/**
 * A small model that has learned one invented emergency ("the blue lantern is
 * lit", level 4) and plain wishes to die (level 3), neither phrased the way
 * the rules' lexicons know, so the layer's raising and capping can be seen.
 */
function tinyModel(): LearnedModel {
  const rows: [string, RiskLevel, RiskCategory[]][] = [
    ['the blue lantern is lit tonight', 4, ['suicide']],
    ['blue lantern lit, goodbye everyone', 4, ['suicide']],
    ['lit the blue lantern just now', 4, ['suicide']],
    ['我真的想死', 3, ['suicide']],
    ['好想死啊', 3, ['suicide']],
    ['想死的心都有', 3, ['suicide']],
    ['thanks, see you at group on tuesday', 0, []],
    ['nice weather today, went for a walk', 0, []],
    ['work starts tomorrow afternoon', 0, []],
    ['谢谢社工，周二见', 0, []],
    ['今天天气不错，去公园散步了', 0, []],
    ['明天下午去上班', 0, []],
  ];
  const examples: TrainingExample[] = rows.map(([text, level, categories], i) => ({ features: extractFeatures(text, 'participant'), level, categories, group: `g${i % 3}` }));
  return { ...fitModel(examples, { epochs: 150, learningRate: 0.1, l2: 1e-5, minCount: 1, folds: 2, falsePositiveBudget: 0.1, everydayFalsePositiveBudget: 0.1 }), thresholds: new Float64Array(HEAD_COUNT).fill(0.5) };
}

describe('the learned layer over the rules', () => {
  it('is on by default; `learned: false` and assessRules are the rules alone', () => {
    const text = '他房间里多了一捆绳子，问他也不说';
    expect(LEARNED_BY_DEFAULT).toBe(true);
    expect(assessText(text, { speaker: 'family' })).toEqual(assessText(text, { speaker: 'family', learned: true }));
    expect(assessText(text, { speaker: 'family' }).level).toBe(3);
    const rulesAlone = assessRules(text, { speaker: 'family' });
    expect(rulesAlone.level).toBeLessThan(3);
    expect(rulesAlone.source).toBe('rules');
    expect(assessText(text, { speaker: 'family', learned: false })).toEqual(rulesAlone);
  });

  it('raises a crisis the rules miss (a relative finds a coil of rope), recording the classifier in the evidence', () => {
    const text = '他房间里多了一捆绳子，问他也不说'; // labelled.jsonl zh-289, true level 3
    const rules = assessRules(text, { speaker: 'family' });
    expect(rules.level).toBeLessThan(3);
    const raised = assessText(text, { speaker: 'family', learned: true });
    expect(raised.level).toBe(3);
    expect(raised.categories).toContain('suicide');
    expect(raised.evidence.rules).toContain('learned:3');
    expect(raised.source).toBe('rules+learned');
    expect(raised.speaker).toBe('family');
  });

  it('never lowers the rules and never calls an emergency on its own, on every labelled message', () => {
    for (const set of SETS) {
      for (const item of readSet(set)) {
        const rules = assessRules(item.text, { speaker: item.speaker });
        const both = assessText(item.text, { speaker: item.speaker, learned: true });
        expect(both.level, item.id).toBeGreaterThanOrEqual(rules.level);
        expect(both.categories, item.id).toEqual(expect.arrayContaining(rules.categories));
        if (both.level > rules.level) {
          expect(both.level, item.id).toBeLessThanOrEqual(3);
          expect(both.categories.length, item.id).toBeGreaterThan(0);
        } else {
          expect(both, item.id).toEqual(rules);
        }
      }
    }
  });

  it('caps its own raise at 3 even when it reads an emergency', () => {
    const model = tinyModel();
    const text = 'the blue lantern is lit';
    expect(learnedOnly(model, text)).toBe(4);
    expect(assessRules(text).level).toBe(0);
    const result = assessText(text, { learned: true }, getLexicon(), model);
    expect(result.level).toBe(3);
    expect(result.evidence.rules).toEqual(['learned:3']);
  });

  it('is stopped by the guard on hyperbole the rules recognise, but raises the plain wish', () => {
    const model = tinyModel();
    const joke = '笑死了 我真的想死😂';
    expect(learnedOnly(model, joke)).toBeGreaterThanOrEqual(3);
    const reading = readRules(joke);
    expect(reading.result.level).toBeLessThanOrEqual(1);
    expect(guardVeto(reading, learnedLevel(joke, undefined, model), model)).not.toBeNull();
    expect(assessText(joke, { learned: true }, getLexicon(), model)).toEqual(assessRules(joke));
    // The same wish without the joke: the rules already see it; the layer never lowers it.
    expect(assessText('我真的想死', { learned: true }, getLexicon(), model).level).toBeGreaterThanOrEqual(3);
  });

  it('does not raise a bare fragment with no lexicon phrase', () => {
    const model = tinyModel();
    const reading = readRules('lit');
    const learned = learnedLevel('lit', undefined, model);
    expect(guardVeto(reading, learned, model)).toBe('too-short');
    expect(learnedRaise(reading, learned, model)).toBeNull();
  });

  it('scores a longer message sentence by sentence, by the stricter sentence thresholds, so one risky sentence is not diluted', () => {
    const calm = '今天天气不错，去公园散步了。明天下午去上班。谢谢社工，周二见。';
    const letter = `${calm}the blue lantern is lit tonight.`;
    expect(assessRules(letter).level).toBe(0);
    const wholeNeverPasses = { ...tinyModel(), thresholds: new Float64Array(HEAD_COUNT).fill(UNREACHABLE) };
    wholeNeverPasses.sentenceThresholds = new Float64Array(HEAD_COUNT).fill(0.5);
    const raised = assessText(letter, { learned: true }, getLexicon(), wholeNeverPasses);
    expect(raised.level).toBe(3);
    expect(raised.evidence.rules).toEqual(['learned:3']);
    // The same message under sentence thresholds no sentence reaches: nothing is raised.
    const strictSentences = { ...wholeNeverPasses, sentenceThresholds: new Float64Array(HEAD_COUNT).fill(UNREACHABLE) };
    expect(assessText(letter, { learned: true }, getLexicon(), strictSentences)).toEqual(assessRules(letter));
    // Calm sentences alone raise nothing.
    expect(assessText(calm, { learned: true }, getLexicon(), wholeNeverPasses)).toEqual(assessRules(calm));
  });

  it('holds a veto from the whole message for its sentences too (a joke anywhere in it)', () => {
    const model = { ...tinyModel(), thresholds: new Float64Array(HEAD_COUNT).fill(UNREACHABLE) };
    const letter = '今天天气不错，去公园散步了。the blue lantern is lit tonight. 笑死了😂';
    expect(readRules(letter).hyperbole).toBe(true);
    expect(assessText(letter, { learned: true }, getLexicon(), model)).toEqual(assessRules(letter));
  });

  it('raises only as far as every lower level head agrees (an ordinal estimate does not skip a level)', () => {
    const model = tinyModel(); // every threshold 0.5
    const heads = (levels: LearnedAssessment['scores']['levels']): LearnedAssessment => ({ ...learnedLevel('ok', undefined, model), scores: { ...learnedLevel('ok', undefined, model).scores, levels } });
    expect(coherentLevel(heads([0.9, 0.9, 0.9, 0.9]), model)).toBe(3);
    expect(coherentLevel(heads([0.9, 0.9, 0.4, 0.9]), model)).toBe(2);
    // P(≥3) passes while P(≥2) does not: no raise at all, not a raise to 3.
    expect(coherentLevel(heads([0.9, 0.4, 0.9, 0.9]), model)).toBe(0);
    expect(coherentLevel(heads([0.9, 0.4, 0.4, 0.4]), model)).toBe(0);
  });

  it('does not raise a message the rules left at 0 that says the risk has stopped or has an ordinary explanation', () => {
    const model = getLearnedModel();
    for (const [text, speaker] of [
      ["i don't crave it anymore", 'participant'],
      ['现在早就不碰了，那种念头也没了', 'participant'],
      ['我女儿瘦了很多 不过她一直在健身', 'family'],
    ] as const) {
      const reading = readRules(text, { speaker });
      expect(reading.result.level, text).toBe(0);
      expect(reading.reassured, text).toBe(true);
      expect(guardVeto(reading, learnedLevel(text, speaker, model), model), text).toBe('reassured');
      expect(assessText(text, { speaker }), text).toEqual(assessRules(text, { speaker }));
    }
    // Without the cue the shipped classifier would raise the first one: the guard is what keeps it calm.
    expect(coherentLevel(learnedLevel("i don't crave it anymore", 'participant', model), model)).toBeGreaterThanOrEqual(2);
  });

  it('does not read a wish to stop living, or abstinence "so far", as reassurance', () => {
    for (const text of ['我不再想活了', 'i no longer want to live', "i don't want to be here anymore", "bought a bag, haven't touched it yet"]) {
      expect(readRules(text).reassured, text).toBe(false);
    }
    // The rules' own reading wins: a scored message is never "reassured".
    expect(readRules('不过我一直在想自杀').reassured).toBe(false);
  });

  it('with the layer on, risk:eval still meets the targets on the labelled set and every hold-out (in-sample: the classifier was trained on them)', () => {
    const model = getLearnedModel();
    for (const set of TRAINED_SETS) {
      const report = evaluate(readSet(set), (item) => assessText(item.text, { speaker: item.speaker, lang: item.lang, learned: true }, getLexicon(), model).level);
      expect(report.pass, set).toBe(true);
    }
  });
});

function learnedOnly(model: LearnedModel, text: string): RiskLevel {
  return learnedLevel(text, undefined, model).level;
}
