import type { Hono } from 'hono';
import type { ChannelAdapter } from './channels/channel.js';
import { channelMap } from './channels/registry.js';
import { createTelegramChannel } from './channels/telegram/index.js';
import { createWebChannel } from './channels/web/index.js';
import { wechatOptionsFromEnv } from './channels/wechat/env.js';
import { isInviteCodeValid, recordFailedAttempt, tooManyFailedAttempts } from './linking/invites.js';
import type { Config } from './config/index.js';
import { systemClock, type Clock } from './core/clock.js';
import { openDatabase, type Database } from './db/client.js';
import { readMigrations } from './db/migration-files.js';
import { migrate, pendingMigrations } from './db/migrate.js';
import { runUpkeep } from './db/upkeep.js';
import { seedDemo, type DemoLogin } from './db/seed/demo.js';
import { createAdminApp } from './admin/app.js';
import type { AdminDeps } from './admin/deps.js';
import { startEscalationNotifier } from './admin/live/notifier.js';
import { createHttpApp } from './http/app.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import { Inbox } from './inbox/inbox.js';
import { isUrgentMessage, warmUpRiskRules } from './triage/urgency.js';
import type { Logger } from './log/logger.js';
import { Dispatcher } from './outbox/dispatcher.js';
import { reescalateOverdue } from './escalation/reescalate.js';
import { startPeriodic } from './scheduler/periodic.js';
import { createScheduler, schedulerSettings } from './scheduler/index.js';
import { createConversationEngine } from './conversation/index.js';
import { createLlmServices } from './llm/index.js';
import { createInboundHandler } from './pipeline/handle-inbound.js';
import type { Responder } from './pipeline/responder.js';

export interface RunningService {
  readonly config: Config;
  readonly db: Database;
  readonly http: HttpServer;
  readonly app: Hono;
  readonly inbox: Inbox;
  readonly dispatcher: Dispatcher;
  readonly channels: ReadonlyMap<string, ChannelAdapter>;
  /** Logins created by the demo seed on this start (printed once). */
  readonly demoLogins: DemoLogin[];
  stop(): Promise<void>;
}

export interface ServiceOverrides {
  clock?: Clock;
  /** Extra or replacement channels (tests). */
  channels?: (db: Database) => ChannelAdapter[];
  responder?: Responder;
  /** Use this database instead of opening the configured one (tests). */
  db?: Database;
}

/** WeChat friend requests: a code is checked, not used up, and wrong guesses count against the sender. */
function wechatInviteCheck(db: Database, clock: Clock) {
  return async (code: string, sender?: { externalUserId: string }): Promise<boolean> => {
    const now = clock.now();
    return db.prisma.$transaction(async (tx) => {
      if (sender && (await tooManyFailedAttempts(tx, 'WECHAT', sender.externalUserId, now))) return false;
      const valid = await isInviteCodeValid(tx, code, now);
      if (!valid && sender) await recordFailedAttempt(tx, 'WECHAT', sender.externalUserId, now);
      return valid;
    });
  };
}

/**
 * The configured channels. LINE's and WeChat's SDKs are loaded only when
 * configured (Wechaty alone costs about 60 MB of memory).
 */
async function buildChannels(config: Config, db: Database, log: Logger, clock: Clock): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [];
  if (config.channels.telegram) adapters.push(createTelegramChannel(config.channels.telegram, log));
  if (config.channels.line) {
    const { createLineChannel } = await import('./channels/line/index.js');
    adapters.push(createLineChannel(config.channels.line, log));
  }
  const wechat = config.channels.wechat
    ? wechatOptionsFromEnv(config.channels.wechat, { dataDir: config.dataDir, verifyInviteCode: wechatInviteCheck(db, clock) })
    : undefined;
  if (wechat) {
    const { createWechatChannel } = await import('./channels/wechat/channel.js');
    adapters.push(createWechatChannel(wechat, log));
  }
  if (config.webChat.enabled) {
    adapters.push(
      createWebChannel(
        { prisma: db.prisma, clock, demo: config.webChat.demo, secureCookies: config.publicUrl?.startsWith('https:') ?? false },
        log.child({ channel: 'WEB' }),
      ),
    );
  }
  return adapters;
}

/**
 * Wires config → database → channels → inbox → pipeline → outbox → HTTP.
 * The one place that knows every module; main.ts only adds process concerns.
 */
