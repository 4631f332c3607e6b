/**
 * When the learned classifier may raise the rules' level, and to what.
 * The classifier reads words, not structure: on its own it raises hyperbole
 * ("饿死了", "笑到我想死😂"), fiction, someone else's past wish and bare
 * fragments ("ok"). The guard lets it raise only where the rules' own
 * reading gives no reason to doubt it, and only as far as its heads agree.
 * Chosen on the earlier-sets protocol (test/fixtures/risk/README.md,
 * "The learned layer"); choosing among variants there is itself tuning.
 */
import type { RulesReading } from '../rules.js';
import { RISK_CATEGORIES, type RiskCategory, type RiskLevel } from '../types.js';
import { LEVEL_HEADS, type LearnedAssessment, type LearnedModel } from './model.js';

/** The classifier alone never calls an emergency: level 4 needs the rules. */
export const LEARNED_MAX_LEVEL: RiskLevel = 3;
/** Shorter than this (spaces aside) with no lexicon phrase, a message is too little text to raise on. */
export const MIN_CHARACTERS = 6;
/** A raise must name its risk: some category head at least this share of its threshold. */
export const CATEGORY_SHARE = 0.5;

export type GuardVeto = 'rules-softened' | 'reassured' | 'hyperbole' | 'too-short' | 'no-category';

export interface LearnedRaise {
  level: RiskLevel;
  categories: RiskCategory[];
}

/** A veto read from the rules alone, so the classifier need not run: the message gives the rules a reason to doubt it. */
export function readingVeto(reading: RulesReading): GuardVeto | null {
  // The rules saw a risky phrase and discounted it (negated, quoted, history, someone else, a joke…): they read the structure, the classifier cannot.
  if (reading.softened) return 'rules-softened';
  // "i don't crave it anymore": the classifier sees the risk words, not that the message says they have stopped or are explained.
  if (reading.reassured) return 'reassured';
  if (reading.hyperbole) return 'hyperbole';
  if (reading.result.evidence.rules.length === 0 && [...reading.normalised.replace(/\s+/gu, '')].length < MIN_CHARACTERS) return 'too-short';
  return null;
}

/** Why the classifier may not raise this message at all, or null when it may. */
export function guardVeto(reading: RulesReading, learned: LearnedAssessment, model: LearnedModel): GuardVeto | null {
  const veto = readingVeto(reading);
  if (veto !== null) return veto;
  const offset = LEVEL_HEADS.length;
  const named = RISK_CATEGORIES.some((c) => learned.scores.categories[c] >= CATEGORY_SHARE * (model.thresholds[offset + RISK_CATEGORIES.indexOf(c)] ?? 1));
  return named ? null : 'no-category';
}

/**
 * The level the heads agree on: the highest L ≤ LEARNED_MAX_LEVEL such that
 * every head P(level ≥ k), 2 ≤ k ≤ L, passes its threshold; 0 when P(≥ 2)
 * does not. "Level ≥ 3" implies "level ≥ 2", so evidence too weak for the
 * weaker claim cannot support the stronger one: an ordinal estimate must not
 * skip a level. A P(≥ 4) that passes raises nothing by itself.
 */
export function coherentLevel(learned: LearnedAssessment, model: LearnedModel): RiskLevel {
  let level: RiskLevel = 0;
  for (let k = 2; k <= LEARNED_MAX_LEVEL; k++) {
    if ((learned.scores.levels[k - 1] ?? 0) < (model.thresholds[k - 1] ?? 1)) break;
    level = k as RiskLevel;
  }
  return level;
}

/** The guarded proposal: a level above the rules' (at most 3) with its categories, or null. */
export function learnedRaise(reading: RulesReading, learned: LearnedAssessment, model: LearnedModel): LearnedRaise | null {
  const level = coherentLevel(learned, model);
  if (level <= reading.result.level || guardVeto(reading, learned, model) !== null) return null;
  // A level ≥ 2 from the heads means levelFromProbabilities gave ≥ 2 too, so categories is never empty.
  return { level, categories: learned.categories };
}
