import { validate as isCronExpression } from 'node-cron';
import { z } from 'zod';
// Channel env fragments are leaf modules (zod only), so config stays at the bottom of the graph.
import { lineEnvSchema, refineLineEnv } from '../channels/line/env.js';
import { refineTelegramEnv, telegramEnvSchema } from '../channels/telegram/env.js';
import { llmEnvSchema, refineLlmEnv } from '../llm/env.js';
import { parseOffsets, parseOffsetsByKind } from '../scheduler/options.js';
import { wechatEnvSchema } from '../channels/wechat/env.js';

/** An IANA timezone that this Node.js build knows, e.g. Asia/Shanghai. */
const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA timezone such as Asia/Shanghai');

/** A local time of day, "HH:MM". */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day like 08:00');

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalUrl = z.url().optional();
const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/**
 * Every environment variable the service reads. .env.example documents each
 * one; keep the two in step.
 */
export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    PUBLIC_URL: optionalUrl,
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgresql://')
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    EMBEDDED_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).default(32),
    EMBEDDED_DB_THREAD: bool.default(false),
    EMBEDDED_UPKEEP_CRON: z.string().refine(isCronExpression, 'must be a cron expression').default('30 */10 * * * *'),
    DEFAULT_TIMEZONE: timezone.default('Asia/Shanghai'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_PRETTY: bool.default(false),
    SEED_DEMO: bool.optional(),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
    WEB_CHAT_ENABLED: bool.optional(),
    WEB_CHAT_DEMO: bool.optional(),
    INBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
    INBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(32),
    ESCALATION_ACK_MINUTES_LEVEL4: z.coerce.number().positive().default(5),
    ESCALATION_ACK_MINUTES_LEVEL3: z.coerce.number().positive().default(30),
    ESCALATION_ACK_MINUTES_LEVEL2: z.coerce.number().positive().default(24 * 60),
    ESCALATION_CHECK_CRON: z.string().refine(isCronExpression, 'must be a cron expression').default('*/30 * * * * *'),
    SCHEDULER_ENABLED: bool.default(true),
    SCHEDULER_CRON: z.string().refine(isCronExpression, 'must be a cron expression').default('0 * * * * *'),
    QUIET_HOURS_START: clockTime.default('22:00'),
    QUIET_HOURS_END: clockTime.default('08:00'),
    CHECKIN_WINDOW_HOURS: z.coerce.number().positive().max(72).default(12),
    CHECKIN_FOLLOW_UP_HOURS: z.coerce.number().min(0).max(48).default(4),
    CHECKIN_MISSED_STREAK: z.coerce.number().int().min(1).max(30).default(3),
    APPOINTMENT_REMINDER_OFFSETS: z
      .string()
      .refine((v) => parseOffsets(v) !== undefined, 'must be offsets like 1d,2h,30m')
      .default('1d,2h'),
    APPOINTMENT_REMINDER_OFFSETS_BY_KIND: z
      .string()
      .refine((v) => parseOffsetsByKind(v) !== undefined, 'must be KIND=offsets;… like METHADONE_DOSE=1h;CLASS=3d,2h;OTHER=none')
      .default('METHADONE_DOSE=1h'),
    DIGEST_TIME: clockTime.default('08:00'),
    DIGEST_WINDOW_HOURS: z.coerce.number().positive().max(24).default(4),
    SCHEDULER_PLAN_EVERY_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
    OUTBOX_TELEGRAM_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
    OUTBOX_LINE_PER_SECOND: z.coerce.number().positive().max(2000).default(100),
    OUTBOX_WECHAT_PER_SECOND: z.coerce.number().positive().max(100).default(1),
    OUTBOX_WECHAT_CHAT_SPACING_MS: z.coerce.number().int().min(0).default(2000),
    ...telegramEnvSchema.shape,
    ...lineEnvSchema.shape,
    ...wechatEnvSchema.shape,
    ...llmEnvSchema.shape,
  })
  .superRefine(refineTelegramEnv)
  .superRefine(refineLineEnv)
  .superRefine(refineLlmEnv);

export type Env = z.infer<typeof EnvSchema>;

/** Raised when the environment is invalid; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, emptyAsUndefined(source[key])]),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  const given = source[variable];
  // Never echo values that may carry credentials.
  const secret = /(URL|TOKEN|SECRET|KEY|PASSWORD)$/.test(variable);
  const shown = secret || given === undefined ? '' : ` (got "${given}")`;
  throw new ConfigError(variable, `${issue?.message ?? 'is invalid'}${shown}`);
}
