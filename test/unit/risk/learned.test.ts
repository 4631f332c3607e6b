import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../../src/risk/learned/features.js';
import { DEFAULT_WEIGHTS_FILE, learnedLevel, loadLearnedModel, WeightsFileError } from '../../../src/risk/learned/index.js';
import { assessFeatures, HEAD_COUNT, headProbabilities } from '../../../src/risk/learned/model.js';
import { sentencesOf } from '../../../src/risk/learned/sentences.js';
import { chooseSentenceThresholds, chooseThresholds, fitModel, outOfFold, foldsByGroup, outOfFoldProbabilities, thresholdForF1, thresholdForFalsePositives, trainModel, type TrainingExample, type TrainingOptions } from '../../../src/risk/learned/train.js';
import { EVERYDAY_GROUPS, groupOf, readTrainingData, trainingExamples } from '../../../src/risk/learned/training-data.js';
import { fromWeightsFile, toWeightsFile } from '../../../src/risk/learned/weights-file.js';
import type { RiskCategory, RiskLevel } from '../../../src/risk/types.js';

const SMALL: TrainingOptions = { epochs: 120, learningRate: 0.1, l2: 1e-5, minCount: 1, folds: 2, falsePositiveBudget: 0.1, everydayFalsePositiveBudget: 0.1 };

function example(text: string, level: RiskLevel, categories: RiskCategory[], group: string): TrainingExample {
  return { features: extractFeatures(text, 'participant'), level, categories, group };
}

// A tiny corpus with an obvious split: wanting to die versus everyday messages, in both languages.
const CORPUS: TrainingExample[] = [
  ['我不想活了，今晚就去死', 3, ['suicide']],
  ['活着没意思，想去死', 3, ['suicide']],
  ['我想死，药都准备好了', 4, ['suicide']],
  ['i want to die tonight', 3, ['suicide']],
  ['i just want to die, nothing matters', 3, ['suicide']],
  ['want to die, pills are ready', 4, ['suicide']],
  ['谢谢社工，周二见', 0, []],
  ['今天天气不错，去公园散步了', 0, []],
  ['明天下午去上班', 0, []],
  ['thanks, see you at group on tuesday', 0, []],
  ['nice weather today, went for a walk', 0, []],
  ['work starts tomorrow afternoon', 0, []],
].map(([text, level, categories], i) => example(text as string, level as RiskLevel, categories as RiskCategory[], `g${i % 4}`));

describe('extractFeatures', () => {
  it('reads traditional and simplified Chinese alike, as the rules do', () => {
    expect(new Set(extractFeatures('我想自殺，沒有意義', 'participant'))).toEqual(new Set(extractFeatures('我想自杀，没有意义', 'participant')));
  });

  it('has Chinese character n-grams, English words, word pairs and sub-word grams, and the speaker', () => {
    const zh = extractFeatures('想死', 'family');
    expect(zh).toEqual(expect.arrayContaining(['c:想', 'c:死', 'c:想死', 'speaker:family']));
    const en = extractFeatures('Want to DIE', undefined);
    expect(en).toEqual(expect.arrayContaining(['w:want', 'w:die', 'b:to die', 's:<di', 's:die>', 'speaker:participant']));
  });

  it('lists each feature once', () => {
    const features = extractFeatures('死死死 die die', 'participant');
    expect(features.length).toBe(new Set(features).size);
  });
});

describe('training', () => {
  it('is deterministic: the same examples give the same weights', () => {
    const a = fitModel(CORPUS, SMALL);
    const b = fitModel(CORPUS, SMALL);
    expect([...a.featureIndex]).toEqual([...b.featureIndex]);
    expect(a.weights).toEqual(b.weights);
    expect(a.bias).toEqual(b.bias);
  });

  it('separates obvious cases it was not trained on', () => {
    const model = { ...fitModel(CORPUS, SMALL), thresholds: new Float64Array(HEAD_COUNT).fill(0.5) };
    const risky = assessFeatures(model, extractFeatures('我真的想死', 'participant'));
    const calm = assessFeatures(model, extractFeatures('周二见，谢谢', 'participant'));
    expect(risky.level).toBeGreaterThanOrEqual(3);
    expect(risky.categories).toContain('suicide');
    expect(calm.level).toBe(0);
    expect(calm.categories).toEqual([]);
    expect(assessFeatures(model, extractFeatures('i want to die', 'participant')).scores.levels[2]).toBeGreaterThan(
      assessFeatures(model, extractFeatures('see you tuesday', 'participant')).scores.levels[2],
    );
  });

  it('keeps each group in one fold', () => {
    const folds = foldsByGroup(CORPUS, 2);
    CORPUS.forEach((e, i) => {
      CORPUS.forEach((f, j) => {
        if (e.group === f.group) expect(folds[i]).toBe(folds[j]);
      });
    });
    expect(new Set(folds)).toEqual(new Set([0, 1]));
  });

  it('chooses level thresholds from cross-validation that keep false positives within the budget', () => {
    const outOfFold = outOfFoldProbabilities(CORPUS, SMALL);
    const thresholds = chooseThresholds(CORPUS, outOfFold, SMALL.falsePositiveBudget);
    for (const k of [1, 2, 3, 4]) {
      const negatives = CORPUS.flatMap((e, i) => (e.level < k ? [outOfFold[i]?.[k - 1] ?? 0] : []));
      const passed = negatives.filter((p) => p >= (thresholds[k - 1] ?? 0)).length;
      expect(passed).toBeLessThanOrEqual(Math.floor(SMALL.falsePositiveBudget * negatives.length));
    }
    expect(trainModel(CORPUS, SMALL).thresholds).toEqual(thresholds);
  });
});