export async function startService(config: Config, log: Logger, overrides: ServiceOverrides = {}): Promise<RunningService> {
  const clock = overrides.clock ?? systemClock;
  const db = overrides.db ?? (await openDatabase(config.database));
  const started: { stop(): Promise<void> }[] = [];
  try {
    warmUpRiskRules();
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

    const adapters = overrides.channels?.(db) ?? (await buildChannels(config, db, log, clock));
    const channels = channelMap(adapters);
    const escalation = { policy: config.escalation.ackPolicy, consoleUrl: config.publicUrl };
    const llm = createLlmServices(config.llm, { log: log.child({ module: 'llm' }), clock });
    // The model answers inside the message's transaction. PGlite has one
    // connection, so there a slow model would stall every webhook: until
    // answers are produced after commit, free chat uses the model only on a
    // PostgreSQL server.
    const freeText = llm?.freeText;
    // One process per embedded database (its directory is locked): the outbox's and the inbox's claims from before a restart are void.
    const soleProcess = db.kind === 'embedded';
    const dispatcher = new Dispatcher({ soleProcess, db, channels, log: log.child({ module: 'outbox' }), clock, limits: config.rateLimits });
    const inbox = new Inbox({
      soleProcess,
      db,
      log: log.child({ module: 'inbox' }),
      clock,
      concurrency: config.inboxConcurrency,
      maxBatch: config.inboxBatchSize,
      isUrgent: isUrgentMessage,
      handler: createInboundHandler({
        db,
        channels,
        responder: overrides.responder ?? createConversationEngine({ escalation, clock, ...(freeText ? { freeText } : {}) }),
        log: log.child({ module: 'pipeline' }),
        clock,
        onOutboxChanged: () => dispatcher.wake(),
        escalation,
        ...(llm?.riskAssessor ? { riskModel: llm.riskAssessor } : {}),
      }),
    });

    const app = createHttpApp({
      log,
      bodyLimitBytes: config.bodyLimitBytes,
      isReady: async () => {
        const pending = await pendingMigrations(db.sql, migrations);
        return pending.length > 0 ? `${pending.length} migration(s) not applied` : undefined;
      },
    });
    for (const adapter of adapters) if (adapter.routes) app.route('/', adapter.routes);
    const notifier = await startEscalationNotifier({ db, log: log.child({ module: 'admin' }) });
    started.push(notifier);
    const adminDeps: AdminDeps = {
      db,
      log: log.child({ module: 'admin' }),
      clock,
      publicUrl: config.publicUrl,
      trustProxyHops: config.trustProxyHops,
      notifier,
      channels,
      onOutboxChanged: () => dispatcher.wake(),
      schedulerSettings: schedulerSettings(config.scheduler, escalation),
    };
    app.route('/', createAdminApp(adminDeps));

    inbox.start();
    started.push(inbox);
    dispatcher.start();
    started.push(dispatcher);
    started.push(
      startPeriodic(
        'escalation-check',
        config.escalation.checkCron,
        async () => {
          if ((await reescalateOverdue(db.prisma, escalation, clock.now())) > 0) dispatcher.wake();
        },
        log,
      ),
    );
    if (db.kind === 'embedded') {
      // A PostgreSQL server has autovacuum for this.
      const upkeepLog = log.child({ module: 'db' });
      started.push(
        startPeriodic(
          'database-upkeep',
          config.embeddedUpkeepCron,
          async () => {
            const done = await runUpkeep(db.sql);
            if (done.length > 0) upkeepLog.info({ tables: done }, 'database upkeep');
          },
          upkeepLog,
        ),
      );
    }
    if (config.schedulerEnabled) {
      const scheduler = createScheduler({
        prisma: db.prisma,
        log: log.child({ module: 'scheduler' }),
        escalation,
        options: config.scheduler,
        onOutboxChanged: () => dispatcher.wake(),
      });
      started.push(scheduler.start(clock));
    }
    for (const adapter of adapters) {
      await adapter.start(inbox);
      started.push(adapter);
      log.info({ channel: adapter.channel }, 'channel started');
    }
    const http = await startHttpServer(app, config.port, config.host);
    log.info({ port: http.port }, 'listening');

    let stopping: Promise<void> | undefined;
    return {
      config,
      db,
      http,
      app,
      inbox,
      dispatcher,
      channels,
      demoLogins,
      stop() {
        stopping ??= (async () => {
          // Open event streams end at once, or closing the server would wait for them.
          await notifier.stop();
          await http.close(config.shutdownTimeoutMs);
          // Channels first (no new events), then the inbox drains, then sends finish.
          for (const part of started.reverse()) {
            await part.stop().catch((error: unknown) => log.error({ err: error }, 'error while stopping'));
          }
          await db.close();
          log.info('stopped');
        })();
        return stopping;
      },
    };
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => {});
    await db.close().catch(() => {});
    throw error;
  }
}
