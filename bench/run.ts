// npm run bench [-- --quick]
// Starts the service on a fresh database (embedded, or PostgreSQL with
// BENCH_DATABASE_URL) with a fake Telegram Bot API on loopback, drives it
// over HTTP, prints a table and writes bench/results.json.
// First, as in main.ts: the scheduling and console parts run in this process and should run as the service does.
import '../src/v8-flags.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseEnv } from '../src/config/env.js';
import { openEmbedded, openPostgres, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { createLogger } from '../src/log/logger.js';
import { FakeTelegramApi } from '../test/fakes/telegram-bot-api.js';
import { measureConsole, type ConsoleResult } from './console.js';
import { measureInsertLimit } from './db-limit.js';
import { CALM_TEXT, EMERGENCY_TEXT, failedPosts, percentile, pool, postUpdate, replyLatencies, repliesSoFar, waitForReplies, type SentMessage } from './load.js';
import { measureRules } from './rules.js';
import { measureScheduling, TELEGRAM_DEFAULT_PER_SECOND, type SchedulingResult } from './scheduling.js';
import { seedBenchPeople, timeOfDayAwayFromNow, type BenchPeople } from './seed.js';
import { startServiceProcess } from './service-process.js';
import { round } from './stats.js';

const quick = process.argv.includes('--quick');
const settings = {
  messages: quick ? 1000 : 5000,
  participants: 1000,
  caseworkers: 50,
  concurrency: 32,
  emergencies: quick ? 40 : 200,
  offeredPerSec: 100,
  offeredSeconds: quick ? 15 : 30,
  insertRows: quick ? 1000 : 3000,
  schedulingParticipants: quick ? 10_000 : 100_000,
  dueReminders: quick ? 600 : 3000,
  consoleEscalations: 10_000,
  consoleMessages: 5000,
};
/** The bot's Telegram send rate in these runs: a bot with raised limits, as a busy deployment would need. */
const TELEGRAM_PER_SECOND = 1000;
const SECRET = 'bench-secret';

interface FreshDatabase {
  env: Record<string, string>;
  open: () => Promise<Database>;
  drop: () => Promise<void>;
  dataDir: string;
  kind: 'embedded' | 'postgresql';
  /** Embedded only: PostgreSQL on a thread of its own (EMBEDDED_DB_THREAD). */
  ownThread?: boolean;
}

type InsertLimit = Awaited<ReturnType<typeof measureInsertLimit>>;

async function freshDatabase(): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tongxing-bench-'));
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    // EMBEDDED_DB_THREAD=true measures PostgreSQL on a thread of its own, in the service and in-process parts alike.
    const thread = process.env.EMBEDDED_DB_THREAD;
    const ownThread = parseEnv({ EMBEDDED_DB_THREAD: thread }).EMBEDDED_DB_THREAD;
    return {
      env: thread === undefined ? {} : { EMBEDDED_DB_THREAD: thread },
      open: () => openEmbedded(path.join(dataDir, 'pgdata'), { ownThread }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
      dataDir,
      kind: 'embedded',
      ownThread,
    };
  }
  const name = `tongxing_bench_${Date.now()}`;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString(), DATABASE_POOL_SIZE: '20' },
    open: async () => openPostgres(target.toString(), 20),
    async drop() {
      const dropper = new pg.Client({ connectionString: admin.toString() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
    dataDir,
    kind: 'postgresql',
  };
}

/** The service in its own process, driven over HTTP: throughput, escalations, latency at a fixed load, memory. */
/** BENCH_SERVICE_ENV="INBOX_BATCH_SIZE=12,SCHEDULER_ENABLED=false": settings for the service under test, to compare them. */
function extraServiceEnv(list: string | undefined): Record<string, string> {
  const pairs = (list ?? '').split(',').filter(Boolean);
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
      if (!match?.[1] || match[2] === undefined) throw new Error(`BENCH_SERVICE_ENV: expected NAME=value, got "${pair}"`);
      return [match[1], match[2]];
    }),
  );
}

