/**
 * Training for the learned risk classifier (inference in model.ts).
 * Logistic regression, one head per cumulative level and per category,
 * fitted by full-batch Adam with L2 regularisation from zero weights: no
 * randomness, so the same examples always give the same model.
 *
 * Thresholds come from the training data only: the examples are split into
 * folds by their group (the file they came from, so a fold is text written
 * at another time, as a new message would be), each fold is scored by a
 * model trained on the others, and each level head gets the lowest
 * threshold whose out-of-fold false-positive rate on its negatives
 * (true level < k) stays within `falsePositiveBudget`, and whose rate on the
 * everyday messages among them (ordinary life, test/fixtures/risk/everyday-*)
 * stays within the tighter `everydayFalsePositiveBudget`: most real traffic is
 * everyday, so a small rate there is most of the alerts staff would see.
 * Category heads get the threshold with the best out-of-fold F1.
 */
import { RISK_CATEGORIES, type RiskCategory, type RiskLevel } from '../types.js';
import { featureScale, HEAD_COUNT, headProbabilities, LEVEL_HEADS, type LearnedModel } from './model.js';

export interface TrainingExample {
  features: readonly string[];
  level: RiskLevel;
  categories: readonly RiskCategory[];
  /** Where the example came from; examples of one group stay in one fold. */
  group: string;
  /** An ordinary message (not a designed decoy): its own, tighter false-positive budget. */
  everyday?: boolean;
  /** The features of each sentence when the message has two or more (sentences.ts), for the sentence thresholds. */
  sentences?: readonly (readonly string[])[];
}

export interface TrainingOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** A feature must occur in at least this many training examples. */
  minCount: number;
  folds: number;
  falsePositiveBudget: number;
  everydayFalsePositiveBudget: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  epochs: 250,
  learningRate: 0.05,
  l2: 1e-5,
  minCount: 2,
  folds: 5,
  falsePositiveBudget: 0.05,
  everydayFalsePositiveBudget: 0.01,
};

function targetsOf(example: TrainingExample): Uint8Array {
  const y = new Uint8Array(HEAD_COUNT);
  LEVEL_HEADS.forEach((_, k) => {
    y[k] = example.level >= k + 1 ? 1 : 0;
  });
  const categories = new Set(example.categories);
  RISK_CATEGORIES.forEach((c, i) => {
    y[LEVEL_HEADS.length + i] = categories.has(c) ? 1 : 0;
  });
  return y;
}

function vocabulary(examples: readonly TrainingExample[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= minCount).map(([f]) => f).sort();
  return new Map(kept.map((f, i) => [f, i]));
}

interface SparseRow {
  rows: Int32Array;
  scale: number;
  y: Uint8Array;
}

/** Fits the weights and biases by full-batch Adam on the mean log loss plus L2. */
export function fitModel(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): LearnedModel {
  const featureIndex = vocabulary(examples, options.minCount);
  const data: SparseRow[] = examples.map((e) => ({
    rows: Int32Array.from(e.features.map((f) => featureIndex.get(f)).filter((r): r is number => r !== undefined)),
    scale: featureScale(e.features.length),
    y: targetsOf(e),
  }));
  const size = featureIndex.size * HEAD_COUNT;
  const weights = new Float32Array(size);
  const bias = new Float64Array(HEAD_COUNT);
  const grad = new Float64Array(size);
  const gradBias = new Float64Array(HEAD_COUNT);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const mBias = new Float64Array(HEAD_COUNT);
  const vBias = new Float64Array(HEAD_COUNT);
  const logits = new Float64Array(HEAD_COUNT);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  const n = Math.max(1, data.length);

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    grad.fill(0);
    gradBias.fill(0);
    for (const { rows, scale, y } of data) {
      logits.set(bias);
      for (const r of rows) {
        const base = r * HEAD_COUNT;
        for (let h = 0; h < HEAD_COUNT; h++) logits[h]! += weights[base + h]! * scale;
      }
      for (let h = 0; h < HEAD_COUNT; h++) logits[h] = (1 / (1 + Math.exp(-logits[h]!)) - y[h]!) / n;
      for (const r of rows) {
        const base = r * HEAD_COUNT;
        for (let h = 0; h < HEAD_COUNT; h++) grad[base + h]! += logits[h]! * scale;
      }
      for (let h = 0; h < HEAD_COUNT; h++) gradBias[h]! += logits[h]!;
    }
    const step = (options.learningRate * Math.sqrt(1 - beta2 ** epoch)) / (1 - beta1 ** epoch);
    for (let i = 0; i < size; i++) {
      const g = grad[i]! + options.l2 * weights[i]!;
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      weights[i] = weights[i]! - (step * m[i]!) / (Math.sqrt(v[i]!) + epsilon);
    }
    for (let h = 0; h < HEAD_COUNT; h++) {
      const g = gradBias[h]!;
      mBias[h] = beta1 * mBias[h]! + (1 - beta1) * g;
      vBias[h] = beta2 * vBias[h]! + (1 - beta2) * g * g;
      bias[h] = bias[h]! - (step * mBias[h]!) / (Math.sqrt(vBias[h]!) + epsilon);
    }
  }
  return { featureIndex, weights, bias, thresholds: new Float64Array(HEAD_COUNT).fill(0.5), sentenceThresholds: new Float64Array(HEAD_COUNT).fill(0.5) };
}