describe('everyday messages in training', () => {
  it('never trains on a *-check.jsonl file, and marks and splits the everyday file', () => {
    const { examples, provenance } = readTrainingData('test/fixtures/risk');
    expect(provenance.files).not.toContain('everyday-check.jsonl');
    expect(provenance.files).toContain('everyday-train.jsonl');
    const everyday = examples.filter((e) => e.everyday === true);
    expect(everyday.length).toBeGreaterThan(500);
    expect(everyday.every((e) => e.level <= 1)).toBe(true);
    expect(new Set(everyday.map((e) => e.group)).size).toBe(EVERYDAY_GROUPS);
    expect(examples.filter((e) => e.everyday !== true).every((e) => !e.group.includes('#'))).toBe(true);
  });

  it('splits an everyday file into consecutive chunks and leaves other files whole', () => {
    expect([0, 1, 9].map((i) => groupOf('everyday-train.jsonl', i, 10))).toEqual(['everyday-train.jsonl#0', 'everyday-train.jsonl#0', 'everyday-train.jsonl#4']);
    expect(groupOf('holdout-dev-3.jsonl', 7, 10)).toBe('holdout-dev-3.jsonl');
  });

  it('raises a level threshold until the everyday negatives stay within their own, tighter budget', () => {
    // 100 designed negatives spread evenly, 100 everyday negatives scoring high: the everyday budget decides.
    const negative = (everyday: boolean): TrainingExample => ({ features: [], level: 0, categories: [], group: everyday ? 'everyday' : 'set', everyday });
    const examples = [...Array.from({ length: 100 }, () => negative(false)), ...Array.from({ length: 100 }, () => negative(true))];
    const scores = [...Array.from({ length: 100 }, (_, i) => i / 200), ...Array.from({ length: 100 }, (_, i) => 0.5 + i / 250)];
    const probabilities = scores.map((p) => new Float64Array(HEAD_COUNT).fill(p));
    const thresholds = chooseThresholds(examples, probabilities, 0.05, 0.01);
    const passedEveryday = examples.filter((e, i) => e.everyday && (probabilities[i]?.[1] ?? 0) >= (thresholds[1] ?? 0)).length;
    expect(passedEveryday).toBeLessThanOrEqual(1);
    expect(thresholds[1]).toBeGreaterThan(chooseThresholds(examples, probabilities, 0.05, 1)[1] ?? 1);
  });
});

describe('sentences', () => {
  it('splits a normalised message at sentence ends, not at commas or spaces, and drops pieces too short to judge', () => {
    expect(sentencesOf('今天上课还行,老师讲得挺好。回来又拿刀片划了几下,不深')).toEqual(['今天上课还行,老师讲得挺好', '回来又拿刀片划了几下,不深']);
    expect(sentencesOf('i went to the clinic. honestly i want to take all the pills! bye')).toEqual(['i went to the clinic', 'honestly i want to take all the pills']);
    expect(sentencesOf('hi. ok')).toEqual([]);
    // "…" reaches the splitter as one dot (NFKC, then repeated punctuation collapsed).
    expect(sentencesOf('今天上课还行.回来又拿刀片划了几下')).toEqual(['今天上课还行', '回来又拿刀片划了几下']);
  });

  it('gives a one-sentence message no sentences (the whole text is its sentence)', () => {
    expect(sentencesOf('我不想活了,今晚就去')).toEqual([]);
    expect(sentencesOf('see you on tuesday, thanks')).toEqual([]);
    expect(sentencesOf('3.5 hours at work today')).toEqual([]);
  });

  it('are read into training examples for every message of two or more', () => {
    const [letter, short] = trainingExamples('x.jsonl', [
      { id: 'a', text: '今天上课还行。回来又拿刀片划了几下', level: 3, categories: ['self_harm'] },
      { id: 'b', text: '周二见', level: 0 },
    ]);
    expect(letter?.sentences).toEqual([extractFeatures('今天上课还行', undefined), extractFeatures('回来又拿刀片划了几下', undefined)]);
    expect(short?.sentences).toEqual([]);
  });

  it('choose the sentence thresholds by the same false-positive budget, over the best sentence of the messages that have several', () => {
    const withSentences = (level: RiskLevel, i: number): TrainingExample => ({ features: [], sentences: [[], []], level, categories: [], group: `g${i}` });
    const examples = [...Array.from({ length: 100 }, (_, i) => withSentences(0, i)), { features: [], level: 0, categories: [], group: 'one-sentence' } satisfies TrainingExample];
    const best = [...Array.from({ length: 100 }, (_, i) => new Float64Array(HEAD_COUNT).fill(i / 100)), new Float64Array(HEAD_COUNT).fill(0.99)];
    const thresholds = chooseSentenceThresholds(examples, best, 0.05);
    // Five of the hundred multi-sentence negatives may pass; the one-sentence message is not counted at all.
    const passed = best.slice(0, 100).filter((p) => (p[1] ?? 0) >= (thresholds[1] ?? 0)).length;
    expect(passed).toBe(5);
    // With no message of several sentences there is nothing to choose from: no sentence ever passes.
    expect(chooseSentenceThresholds([{ features: [], level: 0, categories: [], group: 'g' }], [new Float64Array(HEAD_COUNT)], 0.05)[1]).toBe(1);
  });

  it('are stored by trainModel from the same out-of-fold run as the whole-text thresholds', () => {
    const corpus = CORPUS.map((e, i) => ({ ...e, sentences: i % 2 === 0 ? [e.features, extractFeatures('周二见', 'participant')] : [] }));
    const oof = outOfFold(corpus, SMALL);
    const model = trainModel(corpus, SMALL);
    expect(model.thresholds).toEqual(chooseThresholds(corpus, oof.whole, SMALL.falsePositiveBudget, SMALL.everydayFalsePositiveBudget));
    expect(model.sentenceThresholds).toEqual(chooseSentenceThresholds(corpus, oof.bestSentence, SMALL.falsePositiveBudget, SMALL.everydayFalsePositiveBudget));
  });
});