async function measureInbound(database: FreshDatabase, limit: InsertLimit, people: BenchPeople) {
  const fake = new FakeTelegramApi({ limits: { globalPerSecond: TELEGRAM_PER_SECOND, perChatPerSecond: 1, perChatBurst: 3 } });
  await fake.start();
  const service = await startServiceProcess({
    ...database.env,
    DATA_DIR: database.dataDir,
    SEED_DEMO: 'false',
    WEB_CHAT_ENABLED: 'false',
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: fake.url,
    OUTBOX_TELEGRAM_PER_SECOND: String(TELEGRAM_PER_SECOND),
    DIGEST_TIME: people.checkInTime,
    ...extraServiceEnv(process.env.BENCH_SERVICE_ENV),
  });
  const webhook = `${service.url}/webhooks/telegram`;
  const participantChats = new Set(people.participantChats);

  try {
    // 1. Throughput.
    const plan = Array.from({ length: settings.messages }, (_, i) => ({
      chatId: people.participantChats[i % people.participantChats.length] ?? 0,
      text: CALM_TEXT,
    }));
    const baseline = repliesSoFar(fake, people.participantChats);
    const throughputSent: SentMessage[] = [];
    const started = Date.now();
    await pool(plan, settings.concurrency, async (item) => {
      const sent = await postUpdate(webhook, SECRET, item.chatId, item.text);
      if (sent) throughputSent.push(sent);
    });
    const finished = await waitForReplies(fake, participantChats, throughputSent.length, 300_000);
    const msgsPerSec = throughputSent.length / ((finished - started) / 1000);
    const throughputLatency = replyLatencies(fake, throughputSent, baseline);
    console.log(`inbound: ${Math.round(msgsPerSec)} msgs/s`);

    // 2 + 4. Latency at a fixed offered load (open loop), with emergencies mixed in.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const latencyBaseline = repliesSoFar(fake, people.participantChats);
    const latencySent: Promise<SentMessage | undefined>[] = [];
    const total = settings.offeredPerSec * settings.offeredSeconds;
    const every = Math.floor(total / settings.emergencies);
    const chats = people.participantChats;
    const t0 = Date.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / settings.offeredPerSec;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Emergencies come from participants of different caseworkers (participant i has caseworker i mod 50):
      // alerts to one staff chat are paced at Telegram's one per second, and the bench measures the pipeline.
      const emergency = i % every === every - 1;
      const k = Math.floor(i / every);
      const chatId = chats[emergency ? (k * (settings.caseworkers + 1) + 7) % chats.length : (i * 7) % chats.length] ?? 0;
      latencySent.push(postUpdate(webhook, SECRET, chatId, emergency ? EMERGENCY_TEXT : CALM_TEXT));
    }
    const offered = (await Promise.all(latencySent)).filter((m): m is SentMessage => m !== undefined);
    await waitForReplies(fake, participantChats, throughputSent.length + offered.length, 120_000);
    const offeredLatency = replyLatencies(fake, offered, latencyBaseline);
    const latency = offeredLatency.all;
    const alertLatencies = await alertLatencyMs(fake, people.caseworkerChats, offered);
    const webhookTimes = offered.map((m) => m.webhookMs);
    const rssPeakMb = service.peakRssMb();

    return {
      inbound: {
        messages: settings.messages,
        concurrency: settings.concurrency,
        msgsPerSec: round(msgsPerSec),
        clientInsertPerSec: round(limit.clientInsertPerSec),
        driverInsertPerSec: round(limit.driverInsertPerSec),
        ratio: round(msgsPerSec / limit.clientInsertPerSec, 2),
        offeredPerSec: settings.offeredPerSec,
        p50Ms: percentile(latency, 50),
        p95Ms: percentile(latency, 95),
        p99Ms: percentile(latency, 99),
        webhookP99Ms: percentile(webhookTimes, 99),
        throughputP50Ms: percentile(throughputLatency.all, 50),
      },
      escalation: {
        emergencies: offeredLatency.emergency.length,
        safeReplyP50Ms: percentile(offeredLatency.emergency, 50),
        safeReplyP99Ms: percentile(offeredLatency.emergency, 99),
        alertP50Ms: percentile(alertLatencies, 50),
        alertP99Ms: percentile(alertLatencies, 99),
      },
      memory: { rssPeakMb: round(rssPeakMb) },
      inbound429s: fake.tooManyRequestsCount,
    };
  } finally {
    await service.stop();
    await fake.stop();
    await database.drop();
  }
}

