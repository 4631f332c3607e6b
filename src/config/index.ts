import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { lineOptionsFromEnv } from '../channels/line/env.js';
import type { LineChannelOptions } from '../channels/line/options.js';
import { telegramOptionsFromEnv } from '../channels/telegram/env.js';
import type { TelegramChannelOptions } from '../channels/telegram/options.js';
import type { RateLimits } from '../outbox/rate-limiter.js';
import { llmOptionsFromEnv } from '../llm/env.js';
import type { LlmOptions } from '../llm/options.js';
import { parseOffsets, parseOffsetsByKind, type SchedulerOptions } from '../scheduler/options.js';
import type { WechatEnv } from '../channels/wechat/env.js';
import { parseEnv, type Env } from './env.js';

export { ConfigError, parseEnv, type Env } from './env.js';

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string | undefined;
  /** Reverse proxies in front of the service whose X-Forwarded-For entries are believed. */
  trustProxyHops: number;
  dataDir: string;
  database: { kind: 'embedded'; dir: string; sharedBuffersMb: number; ownThread: boolean } | { kind: 'postgresql'; url: string; poolSize: number };
  /** node-cron expression (with seconds) for vacuuming and analysing the embedded database, which has no autovacuum. */
  embeddedUpkeepCron: string;
  defaultTimezone: string;
  log: { level: Env['LOG_LEVEL']; pretty: boolean };
  /** Seed the demo on the first start of an empty database. */
  seedDemo: boolean;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  webChat: { enabled: boolean; demo: boolean };
  /** Batches of inbound events handled at once (events of one chat stay in order). */
  inboxConcurrency: number;
  /** Most inbound events of different chats handled in one transaction. */
  inboxBatchSize: number;
  /** Reminders, check-ins and digests; off only where something else drives them (tests). */
  schedulerEnabled: boolean;
  scheduler: Partial<SchedulerOptions>;
  /** The OpenAI-compatible model; undefined: no model (rule-based answers). */
  llm: LlmOptions | undefined;
  /** Send rates per channel, held by the single dispatcher for the whole deployment. */
  rateLimits: Record<'TELEGRAM' | 'LINE' | 'WECHAT', RateLimits>;
  channels: {
    telegram: TelegramChannelOptions | undefined;
    line: LineChannelOptions | undefined;
    /** WeChat's parsed variables; the adapter needs runtime dependencies too. */
    wechat: WechatEnv | undefined;
  };
  escalation: {
    ackPolicy: { level4Ms: number; level3Ms: number; level2Ms: number };
    /** node-cron expression (with seconds) for the overdue-escalation check. */
    checkCron: string;
  };
}

/** Reminders sent per scheduler transaction on the embedded database (500 on PostgreSQL). */
const EMBEDDED_DISPATCH_BATCH = 100;

export function buildConfig(env: Env, cwd = process.cwd()): Config {
  const dataDir = path.resolve(cwd, env.DATA_DIR);
  const embedded = !env.DATABASE_URL;
  // The demo is for the embedded quickstart; a server database opts in.
  const seedDemo = env.SEED_DEMO ?? embedded;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ''),
    trustProxyHops: env.TRUST_PROXY_HOPS,
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgresql', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dir: path.join(dataDir, 'pgdata'), sharedBuffersMb: env.EMBEDDED_SHARED_BUFFERS_MB, ownThread: env.EMBEDDED_DB_THREAD },
    embeddedUpkeepCron: env.EMBEDDED_UPKEEP_CRON,
    defaultTimezone: env.DEFAULT_TIMEZONE,
    log: { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY },
    seedDemo,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // The web chat is for the embedded demo; production enables it on purpose.
    webChat: { enabled: env.WEB_CHAT_ENABLED ?? embedded, demo: env.WEB_CHAT_DEMO ?? (embedded && seedDemo) },
    // The embedded database has one connection: a second batch would only queue
    // behind the first, and every webhook's insert behind both.
    inboxConcurrency: env.INBOX_CONCURRENCY ?? (embedded ? 1 : 4),
    inboxBatchSize: env.INBOX_BATCH_SIZE,
    llm: llmOptionsFromEnv(env),
    schedulerEnabled: env.SCHEDULER_ENABLED,
    scheduler: {
      cron: env.SCHEDULER_CRON,
      quietHours: { start: env.QUIET_HOURS_START, end: env.QUIET_HOURS_END },
      checkInWindowHours: env.CHECKIN_WINDOW_HOURS,
      followUpHours: env.CHECKIN_FOLLOW_UP_HOURS,
      missedStreak: env.CHECKIN_MISSED_STREAK,
      appointmentOffsetsMinutes: parseOffsets(env.APPOINTMENT_REMINDER_OFFSETS) ?? [1440, 120],
      appointmentOffsetsByKind: parseOffsetsByKind(env.APPOINTMENT_REMINDER_OFFSETS_BY_KIND) ?? {},
      digestTime: env.DIGEST_TIME,
      digestWindowHours: env.DIGEST_WINDOW_HOURS,
      planEveryMinutes: env.SCHEDULER_PLAN_EVERY_MINUTES,
      defaultTimezone: env.DEFAULT_TIMEZONE,
      // A dispatch batch is one transaction, and on the embedded database that holds the one
      // connection and the event loop: 500 due check-ins stalled webhooks for 0.5-0.7 s, 100 for 0.2-0.3 s.
      ...(embedded ? { dispatchBatchSize: EMBEDDED_DISPATCH_BATCH } : {}),
    },
    rateLimits: {
      TELEGRAM: { perSecond: env.OUTBOX_TELEGRAM_PER_SECOND, perChatSpacingMs: 1000 },
      LINE: { perSecond: env.OUTBOX_LINE_PER_SECOND, perChatSpacingMs: 0 },
      WECHAT: { perSecond: env.OUTBOX_WECHAT_PER_SECOND, perChatSpacingMs: env.OUTBOX_WECHAT_CHAT_SPACING_MS },
    },
    channels: {
      telegram: telegramOptionsFromEnv(env, env.PUBLIC_URL?.replace(/\/+$/, '')),
      line: lineOptionsFromEnv(env),
      wechat: env.WECHATY_PUPPET
        ? { WECHATY_PUPPET: env.WECHATY_PUPPET, WECHATY_PUPPET_TOKEN: env.WECHATY_PUPPET_TOKEN, WECHATY_NAME: env.WECHATY_NAME }
        : undefined,
    },
    escalation: {
      ackPolicy: {
        level4Ms: env.ESCALATION_ACK_MINUTES_LEVEL4 * 60_000,
        level3Ms: env.ESCALATION_ACK_MINUTES_LEVEL3 * 60_000,
        level2Ms: env.ESCALATION_ACK_MINUTES_LEVEL2 * 60_000,
      },
      checkCron: env.ESCALATION_CHECK_CRON,
    },
  };
}

/** Reads .env (if present) under the real environment, validates, and builds. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  if (source === process.env) loadDotenv({ quiet: true });
  return buildConfig(parseEnv(source));
}
