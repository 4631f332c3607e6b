import { z } from 'zod';
import { systemClock, type Clock } from '../core/clock.js';
import type { Logger } from '../log/logger.js';
import { RISK_CATEGORIES, type RiskCategory, type RiskLevel, type RiskResult, type Speaker, type SpeakerOption } from '../risk/types.js';
import type { ModelClient } from './client.js';
import { ModelBadOutputError, ModelError } from './errors.js';
import type { Prompts } from './prompts.js';
import { pseudonymise } from './pseudonymise.js';
import type { UsageRecorder } from './usage.js';

export interface RiskAssessInput {
  text: string;
  speaker: Speaker | SpeakerOption;
  /** The rules' (and signals') result for the same message; the model's answer never lowers it. */
  rulesResult: RiskResult;
  /** Names to hide from the model (the person, relatives, caseworkers). */
  knownNames?: readonly string[];
}

export interface ModelRiskAssessor {
  assess(input: RiskAssessInput): Promise<RiskResult | undefined>;
}

export interface ModelRiskAssessorOptions {
  /** RISK_MODEL_TIMEOUT_MS; default 3000. */
  timeoutMs?: number;
  /** Stores the call's tokens; outside a transaction, e.g. `(u) => recordLlmUsage(db.prisma, u)`. */
  recordUsage?: UsageRecorder;
  clock?: Clock;
}

export const MAX_RATIONALE_CHARS = 200;
const MAX_INPUT_CHARS = 2000;

const Level = z
  .union([z.number(), z.string().regex(/^\s*\d\s*$/).transform(Number)])
  .pipe(z.number().int().min(0).max(4));

/** What the prompt asks for. Lenient where leniency cannot lower a level: unknown categories are dropped, a missing time frame counts as current. */
export const ModelAssessmentSchema = z.object({
  level: Level,
  categories: z.array(z.string()).default([]),
  time_frame: z.enum(['current', 'past']).catch('current'),
  rationale: z.string().default(''),
});

function toCategory(value: string): RiskCategory | undefined {
  const normal = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (RISK_CATEGORIES as readonly string[]).includes(normal) ? (normal as RiskCategory) : undefined;
}

/**
 * The optional model risk assessor: a second opinion in structured JSON
 * (level 0–4, categories from the fixed list, time frame, a short rationale)
 * on one pseudonymised message. Returns the model's own RiskResult (source
 * "model"), or undefined on any failure or when there is nothing to raise
 * (the rules already say 4). The caller merges with
 * `raiseOnly(rulesResult, modelResult)`, so the model can raise a level and
 * never lower one.
 *
 * Never await this before the safe reply is stored and sent: triage by the
 * rules decides the reply and the escalation first; this runs after, with
 * its own deadline (RISK_MODEL_TIMEOUT_MS), and a raise only adjusts the
 * assessment and escalation afterwards.
 */
export function createModelRiskAssessor(
  client: ModelClient,
  prompts: Prompts,
  log: Logger,
  options: ModelRiskAssessorOptions = {},
): ModelRiskAssessor {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const clock = options.clock ?? systemClock;
  const prompt = prompts.riskAssessor;
  const logger = log.child({ component: 'llm', purpose: 'risk', promptVersion: prompt.version });

  async function record(usage: { promptTokens: number; completionTokens: number } | undefined): Promise<void> {
    if (!usage || !options.recordUsage) return;
    try {
      await options.recordUsage({ model: client.model, ...usage, at: clock.now() });
    } catch (error) {
      logger.warn({ err: error }, 'could not record model usage');
    }
  }

  return {
    async assess(input) {
      const { rulesResult } = input;
      if (rulesResult.level >= 4 || input.text.trim() === '') return undefined;
      const speaker = input.speaker === 'family' ? 'family' : 'participant';
      const message = pseudonymise(Array.from(input.text).slice(0, MAX_INPUT_CHARS).join(''), input.knownNames ?? []);
      try {
        const result = await client.chat({
          system: prompt.text,
          // The message travels as a JSON string value, so it reads as data, not as instructions.
          messages: [{ role: 'user', content: JSON.stringify({ speaker, message }) }],
          json: true,
          timeoutMs,
          purpose: 'risk',
          promptVersion: prompt.version,
        });
        await record(result.usage);
        const parsed = ModelAssessmentSchema.safeParse(result.json);
        if (!parsed.success) {
          logger.warn({ failure: 'bad-output', reason: 'invalid' }, 'model assessment rejected');
          return undefined;
        }
        const assessment = parsed.data;
        const level = assessment.level as RiskLevel;
        const categories = level === 0 ? [] : [...new Set(assessment.categories.map(toCategory).filter((c): c is RiskCategory => c !== undefined))];
        const rationale = Array.from(assessment.rationale.trim()).slice(0, MAX_RATIONALE_CHARS).join('');
        logger.info({ rulesLevel: rulesResult.level, modelLevel: level }, 'model assessment');
        return {
          level,
          categories,
          // Who is speaking is a fact of the channel, not the model's guess.
          speaker: rulesResult.speaker,
          timeFrame: assessment.time_frame,
          evidence: { phrases: [], rules: [], signals: [], ...(rationale ? { rationale: `model (${prompt.version}): ${rationale}` } : {}) },
          source: 'model',
        };
      } catch (error) {
        if (!(error instanceof ModelError)) {
          logger.warn({ failure: 'unexpected', type: error instanceof Error ? error.name : typeof error }, 'model assessment failed');
          return undefined;
        }
        if (error instanceof ModelBadOutputError) await record(error.usage);
        return undefined;
      }
    },
  };
}
