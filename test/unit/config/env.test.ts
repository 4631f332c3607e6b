import { describe, expect, it } from 'vitest';
import { buildConfig, ConfigError, parseEnv } from '../../../src/config/index.js';

function configError(env: Record<string, string>): ConfigError {
  try {
    parseEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './data',
      DEFAULT_TIMEZONE: 'Asia/Shanghai',
      LOG_LEVEL: 'info',
      LOG_PRETTY: false,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DEFAULT_TIMEZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'mysql://x'],
    ['PUBLIC_URL', 'not a url'],
    ['SEED_DEMO', 'maybe'],
    ['EMBEDDED_UPKEEP_CRON', 'every ten minutes'],
  ])('names %s when it is %s', (variable, value) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('does not echo a database URL, which may hold a password', () => {
    const error = configError({ DATABASE_URL: 'mysql://user:secret@host/db' });
    expect(error.message).not.toContain('secret');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });
});

describe('buildConfig', () => {
  it('uses the embedded database under DATA_DIR when DATABASE_URL is unset, and seeds the demo', () => {
    const config = buildConfig(parseEnv({ DATA_DIR: 'var/tx' }), '/srv/app');
    expect(config.database).toEqual({ kind: 'embedded', dir: '/srv/app/var/tx/pgdata', sharedBuffersMb: 32, ownThread: false });
    expect(config.seedDemo).toBe(true);
    expect(buildConfig(parseEnv({ EMBEDDED_SHARED_BUFFERS_MB: '64' })).database).toMatchObject({ sharedBuffersMb: 64 });
    expect(configError({ EMBEDDED_SHARED_BUFFERS_MB: '0' }).message).toContain('EMBEDDED_SHARED_BUFFERS_MB');
    expect(buildConfig(parseEnv({ EMBEDDED_DB_THREAD: 'true' })).database).toMatchObject({ ownThread: true });
    expect(configError({ EMBEDDED_DB_THREAD: 'sometimes' }).message).toContain('EMBEDDED_DB_THREAD');
    expect(config.embeddedUpkeepCron).toBe('30 */10 * * * *');
    // Shorter scheduler transactions where one holds the only connection.
    expect(config.scheduler.dispatchBatchSize).toBe(100);
  });

  it('uses PostgreSQL with a pool when DATABASE_URL is set, without the demo unless asked', () => {
    const config = buildConfig(parseEnv({ DATABASE_URL: 'postgresql://u:p@db/tx', DATABASE_POOL_SIZE: '7' }));
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgresql://u:p@db/tx', poolSize: 7 });
    expect(config.seedDemo).toBe(false);
    expect(config.inboxConcurrency).toBe(4);
    expect(config.scheduler.dispatchBatchSize).toBeUndefined();
    expect(buildConfig(parseEnv({})).inboxConcurrency).toBe(1);
    expect(buildConfig(parseEnv({ INBOX_CONCURRENCY: '3' })).inboxConcurrency).toBe(3);
    expect(buildConfig(parseEnv({ DATABASE_URL: 'postgresql://db/tx', SEED_DEMO: 'true' })).seedDemo).toBe(true);
  });

  it('drops a trailing slash from PUBLIC_URL', () => {
    expect(buildConfig(parseEnv({ PUBLIC_URL: 'https://tx.example.org/' })).publicUrl).toBe('https://tx.example.org');
  });
});
