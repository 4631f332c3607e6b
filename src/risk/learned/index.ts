/**
 * The learned risk classifier, for use beside the rules: it may raise a
 * level, never lower one, and only where guard.ts allows (wired in
 * ../assess.ts, behind the `learned` option). The shipped
 * weights (weights.json, written by `tsx src/cli/risk-train.ts`) load once,
 * on first use.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getLexicon, type Lexicon } from '../lexicon-loader.js';
import type { SpeakerOption } from '../types.js';
import { extractFeatures } from './features.js';
import { assessFeatures, type LearnedAssessment, type LearnedModel } from './model.js';
import { fromWeightsFile } from './weights-file.js';

export { HEADS, type LearnedAssessment, type LearnedModel, type LearnedScores } from './model.js';
export { WeightsFileError } from './weights-file.js';

export const DEFAULT_WEIGHTS_FILE = fileURLToPath(new URL('./weights.json', import.meta.url));

export function loadLearnedModel(file: string = DEFAULT_WEIGHTS_FILE): LearnedModel {
  return fromWeightsFile(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}

let shipped: LearnedModel | undefined;

/** The model from the shipped weights file, read on first use. */
export function getLearnedModel(): LearnedModel {
  shipped ??= loadLearnedModel();
  return shipped;
}

/** Level (0–4), categories and head probabilities for one message (features cover both languages: messages mix them). */
export function learnedLevel(
  text: string,
  speaker?: SpeakerOption,
  model: LearnedModel = getLearnedModel(),
  lexicon: Lexicon = getLexicon(),
): LearnedAssessment {
  return assessFeatures(model, extractFeatures(text, speaker, lexicon));
}
