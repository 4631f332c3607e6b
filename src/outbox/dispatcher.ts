import type { ChannelAdapter, SendResult } from '../channels/channel.js';
import type { Clock } from '../core/clock.js';
import type { ChannelName } from '../core/messages.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../log/logger.js';
import { runWhileLeader } from './leadership.js';
import { OutboxPayloadSchema, toOutbound } from './outbox-payload.js';
import { DEFAULT_LIMITS, RateLimiter, type RateLimits } from './rate-limiter.js';
import { PRIORITY } from './enqueue.js';
import { recordResults, type SendOutcome } from './record-results.js';

const CLAIM_BATCH = 200;
const CLAIM_MS = 120_000;
const IDLE_POLL_MS = 1000;
/** A round sends only what its rate limits allow within this time. */
const SLOT_HORIZON_MS = 1000;
export const MAX_SEND_ATTEMPTS = 8;

/** A crisis reply may go ahead of its chat's spacing (see RateLimiter.waitMs). */
function isCrisis(row: { priority: number }): boolean {
  return row.priority <= PRIORITY.crisis;
}

interface ClaimedRow {
  id: string;
  channel: ChannelName;
  identityId: string;
  payload: unknown;
  attempts: number;
  chatId: string;
  externalId: string;
  reachable: boolean;
  optedOut: boolean;
  isReply: boolean;
  priority: number;
}

export interface DispatcherOptions {
  db: Database;
  channels: ReadonlyMap<ChannelName, ChannelAdapter>;
  log: Logger;
  clock: Clock;
  limits?: Partial<Record<ChannelName, RateLimits>>;
  /**
   * This is the only process on the database (the embedded one: its data
   * directory is locked), so claims left by an earlier run belong to a
   * process that is gone: leading starts by voiding them instead of waiting
   * CLAIM_MS for them to expire (as the inbox does).
   */
  soleProcess?: boolean;
}

/**
 * Sends stored outbound messages. One instance leads (advisory lock); it
 * claims due rows in priority order, paces them per channel and per chat,
 * marks them SENDING just before the platform call and SENT after, so that a
 * row is never sent twice by us.
 */
export class Dispatcher {
  /** Pacing as planned when rows are released... */
  private readonly planned = new Map<ChannelName, RateLimiter>();
  /** ...and as it really happens, at the start of each platform call. */
  private readonly actual = new Map<ChannelName, RateLimiter>();
  private wakeUp: (() => void) | undefined;
  private abort = new AbortController();
  private running: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private lastMark: Promise<void> = Promise.resolve();

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    this.abort = new AbortController();
    this.running = runWhileLeader(this.options.db.sql, (signal) => this.lead(signal), this.abort.signal).catch(
      (error: unknown) => this.options.log.error({ err: error }, 'dispatcher stopped on an error'),
    );
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.wake();
    await this.running;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Set when rows were stored while nobody waited: the next wait returns at once instead of losing the wake-up. */
  private wokenMeanwhile = false;

  /** New rows were stored: look now instead of at the next poll. */
  wake(): void {
    const resolve = this.wakeUp;
    this.wakeUp = undefined;
    if (resolve) resolve();
    else this.wokenMeanwhile = true;
  }

  private async lead(signal: AbortSignal): Promise<void> {
    await this.recoverInterrupted();
    while (!signal.aborted) {
      let claimed = { sent: 0, deferred: 0 };
      try {
        claimed = await this.dispatchDue();
      } catch (error) {
        this.options.log.error({ err: error }, 'dispatch round failed');
      }
      if (claimed.sent === 0 && !signal.aborted) await this.pause(claimed.deferred > 0 ? 200 : IDLE_POLL_MS);
    }
  }

  /** Waits `ms`; true when woken early because new rows were stored. */
  private pause(ms: number): Promise<boolean> {
    if (this.wokenMeanwhile) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve(false);
      }, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /**
   * Rows left SENDING by a process that died: we cannot know whether the
   * platform got them. Never send twice: mark them failed, except on channels
   * whose sends are idempotent.
   */
  private async recoverInterrupted(): Promise<void> {
    const now = this.options.clock.now();
    const idempotent = [...this.options.channels.values()]
      .filter((c) => c.capabilities.idempotentSends)
      .map((c) => c.channel);
    const prisma = this.options.db.prisma;
    // Whose claim is void: an expired one, or any at all when no other process can hold one.
    const dead = this.options.soleProcess ? {} : { lockedUntil: { lt: now } };
    if (this.options.soleProcess) {
      // Claimed for a round that never ran: a crisis reply must not wait two minutes after a restart.
      await prisma.outboxMessage.updateMany({ where: { status: 'PENDING', lockedUntil: { not: null } }, data: { lockedUntil: null } });
    }
    await prisma.outboxMessage.updateMany({
      where: { status: 'SENDING', ...dead, channel: { in: idempotent } },
      data: { status: 'PENDING', lockedUntil: null },
    });
    const lost = await prisma.outboxMessage.updateMany({
      where: { status: 'SENDING', ...dead },
      data: { status: 'FAILED', lastError: 'interrupted while sending; delivery unknown' },
    });
    if (lost.count > 0) this.options.log.warn({ count: lost.count }, 'outbound messages interrupted by a crash were not resent');
  }

