/**
 * tsx src/cli/risk-train.ts [DIR] [--out FILE] [--check]
 * Trains the learned risk classifier on every *.jsonl labelled set in DIR
 * (default test/fixtures/risk; *-check.jsonl files are scored, never trained
 * on) and writes its weights (default
 * src/risk/learned/weights.json). Deterministic: the same sets give the same
 * file. --check writes nothing and exits 1 when the file differs from what
 * training produces now (stale weights). Exit 2 on bad input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { DEFAULT_WEIGHTS_FILE } from '../risk/learned/index.js';
import { HEADS } from '../risk/learned/model.js';
import { DEFAULT_TRAINING, trainModel } from '../risk/learned/train.js';
import { readTrainingData, TrainingDataError } from '../risk/learned/training-data.js';
import { toWeightsFile } from '../risk/learned/weights-file.js';

const DEFAULT_DIR = 'test/fixtures/risk';

function parseArgs(argv: readonly string[]): { dir: string; out: string; check: boolean } | null {
  const positional: string[] = [];
  let out = DEFAULT_WEIGHTS_FILE;
  let check = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') check = true;
    else if (arg === '--out') {
      const value = argv[++i];
      if (value === undefined) return null;
      out = value;
    } else if (arg !== undefined && !arg.startsWith('--')) positional.push(arg);
    else return null;
  }
  if (positional.length > 1) return null;
  return { dir: positional[0] ?? DEFAULT_DIR, out, check };
}

function readJsonOrNull(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (!args) {
    console.error('usage: tsx src/cli/risk-train.ts [DIR] [--out FILE] [--check]');
    return 2;
  }
  let data;
  try {
    data = readTrainingData(args.dir);
  } catch (error) {
    if (error instanceof TrainingDataError) {
      console.error(`risk:train: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const started = performance.now();
  const model = trainModel(data.examples, DEFAULT_TRAINING);
  const seconds = (performance.now() - started) / 1000;
  const file = toWeightsFile(model, data.provenance);
  const json = `${JSON.stringify(file)}\n`;
  const thresholds = HEADS.map((head, i) => `${head} ${(model.thresholds[i] ?? 0).toFixed(3)}`).join(', ');
  console.log(`risk:train: ${data.examples.length} examples from ${data.provenance.files.length} files, trained in ${seconds.toFixed(1)} s`);
  console.log(`risk:train: ${Object.keys(file.features).length} of ${model.featureIndex.size} features kept, ${(json.length / 1024).toFixed(0)} KiB`);
  console.log(`risk:train: thresholds ${thresholds}`);
  console.log(`risk:train: sentence thresholds ${HEADS.map((head, i) => `${head} ${(model.sentenceThresholds[i] ?? 0).toFixed(3)}`).join(', ')}`);
  if (args.check) {
    const same = isDeepStrictEqual(readJsonOrNull(args.out), JSON.parse(json));
    console.log(same ? `risk:train: ${args.out} is up to date` : `risk:train: ${args.out} differs from a fresh training run`);
    return same ? 0 : 1;
  }
  writeFileSync(args.out, json);
  console.log(`risk:train: wrote ${args.out}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
