/**
 * Inference for the learned risk classifier: a linear model over the
 * features of features.ts, with one logistic head per cumulative level
 * (≥1 … ≥4) and one per category. A message's level is the highest k whose
 * head reaches its threshold; thresholds were chosen on the training data
 * (see train.ts). Pure and fast: a hash lookup and a few multiply-adds per
 * feature.
 */
import { RISK_CATEGORIES, type RiskCategory, type RiskLevel } from '../types.js';

export const LEVEL_HEADS = ['level>=1', 'level>=2', 'level>=3', 'level>=4'] as const;
export const HEADS: readonly string[] = [...LEVEL_HEADS, ...RISK_CATEGORIES];
export const HEAD_COUNT = HEADS.length;

export interface LearnedModel {
  /** Feature string → row in `weights`. */
  featureIndex: ReadonlyMap<string, number>;
  /** Row-major: feature row × HEAD_COUNT. */
  weights: Float32Array;
  bias: Float64Array;
  /** Probability each head must reach, per head. */
  thresholds: Float64Array;
  /** The same for one sentence of a longer message scored alone (sentences.ts): the best of several sentences needs a stricter bar. */
  sentenceThresholds: Float64Array;
}

export interface LearnedScores {
  /** P(level ≥ k) for k = 1 … 4. */
  levels: [number, number, number, number];
  categories: Record<RiskCategory, number>;
}

export interface LearnedAssessment {
  level: RiskLevel;
  categories: RiskCategory[];
  scores: LearnedScores;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Every message is scaled to unit length so long letters and short fragments weigh alike. */
export const featureScale = (count: number): number => (count === 0 ? 0 : 1 / Math.sqrt(count));

/** Raw probabilities per head, in HEADS order. */
export function headProbabilities(model: LearnedModel, features: readonly string[]): Float64Array {
  const logits = Float64Array.from(model.bias);
  const scale = featureScale(features.length);
  for (const feature of features) {
    const row = model.featureIndex.get(feature);
    if (row === undefined) continue;
    const base = row * HEAD_COUNT;
    for (let h = 0; h < HEAD_COUNT; h++) logits[h] = (logits[h] ?? 0) + (model.weights[base + h] ?? 0) * scale;
  }
  return logits.map(sigmoid);
}

/** One head's probability, exactly as headProbabilities computes it, for a caller that can stop after it. */
export function headProbability(model: LearnedModel, features: readonly string[], head: number): number {
  let logit = model.bias[head] ?? 0;
  const scale = featureScale(features.length);
  for (const feature of features) {
    const row = model.featureIndex.get(feature);
    if (row !== undefined) logit += (model.weights[row * HEAD_COUNT + head] ?? 0) * scale;
  }
  return sigmoid(logit);
}

/** The highest k with P(level ≥ k) at or above its threshold, or 0. */
export function levelFromProbabilities(model: LearnedModel, probabilities: Float64Array): RiskLevel {
  for (let k = LEVEL_HEADS.length; k >= 1; k--) {
    if ((probabilities[k - 1] ?? 0) >= (model.thresholds[k - 1] ?? 1)) return k as RiskLevel;
  }
  return 0;
}

function categoriesFor(model: LearnedModel, probabilities: Float64Array, level: RiskLevel): RiskCategory[] {
  if (level === 0) return [];
  const offset = LEVEL_HEADS.length;
  const chosen = RISK_CATEGORIES.filter((_, c) => (probabilities[offset + c] ?? 0) >= (model.thresholds[offset + c] ?? 1));
  if (chosen.length > 0) return chosen;
  // A level with no category above its threshold still names its likeliest one, as the rules always name one.
  let best = 0;
  RISK_CATEGORIES.forEach((_, c) => {
    if ((probabilities[offset + c] ?? 0) > (probabilities[offset + best] ?? 0)) best = c;
  });
  return [RISK_CATEGORIES[best] ?? 'distress'];
}

export function assessFeatures(model: LearnedModel, features: readonly string[]): LearnedAssessment {
  const p = headProbabilities(model, features);
  const level = levelFromProbabilities(model, p);
  const offset = LEVEL_HEADS.length;
  const categories = Object.fromEntries(RISK_CATEGORIES.map((c, i) => [c, p[offset + i] ?? 0])) as Record<RiskCategory, number>;
  return {
    level,
    categories: categoriesFor(model, p, level),
    scores: { levels: [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 0], categories },
  };
}