  private async claim(now: Date): Promise<ClaimedRow[]> {
    const channels = [...this.options.channels.keys()];
    if (channels.length === 0) return [];
    // The bare driver on the hot path: Prisma's own cost per statement is the larger part here.
    return this.options.db.sql.query<ClaimedRow & Record<string, unknown>>(
      `WITH due AS (
         SELECT o.id FROM "OutboxMessage" o
         WHERE o.status = 'PENDING' AND o."nextAttemptAt" <= $1::timestamptz AT TIME ZONE 'UTC'
           AND (o."lockedUntil" IS NULL OR o."lockedUntil" < $1::timestamptz AT TIME ZONE 'UTC')
           AND o.channel::text = ANY($2::text[])
         ORDER BY o.priority, o."nextAttemptAt"
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE "OutboxMessage" o SET "lockedUntil" = $4::timestamptz AT TIME ZONE 'UTC'
       FROM due, "ChannelIdentity" i
       WHERE o.id = due.id AND i.id = o."identityId"
       RETURNING o.id, o.channel::text AS channel, o."identityId", o.payload, o.attempts, o."isReply", o.priority,
                 i."chatId", i."externalId", i.reachable, i."optedOutAt" IS NOT NULL AS "optedOut"`,
      [now.toISOString(), channels, CLAIM_BATCH, new Date(now.getTime() + CLAIM_MS).toISOString()],
    );
  }

  /** Claims due rows; those that must not go (unreachable, opted out) are recorded as skipped at once. */
  private async claimSendable(now: Date): Promise<{ sendable: ClaimedRow[]; skipped: number }> {
    // This claim sees every row stored so far; a wake-up from here on is for rows it may miss.
    this.wokenMeanwhile = false;
    const rows = await this.claim(now);
    const skipped: SendOutcome[] = [];
    const sendable: ClaimedRow[] = [];
    for (const row of rows) {
      if (!row.reachable) skipped.push({ id: row.id, kind: 'cancelled', reason: 'recipient unreachable' });
      else if (row.optedOut && !row.isReply) skipped.push({ id: row.id, kind: 'cancelled', reason: 'recipient opted out' });
      else sendable.push(row);
    }
    if (skipped.length > 0) await recordResults(this.options.db.prisma, skipped, this.options.clock.now());
    return { sendable, skipped: skipped.length };
  }

  private async dispatchDue(): Promise<{ sent: number; deferred: number }> {
    const now = this.options.clock.now();
    const first = await this.claimSendable(now);
    let pending = first.sendable;
    let skippedCount = first.skipped;

    // Release rows to the channels as their rate limits allow, for up to
    // SLOT_HORIZON_MS; claim order is priority order.
    const roundEnd = now.getTime() + SLOT_HORIZON_MS;
    let started = 0;
    while (pending.length > 0) {
      const at = this.options.clock.now().getTime();
      const ready: ClaimedRow[] = [];
      const waiting: ClaimedRow[] = [];
      let nextWait = Number.POSITIVE_INFINITY;
      for (const row of pending) {
        const limiter = this.limiter(this.planned, row.channel);
        const chatKey = `${row.channel}:${row.chatId}`;
        const wait = limiter.waitMs(chatKey, at, isCrisis(row));
        if (wait <= 0) {
          // The plan assumes the send is done when planned; the gate knows better.
          limiter.record(chatKey, at)(at);
          ready.push(row);
        } else {
          waiting.push(row);
          nextWait = Math.min(nextWait, wait);
        }
      }
      if (ready.length > 0) {
        started += ready.length;
        this.track(this.sendGroup(ready));
      }
      pending = waiting;
      if (pending.length === 0 || at + nextWait > roundEnd || this.abort.signal.aborted) break;
      // Rows stored while this round waits for a slot (a crisis reply) join it, in priority order.
      if (await this.pause(nextWait)) {
        const more = await this.claimSendable(this.options.clock.now());
        skippedCount += more.skipped;
        pending = [...pending, ...more.sendable].sort((a, b) => a.priority - b.priority);
      }
    }
    // Rows without a slot in this round go back, so that the next round sees
    // newer, more urgent rows first.
    if (pending.length > 0) {
      await this.options.db.prisma.outboxMessage.updateMany({
        where: { id: { in: pending.map((r) => r.id) } },
        data: { lockedUntil: null },
      });
    }
    return { sent: started + skippedCount, deferred: pending.length };
  }