/** Scheduling, then the console, each in this process on a fresh database of the same kind. */
async function measureInProcess(): Promise<{ scheduling: SchedulingResult; console: ConsoleResult }> {
  const log = createLogger({ level: 'error' });
  const run = async <T>(measure: (db: Database) => Promise<T>): Promise<T> => {
    const database = await freshDatabase();
    const db = await database.open();
    try {
      await migrate(db.sql);
      return await measure(db);
    } finally {
      await db.close();
      await database.drop();
    }
  };
  const scheduling = await run((db) => measureScheduling(db, { participants: settings.schedulingParticipants, dueReminders: settings.dueReminders }, log));
  console.log(
    `scheduling: ${scheduling.participants} participants planned in ${round(scheduling.planSec, 2)} s; ` +
      `${scheduling.dueReminders} reminders at ${round(scheduling.dispatchPerSec)} msgs/s (${scheduling.maxInOneSecond} in the busiest second)`,
  );
  const consoleResult = await run((db) => measureConsole(db, { escalations: settings.consoleEscalations, messages: settings.consoleMessages }, log));
  console.log(`console: queue ${Math.round(consoleResult.queueMs)} ms, participant page ${Math.round(consoleResult.participantMs)} ms (medians of 5)`);
  return { scheduling, console: consoleResult };
}

