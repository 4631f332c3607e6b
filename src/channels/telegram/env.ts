import { z } from 'zod';
import type { TelegramChannelOptions } from './options.js';

const TOKEN = 'TELEGRAM_BOT_TOKEN';
const MODE = 'TELEGRAM_MODE';
const SECRET = 'TELEGRAM_WEBHOOK_SECRET';

/** What Telegram accepts as a webhook secret_token. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

const telegramEnvShape = {
  /** Enables Telegram; the token from @BotFather ("123456789:AA…"). */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[A-Za-z0-9_-]+$/, 'must look like 123456789:AA… (the token from @BotFather)')
    .optional(),
  /** webhook: Telegram POSTs to /webhooks/telegram; polling: the service fetches updates (no public URL needed). */
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).default('webhook'),
  /** Required in webhook mode: Telegram sends it in X-Telegram-Bot-Api-Secret-Token. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(SECRET_PATTERN, 'must be 1–256 letters, digits, _ or -').optional(),
  /** Another Bot API server: a self-hosted telegram-bot-api, or a test fake. Default https://api.telegram.org. */
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).optional(),
};

export type TelegramEnv = z.infer<z.ZodObject<typeof telegramEnvShape>>;

/** The variable at fault when the Telegram settings do not fit together. */
export function telegramEnvProblem(env: TelegramEnv): { variable: string; problem: string } | undefined {
  if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_MODE === 'webhook' && !env.TELEGRAM_WEBHOOK_SECRET) {
    return { variable: SECRET, problem: `is required when ${TOKEN} is set and ${MODE} is webhook` };
  }
  return undefined;
}

/**
 * For a superRefine on the service's EnvSchema: spreading
 * `telegramEnvSchema.shape` into another z.object drops this fragment's own
 * refinement.
 */
export function refineTelegramEnv<T extends TelegramEnv>(env: T, ctx: z.RefinementCtx<T>): void {
  const problem = telegramEnvProblem(env);
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.variable], message: problem.problem });
}

/** The Telegram part of the environment. The token enables Telegram; webhook mode then needs the secret. */
export const telegramEnvSchema = z.object(telegramEnvShape).superRefine(refineTelegramEnv);

/**
 * Channel options from a parsed environment, or undefined when Telegram is
 * off (no token). `publicUrl` is PUBLIC_URL: set, the webhook is registered at
 * start.
 */
export function telegramOptionsFromEnv(env: TelegramEnv, publicUrl: string | undefined): TelegramChannelOptions | undefined {
  const problem = telegramEnvProblem(env);
  // Reached only when the refinement was not applied to the parsed schema.
  if (problem) throw new Error(`invalid configuration: ${problem.variable} ${problem.problem}`);
  if (!env.TELEGRAM_BOT_TOKEN) return undefined;
  return {
    token: env.TELEGRAM_BOT_TOKEN,
    mode: env.TELEGRAM_MODE,
    ...(env.TELEGRAM_WEBHOOK_SECRET ? { webhookSecret: env.TELEGRAM_WEBHOOK_SECRET } : {}),
    ...(env.TELEGRAM_API_ROOT ? { apiRoot: env.TELEGRAM_API_ROOT } : {}),
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/+$/, '') } : {}),
  };
}
