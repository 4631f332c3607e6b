// npm run bench [-- --quick]
// Starts the service on a fresh database (embedded, or PostgreSQL with
// BENCH_DATABASE_URL) with a fake Telegram Bot API on loopback, drives it
// over HTTP, prints a table and writes bench/results.json.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openEmbedded, openPostgres, type Database } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { FakeTelegramApi } from '../test/fakes/telegram-bot-api.js';
import { measureInsertLimit } from './db-limit.js';
import { CALM_TEXT, EMERGENCY_TEXT, failedPosts, percentile, pool, postUpdate, replyLatencies, repliesSoFar, waitForReplies, type SentMessage } from './load.js';
import { measureRules } from './rules.js';
import { seedBenchPeople } from './seed.js';
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
};
/** The bot's Telegram send rate in these runs: a bot with raised limits, as a busy deployment would need. */
const TELEGRAM_PER_SECOND = 1000;
const SECRET = 'bench-secret';

async function freshDatabase(): Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void>; dataDir: string; kind: 'embedded' | 'postgresql' }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tongxing-bench-'));
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    return { env: {}, open: () => openEmbedded(path.join(dataDir, 'pgdata')), drop: async () => rmSync(dataDir, { recursive: true, force: true }), dataDir, kind: 'embedded' };
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

async function main(): Promise<void> {
  console.log(`Tongxing benchmark${quick ? ' (quick)' : ''}: ${cpus().length} cores, node ${process.version}`);
  const rulesPerSec = measureRules(quick ? 2 : 5);
  console.log(`rules: ${Math.round(rulesPerSec)} msgs/s`);

  const database = await freshDatabase();
  const setupDb = await database.open();
  await migrate(setupDb.sql);
  const limit = await measureInsertLimit(setupDb, settings.insertRows, settings.concurrency);
  console.log(`insert limit: client ${Math.round(limit.clientInsertPerSec)}/s, driver ${Math.round(limit.driverInsertPerSec)}/s`);
  const people = await seedBenchPeople(setupDb.prisma, settings.participants, settings.caseworkers);
  await setupDb.close();

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
    INBOX_CONCURRENCY: '16',
  });
  const webhook = `${service.url}/webhooks/telegram`;
  const participantChats = new Set(people.participantChats);

  try {
    // 1 + 4. Throughput, with emergencies mixed in.
    const every = Math.floor(settings.messages / settings.emergencies);
    const plan = Array.from({ length: settings.messages }, (_, i) => ({
      chatId: people.participantChats[i % people.participantChats.length] ?? 0,
      text: i % every === every - 1 ? EMERGENCY_TEXT : CALM_TEXT,
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
    const alertLatencies = await alertLatencyMs(fake, people.caseworkerChats, throughputSent);
    console.log(`inbound: ${Math.round(msgsPerSec)} msgs/s`);

    // 2. Latency at a fixed offered load (open loop).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const latencyBaseline = repliesSoFar(fake, people.participantChats);
    const latencySent: Promise<SentMessage | undefined>[] = [];
    const total = settings.offeredPerSec * settings.offeredSeconds;
    const t0 = Date.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / settings.offeredPerSec;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const chatId = people.participantChats[(i * 7) % people.participantChats.length] ?? 0;
      latencySent.push(postUpdate(webhook, SECRET, chatId, CALM_TEXT));
    }
    const offered = (await Promise.all(latencySent)).filter((m): m is SentMessage => m !== undefined);
    await waitForReplies(fake, participantChats, throughputSent.length + offered.length, 120_000);
    const latency = replyLatencies(fake, offered, latencyBaseline).all;
    const webhookTimes = offered.map((m) => m.webhookMs);
    const rssPeakMb = service.peakRssMb();

    const results = {
      db: database.kind,
      cores: cpus().length,
      node: process.version,
      quick,
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
        emergencies: throughputLatency.emergency.length,
        safeReplyP50Ms: percentile(throughputLatency.emergency, 50),
        safeReplyP99Ms: percentile(throughputLatency.emergency, 99),
        alertP50Ms: percentile(alertLatencies, 50),
        alertP99Ms: percentile(alertLatencies, 99),
      },
      // Not measured yet: the scheduler and the console are not built (issues 6 and 7).
      scheduling: { plan100kSec: null, dispatchPerSec: null, dispatchRatio: null, got429: fake.tooManyRequestsCount > 0 },
      rules: { msgsPerSec: round(rulesPerSec) },
      console: { queue10kMs: null, participant5kMs: null },
      memory: { rssPeakMb: round(rssPeakMb) },
      failedWebhookCalls: failedPosts.length,
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
      'rules msgs/s': results.rules.msgsPerSec,
      'service peak RSS MB': results.memory.rssPeakMb,
      'failed webhook calls': failedPosts.length,
      '429s from the fake API': fake.tooManyRequestsCount,
    });
    writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
    console.log('wrote bench/results.json');
  } finally {
    await service.stop();
    await fake.stop();
    await database.drop();
  }
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
