/**
 * The learned model on disk: JSON, weights quantised to integers (multiples
 * of `quantum`) and features whose weights all round to zero left out, so the
 * file stays small and reviewable in a diff. `trainedOn` names the training
 * files and a digest of their content, so a stale file can be detected.
 */
import { z } from 'zod';
import { HEAD_COUNT, HEADS, type LearnedModel } from './model.js';

export const WEIGHTS_FORMAT = 'tongxing-learned-risk/2';

const numbersPerHead = z.array(z.number()).length(HEAD_COUNT);

export const weightsFileSchema = z.object({
  format: z.literal(WEIGHTS_FORMAT),
  heads: z.array(z.string()).refine((heads) => heads.length === HEADS.length && heads.every((h, i) => h === HEADS[i]), 'heads differ from this version'),
  trainedOn: z.object({ files: z.array(z.string()), sha256: z.string(), examples: z.number().int() }),
  quantum: z.number().positive(),
  bias: numbersPerHead,
  thresholds: numbersPerHead,
  sentenceThresholds: numbersPerHead,
  features: z.record(z.string(), z.array(z.number().int()).length(HEAD_COUNT)),
});
export type WeightsFile = z.infer<typeof weightsFileSchema>;
export type TrainingProvenance = WeightsFile['trainedOn'];

export class WeightsFileError extends Error {
  override readonly name = 'WeightsFileError';
}

export const DEFAULT_QUANTUM = 0.001;

export function toWeightsFile(model: LearnedModel, trainedOn: TrainingProvenance, quantum: number = DEFAULT_QUANTUM): WeightsFile {
  const features: Record<string, number[]> = {};
  const sorted = [...model.featureIndex].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [feature, row] of sorted) {
    const q = Array.from(model.weights.subarray(row * HEAD_COUNT, (row + 1) * HEAD_COUNT), (w) => Math.round(w / quantum));
    if (q.some((x) => x !== 0)) features[feature] = q;
  }
  return {
    format: WEIGHTS_FORMAT,
    heads: [...HEADS],
    trainedOn,
    quantum,
    bias: Array.from(model.bias),
    thresholds: Array.from(model.thresholds),
    sentenceThresholds: Array.from(model.sentenceThresholds),
    features,
  };
}

export function fromWeightsFile(value: unknown): LearnedModel {
  const parsed = weightsFileSchema.safeParse(value);
  if (!parsed.success) throw new WeightsFileError(`invalid weights file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const file = parsed.data;
  const entries = Object.entries(file.features);
  const weights = new Float32Array(entries.length * HEAD_COUNT);
  const featureIndex = new Map<string, number>();
  entries.forEach(([feature, q], row) => {
    featureIndex.set(feature, row);
    q.forEach((x, h) => {
      weights[row * HEAD_COUNT + h] = x * file.quantum;
    });
  });
  return { featureIndex, weights, bias: Float64Array.from(file.bias), thresholds: Float64Array.from(file.thresholds), sentenceThresholds: Float64Array.from(file.sentenceThresholds) };
}