  private gateChain: Promise<unknown> = Promise.resolve();

  /**
   * Waits until the channel's limits allow this row now, and records it;
   * resolves with the function to call when the send has finished. Rows
   * pass one at a time.
   */
  private gate(row: ClaimedRow): Promise<(doneAt: number) => void> {
    const pass = this.gateChain.then(async () => {
      const limiter = this.limiter(this.actual, row.channel);
      const chatKey = `${row.channel}:${row.chatId}`;
      for (;;) {
        const now = this.options.clock.now().getTime();
        const wait = limiter.waitMs(chatKey, now, isCrisis(row));
        if (wait <= 0) return limiter.record(chatKey, now);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    });
    this.gateChain = pass.then(
      () => undefined,
      () => undefined,
    );
    return pass;
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => this.inFlight.delete(task));
  }

  /**
   * Marks rows SENDING, then calls the platform. Groups start in the order
   * they were released, so pacing decided above is the pacing platforms see.
   */
  private sendGroup(rows: ClaimedRow[]): Promise<void> {
    const marked = this.lastMark.then(() =>
      this.options.db.sql.query(
        `UPDATE "OutboxMessage" SET status = 'SENDING', attempts = attempts + 1, "lockedUntil" = $2::timestamptz AT TIME ZONE 'UTC'
         WHERE id = ANY($1::text[])`,
        [rows.map((r) => r.id), new Date(this.options.clock.now().getTime() + CLAIM_MS).toISOString()],
      ),
    );
    this.lastMark = marked.then(
      () => undefined,
      () => undefined,
    );
    return marked.then(
      async () => {
        // The plan above decided the order; the gate enforces the limits on
        // the moment each call really starts, whatever the database took.
        const sends: Promise<SendOutcome>[] = [];
        for (const row of rows) {
          const done = await this.gate(row);
          sends.push(this.sendOne(row).finally(() => done(this.options.clock.now().getTime())));
        }
        const outcomes = await Promise.all(sends);
        try {
          await recordResults(this.options.db.prisma, outcomes, this.options.clock.now());
        } catch (error) {
          this.options.log.error({ err: error, count: outcomes.length }, 'could not record send results');
        }
      },
      (error: unknown) => {
        // Not marked, so not sent: the claim expires and the rows are tried again.
        this.options.log.error({ err: error, count: rows.length }, 'could not mark rows as sending');
      },
    );
  }

  private async sendOne(row: ClaimedRow): Promise<SendOutcome> {
    const adapter = this.options.channels.get(row.channel);
    const payload = OutboxPayloadSchema.safeParse(row.payload);
    if (!adapter || !payload.success) return { id: row.id, kind: 'failed', reason: 'unsendable row' };
    let result: SendResult;
    try {
      result = await adapter.send(
        {
          chatId: row.chatId,
          externalUserId: row.externalId,
          idempotencyKey: row.id,
          ...(payload.data.replyToken ? { replyToken: payload.data.replyToken } : {}),
        },
        toOutbound(payload.data),
      );
    } catch (error) {
      this.options.log.error({ err: error, channel: row.channel }, 'channel send threw');
      result = { ok: false, kind: 'retry', reason: 'send threw' };
    }
    return this.outcome(row, result);
  }

  private outcome(row: ClaimedRow, result: SendResult): SendOutcome {
    if (result.ok) {
      return { id: row.id, kind: 'sent', platformMessageId: result.platformMessageIds.join(','), row };
    }
    if (result.kind === 'unreachable') return { id: row.id, kind: 'unreachable', reason: result.reason, identityId: row.identityId };
    if (result.kind === 'rejected') return { id: row.id, kind: 'failed', reason: result.reason };
    const attempts = row.attempts + 1;
    if (attempts >= MAX_SEND_ATTEMPTS) return { id: row.id, kind: 'failed', reason: `gave up: ${result.reason}` };
    const backoffMs = Math.min(2 ** attempts * 500, 5 * 60_000);
    const waitMs = Math.max(backoffMs, result.retryAfterMs ?? 0);
    if (result.retryAfterMs) {
      const until = this.options.clock.now().getTime() + result.retryAfterMs;
      this.limiter(this.planned, row.channel).pause(until);
      this.limiter(this.actual, row.channel).pause(until);
    }
    return { id: row.id, kind: 'retry', reason: result.reason, retryAt: new Date(this.options.clock.now().getTime() + waitMs) };
  }

  private limiter(limiters: Map<ChannelName, RateLimiter>, channel: ChannelName): RateLimiter {
    let limiter = limiters.get(channel);
    if (!limiter) {
      limiter = new RateLimiter(this.options.limits?.[channel] ?? DEFAULT_LIMITS[channel]);
      limiters.set(channel, limiter);
    }
    return limiter;
  }
}