/** Assigns whole groups to folds, round robin over the sorted group names. */
export function foldsByGroup(examples: readonly TrainingExample[], folds: number): number[] {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const foldOf = new Map(groups.map((g, i) => [g, i % folds]));
  return examples.map((e) => foldOf.get(e.group) ?? 0);
}

export interface OutOfFold {
  /** Head probabilities of the whole text, per example in input order. */
  whole: Float64Array[];
  /** Per head, the highest probability of any one sentence; all zero for a message of one sentence. */
  bestSentence: Float64Array[];
}

const bestSentenceProbabilities = (model: LearnedModel, sentences: readonly (readonly string[])[] | undefined): Float64Array => {
  const best = new Float64Array(HEAD_COUNT);
  for (const sentence of sentences ?? []) headProbabilities(model, sentence).forEach((p, h) => (best[h] = Math.max(best[h]!, p)));
  return best;
};

/** Out-of-fold probabilities for every example, whole text and best sentence, each from a model that did not see its fold. */
export function outOfFold(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): OutOfFold {
  const fold = foldsByGroup(examples, options.folds);
  const whole: Float64Array[] = examples.map(() => new Float64Array(HEAD_COUNT));
  const bestSentence: Float64Array[] = examples.map(() => new Float64Array(HEAD_COUNT));
  for (let k = 0; k < options.folds; k++) {
    const train = examples.filter((_, i) => fold[i] !== k);
    if (train.length === examples.length) continue;
    const model = fitModel(train, options);
    examples.forEach((e, i) => {
      if (fold[i] !== k) return;
      whole[i] = headProbabilities(model, e.features);
      bestSentence[i] = bestSentenceProbabilities(model, e.sentences);
    });
  }
  return { whole, bestSentence };
}

/** Out-of-fold head probabilities for every example, in input order. */
export function outOfFoldProbabilities(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): Float64Array[] {
  return outOfFold(examples, options).whole;
}

/** The lowest threshold that lets at most `budget` of the negatives through (scored ≥ threshold). */
export function thresholdForFalsePositives(negativeScores: readonly number[], budget: number): number {
  if (negativeScores.length === 0) return 0.5;
  const sorted = [...negativeScores].sort((a, b) => b - a);
  const allowed = Math.floor(budget * sorted.length);
  const boundary = sorted[allowed];
  return boundary === undefined ? 0 : boundary + 1e-9;
}

/** The threshold with the best F1 over the candidate scores (ties: the higher threshold). */
export function thresholdForF1(scores: readonly number[], positive: readonly boolean[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const total = positive.filter(Boolean).length;
  if (total === 0) return 1;
  let best = { f1: -1, threshold: 0.5 };
  let truePositives = 0;
  order.forEach((index, rank) => {
    if (positive[index]) truePositives++;
    const f1 = (2 * truePositives) / (rank + 1 + total);
    if (f1 > best.f1) best = { f1, threshold: scores[index]! };
  });
  return best.threshold;
}

export function chooseThresholds(examples: readonly TrainingExample[], probabilities: readonly Float64Array[], budget: number, everydayBudget: number = budget): Float64Array {
  const thresholds = new Float64Array(HEAD_COUNT);
  LEVEL_HEADS.forEach((_, k) => {
    const negatives = examples.flatMap((e, i) => (e.level < k + 1 ? [probabilities[i]![k]!] : []));
    const everyday = examples.flatMap((e, i) => (e.everyday === true && e.level < k + 1 ? [probabilities[i]![k]!] : []));
    thresholds[k] = Math.max(thresholdForFalsePositives(negatives, budget), everyday.length > 0 ? thresholdForFalsePositives(everyday, everydayBudget) : 0);
  });
  RISK_CATEGORIES.forEach((c, i) => {
    const head = LEVEL_HEADS.length + i;
    thresholds[head] = thresholdForF1(
      probabilities.map((p) => p[head]!),
      examples.map((e) => e.categories.includes(c)),
    );
  });
  return thresholds;
}

/**
 * Sentence thresholds: the same rule as chooseThresholds, over the best
 * sentence of each message that has several, so scoring sentences adds at
 * most the same budgets of out-of-fold false positives among those messages.
 * (Counted over all messages instead, the budget lets the sentence path add
 * 5% of every set's negatives among its few letters: on the protocol in
 * test/fixtures/risk/README.md that was 14.6% false alerts.)
 */
export function chooseSentenceThresholds(examples: readonly TrainingExample[], bestSentence: readonly Float64Array[], budget: number, everydayBudget: number = budget): Float64Array {
  const multi = examples.flatMap((e, i) => ((e.sentences?.length ?? 0) >= 2 ? [i] : []));
  if (multi.length === 0) return new Float64Array(HEAD_COUNT).fill(1);
  return chooseThresholds(
    multi.map((i) => examples[i]!),
    multi.map((i) => bestSentence[i]!),
    budget,
    everydayBudget,
  );
}

/** Thresholds from grouped cross-validation, then the final fit on every example. */
export function trainModel(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): LearnedModel {
  const oof = outOfFold(examples, options);
  const thresholds = chooseThresholds(examples, oof.whole, options.falsePositiveBudget, options.everydayFalsePositiveBudget);
  const sentenceThresholds = chooseSentenceThresholds(examples, oof.bestSentence, options.falsePositiveBudget, options.everydayFalsePositiveBudget);
  return { ...fitModel(examples, options), thresholds, sentenceThresholds };
}
