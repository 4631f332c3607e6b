/**
 * A message's risk from its text: the rules, and with `learned: true` the
 * rules raised (never lowered) by the learned classifier where its guard
 * allows (learned/guard.ts). This is what triage, risk:eval and
 * risk:classify use; assessRules is the rules alone.
 *
 * The learned layer is on by default (LEARNED_BY_DEFAULT); `learned: false`
 * or assessRules gives the rules alone. Its guard raises only as far as the
 * cumulative heads agree and never where the rules found nothing but the
 * message says the risk stopped or is explained. A message of several
 * sentences is also scored sentence by sentence (learned/sentence-raise.ts),
 * so one risky sentence in a long letter is not diluted. Decision and numbers:
 * test/fixtures/risk/README.md, "The learned layer".
 */
import { raiseOnly } from './combine.js';
import { getLearnedModel, type LearnedModel } from './learned/index.js';
import { featuresOfNormalised } from './learned/features.js';
import { LEARNED_MAX_LEVEL, learnedRaise, readingVeto, type LearnedRaise } from './learned/guard.js';
import { assessFeatures, headProbability } from './learned/model.js';
import { sentenceRaise } from './learned/sentence-raise.js';
import { getLexicon, type Lexicon } from './lexicon-loader.js';
import { readRules, type AssessRulesOptions, type RulesReading } from './rules.js';
import type { RiskResult } from './types.js';

export interface AssessTextOptions extends AssessRulesOptions {
  /** Whether the guarded learned classifier may raise the rules' level; default LEARNED_BY_DEFAULT. */
  learned?: boolean;
}

export const LEARNED_BY_DEFAULT = true;

/** Evidence id recording a raise by the classifier, e.g. "learned:3". */
export const learnedEvidenceId = (level: number): string => `learned:${level}`;

function wholeTextRaise(reading: RulesReading, opts: AssessTextOptions, model: LearnedModel): LearnedRaise | null {
  const features = featuresOfNormalised(reading.normalised, opts.speaker);
  // P(level ≥ 2) alone first: no raise is coherent without it.
  if (headProbability(model, features, 1) < (model.thresholds[1] ?? 1)) return null;
  return learnedRaise(reading, assessFeatures(model, features), model);
}

export function assessText(text: string, opts: AssessTextOptions = {}, lexicon: Lexicon = getLexicon(), model?: LearnedModel): RiskResult {
  const reading = readRules(text, opts, lexicon);
  if (!(opts.learned ?? LEARNED_BY_DEFAULT) || reading.result.level >= LEARNED_MAX_LEVEL) return reading.result;
  // A veto from the rules' reading of the whole message holds for its sentences too.
  if (readingVeto(reading) !== null) return reading.result;
  const learnedModel = model ?? getLearnedModel();
  const whole = wholeTextRaise(reading, opts, learnedModel);
  const below = Math.max(reading.result.level, whole?.level ?? 0);
  const raise = below >= LEARNED_MAX_LEVEL ? whole : (sentenceRaise(reading, opts, lexicon, learnedModel, below) ?? whole);
  if (!raise) return reading.result;
  return raiseOnly(reading.result, {
    level: raise.level,
    categories: raise.categories,
    speaker: reading.result.speaker,
    timeFrame: 'current',
    evidence: { phrases: [], rules: [learnedEvidenceId(raise.level)], signals: [] },
    source: 'learned',
  });
}
