/**
 * Reads the labelled risk sets (JSON Lines) as training examples, with a
 * digest of what was read. Files named *-check.jsonl are never training
 * data (everyday-check.jsonl is scored once, at the end). Files named
 * everyday-*.jsonl are ordinary messages: their examples are marked
 * `everyday` (their own false-positive budget, train.ts) and split into
 * EVERYDAY_GROUPS groups of consecutive lines, so every cross-validation
 * fold trains with most of them, as the shipped model does.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { labelledItemSchema, type LabelledItem } from '../evaluate.js';
import type { RiskLevel } from '../types.js';
import { getLexicon, type Lexicon } from '../lexicon-loader.js';
import { normalizeText } from '../normalize.js';
import { featuresOfNormalised } from './features.js';
import { sentencesOf } from './sentences.js';
import type { TrainingExample } from './train.js';
import type { TrainingProvenance } from './weights-file.js';

export const isCheckOnlyFile = (file: string): boolean => file.endsWith('-check.jsonl');
export const isEverydayFile = (file: string): boolean => file.startsWith('everyday-');
export const EVERYDAY_GROUPS = 5;

/** The cross-validation group of line `index` (0-based, of `count`) of `file`. */
export function groupOf(file: string, index: number, count: number): string {
  return isEverydayFile(file) ? `${file}#${Math.floor((index * EVERYDAY_GROUPS) / Math.max(1, count))}` : file;
}

export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}

export interface TrainingData {
  examples: TrainingExample[];
  items: LabelledItem[];
  provenance: TrainingProvenance;
}

export function parseFile(file: string, content: string): LabelledItem[] {
  return content.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new TrainingDataError(`${file}: line ${index + 1}: invalid JSON`);
    }
    const parsed = labelledItemSchema.safeParse(value);
    if (!parsed.success) throw new TrainingDataError(`${file}: line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return [parsed.data];
  });
}

/** The training examples of one file's items: features of the whole text and of each sentence, as the rules normalise it. */
export function trainingExamples(file: string, items: readonly LabelledItem[], lexicon: Lexicon = getLexicon()): TrainingExample[] {
  return items.map((item, index) => {
    const normalised = normalizeText(item.text, lexicon.traditional, lexicon.traditionalChars, lexicon.synonyms);
    return {
      features: featuresOfNormalised(normalised, item.speaker),
      sentences: sentencesOf(normalised).map((sentence) => featuresOfNormalised(sentence, item.speaker)),
      level: item.level as RiskLevel,
      categories: item.categories ?? [],
      group: groupOf(file, index, items.length),
      everyday: isEverydayFile(file),
    };
  });
}

/** Every *.jsonl file in `dir`, in name order; each file is one group for cross-validation. */
export function readTrainingData(dir: string): TrainingData {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new TrainingDataError(`${dir}: cannot read the directory`);
  }
  const files = names.filter((f) => f.endsWith('.jsonl') && !isCheckOnlyFile(f)).sort();
  if (files.length === 0) throw new TrainingDataError(`${dir}: no .jsonl files`);
  const digest = createHash('sha256');
  const examples: TrainingExample[] = [];
  const items: LabelledItem[] = [];
  const lexicon = getLexicon();
  for (const file of files) {
    const content = readFileSync(path.join(dir, file), 'utf8');
    digest.update(file).update('\0').update(content).update('\0');
    const parsed = parseFile(file, content);
    items.push(...parsed);
    examples.push(...trainingExamples(file, parsed, lexicon));
  }
  return { examples, items, provenance: { files, sha256: digest.digest('hex'), examples: examples.length } };
}