describe('thresholds', () => {
  it('lets at most the budget of negatives reach the threshold', () => {
    const negatives = Array.from({ length: 100 }, (_, i) => i / 100);
    const t = thresholdForFalsePositives(negatives, 0.05);
    expect(negatives.filter((s) => s >= t)).toHaveLength(5);
    expect(thresholdForFalsePositives([], 0.05)).toBe(0.5);
  });

  it('picks the threshold with the best F1', () => {
    expect(thresholdForF1([0.9, 0.8, 0.3, 0.2], [true, true, false, false])).toBe(0.8);
    expect(thresholdForF1([0.9, 0.8], [false, false])).toBe(1);
  });
});

describe('weights file', () => {
  it('round-trips a model: same levels, probabilities within the quantum', () => {
    const model = trainModel(CORPUS, SMALL);
    const file = toWeightsFile(model, { files: ['corpus'], sha256: 'x', examples: CORPUS.length });
    const loaded = fromWeightsFile(JSON.parse(JSON.stringify(file)));
    for (const text of ['我想死', 'see you tuesday', 'i want to die tonight', '今天去公园']) {
      const features = extractFeatures(text, 'participant');
      const before = headProbabilities(model, features);
      const after = headProbabilities(loaded, features);
      after.forEach((p, h) => expect(p).toBeCloseTo(before[h] ?? 0, 2));
      expect(assessFeatures(loaded, features).level).toBe(assessFeatures(model, features).level);
    }
    expect(loaded.sentenceThresholds).toEqual(model.sentenceThresholds);
  });

  it('rejects a file of another shape with a typed error', () => {
    expect(() => fromWeightsFile({ format: 'something-else' })).toThrow(WeightsFileError);
  });
});

describe('shipped weights', () => {
  const model = loadLearnedModel();

  it('were trained on the labelled sets as they are now (run tsx src/cli/risk-train.ts after changing them)', () => {
    const file = JSON.parse(readFileSync(DEFAULT_WEIGHTS_FILE, 'utf8')) as { trainedOn: unknown };
    expect(file.trainedOn).toEqual(readTrainingData('test/fixtures/risk').provenance);
  });

  it('stay small', () => {
    expect(readFileSync(DEFAULT_WEIGHTS_FILE).length).toBeLessThan(2 * 1024 * 1024);
  });

  it('score an obvious crisis high and an everyday message at 0, in both languages', () => {
    expect(learnedLevel('我不想活了，安眠药都攒好了，今晚就吃', 'participant', model).level).toBeGreaterThanOrEqual(3);
    expect(learnedLevel("I don't want to live anymore, I've saved up all my pills for tonight", 'participant', model).level).toBeGreaterThanOrEqual(3);
    expect(learnedLevel('谢谢你，周二小组见', 'participant', model).level).toBe(0);
    expect(learnedLevel('thanks, see you at group on tuesday', 'participant', model).level).toBe(0);
  });

  it('give the same answer every time and classify every labelled message (speed sanity)', () => {
    const { items } = readTrainingData('test/fixtures/risk');
    const first = items.map((i) => learnedLevel(i.text, i.speaker, model));
    const second = items.map((i) => learnedLevel(i.text, i.speaker, model));
    expect(second).toEqual(first);
    for (const r of first) expect([0, 1, 2, 3, 4]).toContain(r.level);
  });
});
