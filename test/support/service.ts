import { Writable } from 'node:stream';
import { buildConfig, parseEnv } from '../../src/config/index.js';
import type { Database } from '../../src/db/client.js';
import { createLogger, type Logger } from '../../src/log/logger.js';
import { startService, type RunningService, type ServiceOverrides } from '../../src/service.js';

/** A logger that writes nowhere, or to the returned lines when `capture` is set. */
export function testLogger(capture?: string[]): Logger {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      capture?.push(chunk.toString());
      done();
    },
  });
  return createLogger({ level: capture ? 'debug' : 'silent', destination });
}

/** The whole service, in this process, on a test database and a free port. */
export async function startTestService(
  db: Database,
  env: Record<string, string> = {},
  overrides: Omit<ServiceOverrides, 'db'> = {},
): Promise<RunningService> {
  const config = buildConfig(
    // The scheduler is driven explicitly in its own tests; here its ticks would add messages at the wall clock's whim.
    parseEnv({ PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', WEB_CHAT_ENABLED: 'true', WEB_CHAT_DEMO: 'true', SCHEDULER_ENABLED: 'false', ...env }),
  );
  // The test owns the database: the service must not close it on stop.
  const borrowed: Database = { ...db, close: async () => {} };
  return startService(config, testLogger(), { ...overrides, db: borrowed });
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
