import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { parseEnv, type Env } from './env.js';

export { ConfigError, parseEnv, type Env } from './env.js';

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  database: { kind: 'embedded'; dir: string } | { kind: 'postgresql'; url: string; poolSize: number };
  defaultTimezone: string;
  log: { level: Env['LOG_LEVEL']; pretty: boolean };
  /** Seed the demo on the first start of an empty database. */
  seedDemo: boolean;
  bodyLimitBytes: number;
  shutdownTimeoutMs: number;
  webChat: { enabled: boolean; demo: boolean };
  /** Inbound events handled at once (events of one chat stay in order). */
  inboxConcurrency: number;
}

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
    dataDir,
    database: env.DATABASE_URL
      ? { kind: 'postgresql', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dir: path.join(dataDir, 'pgdata') },
    defaultTimezone: env.DEFAULT_TIMEZONE,
    log: { level: env.LOG_LEVEL, pretty: env.LOG_PRETTY },
    seedDemo,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    // The web chat is for the embedded demo; production enables it on purpose.
    webChat: { enabled: env.WEB_CHAT_ENABLED ?? embedded, demo: env.WEB_CHAT_DEMO ?? (embedded && seedDemo) },
    inboxConcurrency: env.INBOX_CONCURRENCY,
  };
}

/** Reads .env (if present) under the real environment, validates, and builds. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  if (source === process.env) loadDotenv({ quiet: true });
  return buildConfig(parseEnv(source));
}
