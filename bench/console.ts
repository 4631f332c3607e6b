// Console render times, in this process on its own fresh database: the
// escalation queue with 10,000 open escalations and a participant page
// with 5,000 messages, through the real admin app and a signed-in session.
import type { Hono } from 'hono';
import { createAdminApp } from '../src/admin/app.js';
import { createSession } from '../src/admin/auth/sessions.js';
import { QUEUE_LIMIT } from '../src/admin/escalations/queue-query.js';
import { startEscalationNotifier } from '../src/admin/live/notifier.js';
import { systemClock } from '../src/core/clock.js';
import type { Database } from '../src/db/client.js';
import { runUpkeep } from '../src/db/upkeep.js';
import { createHttpApp } from '../src/http/app.js';
import type { Logger } from '../src/log/logger.js';
import { schedulerSettings } from '../src/scheduler/index.js';
import { seedConsolePopulation } from './console-seed.js';
import { percentile } from './stats.js';

/** The console's session cookie (src/admin/auth/cookies.ts keeps the name private). */
const SESSION_COOKIE = 'tx_admin';
const WARM_UPS = 1;
const RUNS = 5;

export interface ConsoleSettings {
  escalations: number;
  messages: number;
}

export interface ConsoleResult {
  openEscalations: number;
  historyMessages: number;
  seedSec: number;
  /** Median server time of GET /admin/escalations, in ms. */
  queueMs: number;
  queueRunsMs: number[];
  /** Median server time of GET /admin/people/:id, in ms. */
  participantMs: number;
  participantRunsMs: number[];
}

/**
 * Median time from the request to the whole body, after the warm-ups. Each
 * answer must be a 200 that passes `check`, so a fast error page cannot pass
 * for a fast page.
 */
async function timeRender(app: Hono, path: string, cookie: string, check: (html: string) => string | undefined): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < WARM_UPS + RUNS; i++) {
    const started = performance.now();
    const response = await app.request(path, { headers: { cookie } });
    const html = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    const problem = check(html);
    if (problem) throw new Error(`GET ${path}: ${problem}`);
    if (i >= WARM_UPS) runs.push(ms);
  }
  return runs;
}

const occurrences = (html: string, needle: string): number => html.split(needle).length - 1;

export async function measureConsole(db: Database, settings: ConsoleSettings, log: Logger): Promise<ConsoleResult> {
  const seedStart = performance.now();
  const population = await seedConsolePopulation(db.sql, settings.escalations, settings.messages, new Date());
  const seedSec = (performance.now() - seedStart) / 1000;
  // Statistics for the planner, as the service's upkeep (embedded) or autovacuum (PostgreSQL) keeps them:
  // right after the bulk load, without them, the queue's query alone took 120-160 ms on PGlite.
  await runUpkeep(db.sql);

  const notifier = await startEscalationNotifier({ db, log });
  const app = createHttpApp({ log, bodyLimitBytes: 1_000_000, isReady: async () => undefined });
  app.route(
    '/',
    createAdminApp({
      db,
      log,
      clock: systemClock,
      notifier,
      channels: new Map(),
      onOutboxChanged: () => undefined,
      schedulerSettings: schedulerSettings(),
    }),
  );
  try {
    const { token } = await createSession(db.prisma, population.supervisorId, new Date());
    const cookie = `${SESSION_COOKIE}=${token}`;
    const expectedRows = Math.min(QUEUE_LIMIT, settings.escalations);
    const queueRunsMs = await timeRender(app, '/admin/escalations', cookie, (html) => {
      const rows = occurrences(html, 'class="esc-link"');
      return rows === expectedRows ? undefined : `expected ${expectedRows} queue rows, found ${rows}`;
    });
    const participantRunsMs = await timeRender(app, `/admin/people/${population.historyParticipantId}`, cookie, (html) =>
      html.includes(population.historyPseudonym) && html.includes('before=') ? undefined : 'the page lacks the person or the link to older entries',
    );
    return {
      openEscalations: population.openEscalations,
      historyMessages: population.historyMessages,
      seedSec,
      queueMs: percentile(queueRunsMs, 50),
      queueRunsMs,
      participantMs: percentile(participantRunsMs, 50),
      participantRunsMs,
    };
  } finally {
    await notifier.stop();
  }
}
