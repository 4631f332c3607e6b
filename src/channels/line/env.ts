import { z } from 'zod';
import type { LineChannelOptions } from './options.js';

const SECRET = 'LINE_CHANNEL_SECRET';
const TOKEN = 'LINE_CHANNEL_ACCESS_TOKEN';

const lineEnvShape = {
  /** Enables LINE together with the access token; checks webhook signatures. */
  LINE_CHANNEL_SECRET: z.string().min(1).optional(),
  /** Enables LINE together with the secret; a long-lived channel access token. */
  LINE_CHANNEL_ACCESS_TOKEN: z.string().min(1).optional(),
  /** Messaging API origin; only for tests against a fake server. The SDK resolves absolute paths, so a path here would be dropped. */
  LINE_API_BASE_URL: z
    .url({ protocol: /^https?$/ })
    .refine((url) => new URL(url).pathname === '/', 'must be an origin such as http://127.0.0.1:8080, without a path')
    .optional(),
};

export type LineEnv = z.infer<z.ZodObject<typeof lineEnvShape>>;

/** The variable that is missing when only half of the LINE credentials are set. */
export function lineEnvProblem(env: LineEnv): { variable: string; problem: string } | undefined {
  if (env.LINE_CHANNEL_SECRET && !env.LINE_CHANNEL_ACCESS_TOKEN) return { variable: TOKEN, problem: `is required when ${SECRET} is set` };
  if (env.LINE_CHANNEL_ACCESS_TOKEN && !env.LINE_CHANNEL_SECRET) return { variable: SECRET, problem: `is required when ${TOKEN} is set` };
  return undefined;
}

/**
 * For a superRefine on the service's EnvSchema: spreading `lineEnvSchema.shape`
 * into another z.object drops this fragment's own refinement.
 */
export function refineLineEnv<T extends LineEnv>(env: T, ctx: z.RefinementCtx<T>): void {
  const problem = lineEnvProblem(env);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.problem });
}

/** The LINE part of the environment. Both credentials enable LINE; one without the other is an error naming the missing one. */
export const lineEnvSchema = z.object(lineEnvShape).superRefine(refineLineEnv);

/** Channel options from a parsed environment, or undefined when LINE is off. */
export function lineOptionsFromEnv(env: LineEnv): LineChannelOptions | undefined {
  const problem = lineEnvProblem(env);
  // Reached only when the refinement was not applied to the parsed schema.
  if (problem) throw new Error(`invalid configuration: ${problem.variable} ${problem.problem}`);
  if (!env.LINE_CHANNEL_SECRET || !env.LINE_CHANNEL_ACCESS_TOKEN) return undefined;
  return {
    channelSecret: env.LINE_CHANNEL_SECRET,
    channelAccessToken: env.LINE_CHANNEL_ACCESS_TOKEN,
    ...(env.LINE_API_BASE_URL ? { apiBaseUrl: env.LINE_API_BASE_URL.replace(/\/+$/, '') } : {}),
  };
}
