// Scheduling at scale, in this process on its own fresh database: one
// planning pass for a day, then a batch of due reminders sent through the
// outbox to a fake Telegram API that enforces Telegram's 30 messages/s.
import { DateTime } from 'luxon';
import { channelMap } from '../src/channels/registry.js';
import { createTelegramChannel } from '../src/channels/telegram/index.js';
import { systemClock } from '../src/core/clock.js';
import type { Database } from '../src/db/client.js';
import { DEFAULT_ACK_POLICY } from '../src/escalation/policy.js';
import type { Logger } from '../src/log/logger.js';
import { Dispatcher } from '../src/outbox/dispatcher.js';
import { createScheduler, type PlanReport } from '../src/scheduler/index.js';
import { FakeTelegramApi, type SentTelegramMessage } from '../test/fakes/telegram-bot-api.js';
import { seedSchedulingPopulation } from './scheduling-seed.js';

/** Telegram's documented bot limit, and the dispatcher's setting for it (OUTBOX_TELEGRAM_PER_SECOND). */
export const TELEGRAM_DEFAULT_PER_SECOND = 30;
const ZONE = 'Asia/Shanghai';

export interface SchedulingSettings {
  participants: number;
  /** Reminders made due at once and sent through the outbox. */
  dueReminders: number;
}

export interface SchedulingResult {
  participants: number;
  seedSec: number;
  /** One planning pass (check-ins, appointment reminders, digests) for every participant, in seconds. */
  planSec: number;
  plan: PlanReport;
  /** The scheduler's own dispatch: due reminders turned into outbound rows. */
  remindersToOutboxMs: number;
  dueReminders: number;
  /** Outbound rate at the fake API once the first window is spent (see `steadyRate`). */
  dispatchPerSec: number;
  /** The whole batch: from starting the dispatcher to the last message accepted. */
  batchSec: number;
  /** Most messages the fake accepted in any one second (the limit is 30). */
  maxInOneSecond: number;
  got429: boolean;
}

/**
 * The most recent 08:30 in the station's zone that has passed: check-ins
 * (09:00 and later) are still ahead, quiet hours are over, and the outbound
 * rows stamped with this time are already due for the real-clock dispatcher.
 */
function planningInstant(): Date {
  const today = DateTime.now().setZone(ZONE).set({ hour: 8, minute: 30, second: 0, millisecond: 0 });
  return (today.toMillis() < Date.now() ? today : today.minus({ days: 1 })).toJSDate();
}

/**
 * Messages per second after the first second's allowance: a sliding-window
 * limit lets the first `limit` messages out at once, so counting them would
 * flatter a short run. (Messages after the first `limit`) / (first to last arrival).
 */
export function steadyRate(arrivals: readonly number[], limit: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (first === undefined || last === undefined || last === first || sorted.length <= limit) return Number.NaN;
  return (sorted.length - limit) / ((last - first) / 1000);
}

/** The most arrivals within any 1,000 ms. */
export function maxInWindow(arrivals: readonly number[], windowMs = 1000): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

async function waitForSent(fake: FakeTelegramApi, count: number, timeoutMs: number): Promise<readonly SentTelegramMessage[]> {
  const deadline = Date.now() + timeoutMs;
  while (fake.sentMessages().length < count) {
    if (Date.now() > deadline) throw new Error(`only ${fake.sentMessages().length} of ${count} reminders reached the fake Telegram API`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return fake.sentMessages();
}

/**
 * Makes `count` of today's check-in reminders due now (as if their time had
 * come), for the dispatch run. The caseworkers' digests (08:00) are due too
 * and are set aside, so that the batch is reminders only.
 */
async function makeDue(db: Database, count: number, now: Date): Promise<void> {
  await db.sql.query(`UPDATE "Reminder" SET status = 'CANCELLED', "skipReason" = 'bench' WHERE kind = 'DIGEST'`);
  await db.sql.query(
    `UPDATE "Reminder" SET "dueAt" = $1::timestamptz AT TIME ZONE 'UTC'
     WHERE id IN (SELECT id FROM "Reminder"
                  WHERE kind = 'CHECK_IN' AND status = 'PENDING' AND "dueAt" < $2::timestamptz AT TIME ZONE 'UTC'
                  ORDER BY id LIMIT $3::int)`,
    [new Date(now.getTime() - 60_000).toISOString(), new Date(now.getTime() + 12 * 3600_000).toISOString(), count],
  );
}

export async function measureScheduling(db: Database, settings: SchedulingSettings, log: Logger): Promise<SchedulingResult> {
  const now = planningInstant();
  const appointmentsAt = DateTime.fromJSDate(now, { zone: ZONE }).plus({ days: 1 }).set({ hour: 10, minute: 0 }).toJSDate();
  const seedStart = performance.now();
  const population = await seedSchedulingPopulation(db.sql, settings.participants, appointmentsAt);
  const seedSec = (performance.now() - seedStart) / 1000;

  const scheduler = createScheduler({ prisma: db.prisma, log, escalation: { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined } });
  const planStart = performance.now();
  const plan = await scheduler.plan(now, { force: true });
  const planSec = (performance.now() - planStart) / 1000;
  if (!plan) throw new Error('the planning pass did not run');

  await makeDue(db, settings.dueReminders, now);
  const queueStart = performance.now();
  const queued = await scheduler.dispatch(now);
  const remindersToOutboxMs = performance.now() - queueStart;
  if (queued.sent !== settings.dueReminders) throw new Error(`expected ${settings.dueReminders} reminders sent to the outbox, got ${queued.sent}`);

  const fake = new FakeTelegramApi({ limits: { globalPerSecond: TELEGRAM_DEFAULT_PER_SECOND } });
  await fake.start();
  const telegram = createTelegramChannel({ token: fake.token, mode: 'polling', apiRoot: fake.url }, log);
  const dispatcher = new Dispatcher({
    db,
    channels: channelMap([telegram]),
    log,
    clock: systemClock,
    limits: { TELEGRAM: { perSecond: TELEGRAM_DEFAULT_PER_SECOND, perChatSpacingMs: 1000 } },
  });
  try {
    const started = Date.now();
    dispatcher.start();
    const expectedSec = settings.dueReminders / TELEGRAM_DEFAULT_PER_SECOND;
    const sent = await waitForSent(fake, settings.dueReminders, (expectedSec * 2 + 60) * 1000);
    const arrivals = sent.map((m) => m.at);
    return {
      participants: population.participants,
      seedSec,
      planSec,
      plan,
      remindersToOutboxMs,
      dueReminders: settings.dueReminders,
      dispatchPerSec: steadyRate(arrivals, TELEGRAM_DEFAULT_PER_SECOND),
      batchSec: (Math.max(...arrivals) - started) / 1000,
      maxInOneSecond: maxInWindow(arrivals),
      got429: fake.tooManyRequestsCount > 0,
    };
  } finally {
    await dispatcher.stop();
    await fake.stop();
  }
}
