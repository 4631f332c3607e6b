/**
 * The classifier's raise from one sentence of a longer message (sentences.ts):
 * a letter whose risk is one sentence among calm ones scores low as a whole.
 * Each sentence must pass the stricter sentence thresholds (chosen out of fold,
 * train.ts) and the guard read on that sentence alone (the rules' discounts,
 * hyperbole, reassurance, too short, a category named); the whole message's
 * own veto has already been checked by the caller.
 */
import type { Lexicon } from '../lexicon-loader.js';
import { readRules, type AssessRulesOptions, type RulesReading } from '../rules.js';
import { featuresOfNormalised } from './features.js';
import { coherentLevel, guardVeto, LEARNED_MAX_LEVEL, type LearnedRaise } from './guard.js';
import { assessFeatures, headProbability, type LearnedModel } from './model.js';
import { sentencesOf } from './sentences.js';

/** The model judging a single sentence: the same weights, the sentence thresholds. */
const sentenceModel = (model: LearnedModel): LearnedModel => ({ ...model, thresholds: model.sentenceThresholds });

/** The highest guarded raise any one sentence supports above `below`, or null (always null for a one-sentence message). */
export function sentenceRaise(reading: RulesReading, opts: AssessRulesOptions, lexicon: Lexicon, model: LearnedModel, below: number): LearnedRaise | null {
  const sentences = sentencesOf(reading.normalised);
  if (sentences.length === 0) return null;
  const judge = sentenceModel(model);
  let best: LearnedRaise | null = null;
  for (const sentence of sentences) {
    const features = featuresOfNormalised(sentence, opts.speaker);
    if (headProbability(judge, features, 1) < (judge.thresholds[1] ?? 1)) continue;
    const learned = assessFeatures(judge, features);
    const level = coherentLevel(learned, judge);
    if (level <= Math.max(below, best?.level ?? 0)) continue;
    if (guardVeto(readRules(sentence, opts, lexicon), learned, judge) !== null) continue;
    best = { level, categories: learned.categories };
    if (level >= LEARNED_MAX_LEVEL) break;
  }
  return best;
}
