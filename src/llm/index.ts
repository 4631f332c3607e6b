import type { Clock } from '../core/clock.js';
import type { Logger } from '../log/logger.js';
import { createModelClient, type ModelClient } from './client.js';
import { createModelFreeTextAnswerer, type ModelFreeTextAnswerer } from './free-text.js';
import type { LlmOptions } from './options.js';
import { loadPrompts, type Prompts } from './prompts.js';
import { createModelRiskAssessor, type ModelRiskAssessor } from './risk-assessor.js';
import type { UsageRecorder } from './usage.js';

export { llmEnvSchema, llmOptionsFromEnv, llmEnvProblem, refineLlmEnv, NO_API_KEY, type LlmEnv } from './env.js';
export type { LlmOptions } from './options.js';
export { createModelClient, stripReasoning, type ChatRequest, type ChatResult, type ChatTurn, type ModelClient } from './client.js';
export {
  ModelError,
  ModelTimeoutError,
  ModelUnavailableError,
  ModelBadOutputError,
  toModelError,
  type ModelUsage,
  type UnavailableReason,
  type BadOutputReason,
} from './errors.js';
export { loadPrompts, renderPrompt, PromptError, PROMPT_FILES, DEFAULT_PROMPTS_DIR, type Prompt, type Prompts } from './prompts.js';
export { pseudonymise, PLACEHOLDERS, type PseudonymiseOptions, type PlaceholderLang } from './pseudonymise.js';
export { checkModelReply, type GuardViolation, type GuardOptions } from './output-guard.js';
export { recordLlmUsage, type UsageRecord, type UsageRecorder, type UsageDb } from './usage.js';
export {
  createModelFreeTextAnswerer,
  type FreeTextAnswerer,
  type ModelFreeTextAnswerer,
  type PreparedFreeText,
  type StartedFreeText,
  type CompletedFreeText,
  type FreeTextAnswererDeps,
  type FreeTextInput,
  type HistoryMessage,
} from './free-text.js';
export { createModelRiskAssessor, ModelAssessmentSchema, type ModelRiskAssessor, type ModelRiskAssessorOptions, type RiskAssessInput } from './risk-assessor.js';

export interface LlmServices {
  client: ModelClient;
  prompts: Prompts;
  freeText: ModelFreeTextAnswerer;
  /** Only when RISK_MODEL_ENABLED. */
  riskAssessor?: ModelRiskAssessor;
}

/**
 * Everything model-related, built once at start; undefined options (no
 * OPENAI_MODEL) give undefined. Loading the prompts throws PromptError
 * for a missing file, so a broken deployment fails at start.
 */
export function createLlmServices(
  options: LlmOptions | undefined,
  deps: { log: Logger; clock?: Clock; promptsDir?: string; recordRiskUsage?: UsageRecorder },
): LlmServices | undefined {
  if (!options) return undefined;
  const prompts = loadPrompts(deps.promptsDir);
  const client = createModelClient(options, deps.log);
  const clock = deps.clock ? { clock: deps.clock } : {};
  return {
    client,
    prompts,
    freeText: createModelFreeTextAnswerer(client, prompts, { log: deps.log, ...clock }),
    ...(options.riskModel.enabled
      ? {
          riskAssessor: createModelRiskAssessor(client, prompts, deps.log, {
            timeoutMs: options.riskModel.timeoutMs,
            ...clock,
            ...(deps.recordRiskUsage ? { recordUsage: deps.recordRiskUsage } : {}),
          }),
        }
      : {}),
  };
}