async function main(): Promise<void> {
  console.log(`Tongxing benchmark${quick ? ' (quick)' : ''}: ${cpus().length} cores, node ${process.version}`);
  // The machine may be shared: the load around the run says how far to trust the figures.
  const loadAtStart = loadavg();
  const rules = measureRules(quick ? 2 : 5);
  console.log(`rules: ${Math.round(rules.rulesPerSec)} msgs/s alone, ${Math.round(rules.withLearnedPerSec)} with the learned layer`);

  const database = await freshDatabase();
  const setupDb = await database.open();
  await migrate(setupDb.sql);
  const limit = await measureInsertLimit(setupDb, settings.insertRows, settings.concurrency);
  console.log(`insert limit: client ${Math.round(limit.clientInsertPerSec)}/s, driver ${Math.round(limit.driverInsertPerSec)}/s`);
  const people = await seedBenchPeople(setupDb.prisma, settings.participants, settings.caseworkers, timeOfDayAwayFromNow());
  await setupDb.close();

  const measured = await measureInbound(database, limit, people);

  const inProcess = await measureInProcess();
  const { scheduling } = inProcess;
  const results = {
    db: database.kind,
    ...(database.ownThread === undefined ? {} : { embeddedThread: database.ownThread }),
    cores: cpus().length,
    node: process.version,
    quick,
    inbound: measured.inbound,
    escalation: measured.escalation,
    scheduling: {
      participants: scheduling.participants,
      /** Measured at `participants` (10,000 with --quick), not scaled. */
      plan100kSec: round(scheduling.planSec, 2),
      remindersPlanned: scheduling.plan.checkIns.created + scheduling.plan.appointments.created + scheduling.plan.digests.created,
      dueReminders: scheduling.dueReminders,
      remindersToOutboxMs: Math.round(scheduling.remindersToOutboxMs),
      dispatchPerSec: round(scheduling.dispatchPerSec),
      dispatchRatio: round(scheduling.dispatchPerSec / TELEGRAM_DEFAULT_PER_SECOND, 2),
      maxInOneSecond: scheduling.maxInOneSecond,
      batchSec: round(scheduling.batchSec),
      got429: scheduling.got429,
    },
    rules: { msgsPerSec: round(rules.rulesPerSec), withLearnedLayerPerSec: round(rules.withLearnedPerSec) },
    console: {
      queue10kMs: Math.round(inProcess.console.queueMs),
      participant5kMs: Math.round(inProcess.console.participantMs),
      queueRunsMs: inProcess.console.queueRunsMs.map((ms) => Math.round(ms)),
      participantRunsMs: inProcess.console.participantRunsMs.map((ms) => Math.round(ms)),
    },
    memory: measured.memory,
    failedWebhookCalls: failedPosts.length,
    /** 1, 5 and 15 minute load averages when the run started and when it ended. */
    loadAverage: { atStart: loadAtStart.map((value) => round(value, 2)), atEnd: loadavg().map((value) => round(value, 2)) },
  };
  console.table({
    'inbound msgs/s': results.inbound.msgsPerSec,
    'client inserts/s': results.inbound.clientInsertPerSec,
    'driver inserts/s': results.inbound.driverInsertPerSec,
    'ratio (pipeline / client inserts)': results.inbound.ratio,
    [`p50 / p95 / p99 ms at ${settings.offeredPerSec}/s`]: `${results.inbound.p50Ms} / ${results.inbound.p95Ms} / ${results.inbound.p99Ms}`,
    'webhook p99 ms': results.inbound.webhookP99Ms,
    'emergency → safe reply p50 / p99 ms': `${results.escalation.safeReplyP50Ms} / ${results.escalation.safeReplyP99Ms}`,
    'emergency → caseworker alert p50 / p99 ms': `${results.escalation.alertP50Ms} / ${results.escalation.alertP99Ms}`,
    [`plan a day for ${results.scheduling.participants} participants, s`]: results.scheduling.plan100kSec,
    [`reminder dispatch msgs/s (ratio to ${TELEGRAM_DEFAULT_PER_SECOND}/s)`]: `${results.scheduling.dispatchPerSec} (${results.scheduling.dispatchRatio})`,
    '429s in the reminder dispatch': results.scheduling.got429 ? 'yes' : 'none',
    [`queue page, ${settings.consoleEscalations} open escalations, median ms`]: results.console.queue10kMs,
    [`participant page, ${settings.consoleMessages} messages, median ms`]: results.console.participant5kMs,
    'rules msgs/s (alone / with the learned layer)': `${results.rules.msgsPerSec} / ${results.rules.withLearnedLayerPerSec}`,
    'service peak RSS MB': results.memory.rssPeakMb,
    'failed webhook calls': failedPosts.length,
    '429s from the fake API (inbound)': measured.inbound429s,
    'load average 1 / 5 / 15 min, start → end': `${results.loadAverage.atStart.join(' / ')} → ${results.loadAverage.atEnd.join(' / ')}`,
  });
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log('wrote bench/results.json');
}

/** From each emergency POST to the caseworker alert naming that participant's pseudonym. */
async function alertLatencyMs(fake: FakeTelegramApi, caseworkerChats: Set<number>, sent: SentMessage[]): Promise<number[]> {
  const emergencies = sent.filter((m) => m.emergency);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const alerts = fake.sentMessages().filter((m) => caseworkerChats.has(Number(m.chatId)));
    const latencies = emergencies.flatMap((m) => {
      const pseudonym = `B-${m.chatId - 1_000_000}`;
      const alert = alerts.find((a) => a.text.includes(`${pseudonym}\n`) && a.at >= m.postedAt);
      return alert ? [alert.at - m.postedAt] : [];
    });
    if (latencies.length >= emergencies.length || Date.now() > deadline) return latencies;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
