import { z } from 'zod';
import { DEFAULT_BASE_URL, type LlmOptions } from './options.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Sent as the key to servers that need none; never a real credential. */
export const NO_API_KEY = 'not-needed';

const llmEnvShape = {
  /** An OpenAI-compatible API root (with /v1 where the server needs it); default https://api.openai.com/v1. */
  OPENAI_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer key; required for api.openai.com, optional for local servers (Ollama, vLLM). */
  OPENAI_API_KEY: z.string().min(1).optional(),
  /** The model id. Unset: no model, and every feature except free chat works with rules. */
  OPENAI_MODEL: z.string().min(1).optional(),
  /**
   * Deadline of a free-chat answer, in ms; past it the rule-based answer goes out. At most 15 000:
   * the answer is awaited inside the inbound transaction, whose own timeout is 20 s.
   */
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(15_000).default(10_000),
  /** Turns on the model risk assessor (needs OPENAI_MODEL); it may raise a level, never lower it. */
  RISK_MODEL_ENABLED: bool.default(false),
  /** Deadline of one model risk assessment, in ms. */
  RISK_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
};

export type LlmEnv = z.infer<z.ZodObject<typeof llmEnvShape>>;

/** A combination of model settings that cannot work, naming the variable to fix. */
export function llmEnvProblem(env: LlmEnv): { variable: string; problem: string } | undefined {
  if (env.RISK_MODEL_ENABLED && !env.OPENAI_MODEL) return { variable: 'OPENAI_MODEL', problem: 'is required when RISK_MODEL_ENABLED is true' };
  if (env.OPENAI_MODEL && !env.OPENAI_BASE_URL && !env.OPENAI_API_KEY) {
    return { variable: 'OPENAI_API_KEY', problem: `is required when OPENAI_MODEL is set and OPENAI_BASE_URL is not (${DEFAULT_BASE_URL})` };
  }
  return undefined;
}

/**
 * For a superRefine on the service's EnvSchema: spreading `llmEnvSchema.shape`
 * into another z.object drops this fragment's own refinement.
 */
export function refineLlmEnv<T extends LlmEnv>(env: T, ctx: z.RefinementCtx<T>): void {
  const problem = llmEnvProblem(env);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.problem });
}

/** The model part of the environment. */
export const llmEnvSchema = z.object(llmEnvShape).superRefine(refineLlmEnv);

/** Model options from a parsed environment, or undefined when no model is configured (no OPENAI_MODEL). */
export function llmOptionsFromEnv(env: LlmEnv): LlmOptions | undefined {
  const problem = llmEnvProblem(env);
  // Reached only when the refinement was not applied to the parsed schema.
  if (problem) throw new Error(`invalid configuration: ${problem.variable} ${problem.problem}`);
  if (!env.OPENAI_MODEL) return undefined;
  return {
    ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL.replace(/\/+$/, '') } : {}),
    apiKey: env.OPENAI_API_KEY ?? NO_API_KEY,
    model: env.OPENAI_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    riskModel: { enabled: env.RISK_MODEL_ENABLED, timeoutMs: env.RISK_MODEL_TIMEOUT_MS },
  };
}
