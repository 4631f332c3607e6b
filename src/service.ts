import type { Hono } from 'hono';
import type { Config } from './config/index.js';
import { openDatabase, type Database } from './db/client.js';
import { readMigrations } from './db/migration-files.js';
import { migrate, pendingMigrations } from './db/migrate.js';
import { seedDemo, type DemoLogin } from './db/seed/demo.js';
import { createHttpApp } from './http/app.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import type { Logger } from './log/logger.js';

export interface RunningService {
  readonly config: Config;
  readonly db: Database;
  readonly http: HttpServer;
  readonly app: Hono;
  /** Logins created by the demo seed on this start (printed once). */
  readonly demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

/**
 * Wires config → database → HTTP. The one place that knows every module;
 * main.ts only adds process concerns (signals, exit codes).
 */
export async function startService(config: Config, log: Logger): Promise<RunningService> {
  const db = await openDatabase(config.database);
  try {
    const migrations = await readMigrations();
    const migrated = await migrate(db.sql, log, migrations);
    log.info({ db: db.kind, applied: migrated.applied.length, total: migrations.length }, 'database ready');

    let demoLogins: DemoLogin[] = [];
    if (config.seedDemo) {
      const seeded = await seedDemo(db.prisma);
      if (seeded.seeded) {
        demoLogins = seeded.logins;
        log.info('seeded the demo station');
      }
    }

    const app = createHttpApp({
      log,
      bodyLimitBytes: config.bodyLimitBytes,
      isReady: async () => {
        const pending = await pendingMigrations(db.sql, migrations);
        return pending.length > 0 ? `${pending.length} migration(s) not applied` : undefined;
      },
    });
    const http = await startHttpServer(app, config.port, config.host);
    log.info({ port: http.port }, 'listening');

    let stopping: Promise<void> | undefined;
    return {
      config,
      db,
      http,
      app,
      demoLogins,
      stop() {
        stopping ??= (async () => {
          await http.close(config.shutdownTimeoutMs);
          await db.close();
          log.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
