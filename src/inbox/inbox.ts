import { randomUUID } from 'node:crypto';
import type { InboundSink } from '../channels/channel.js';
import type { Clock } from '../core/clock.js';
import { groupWrites } from '../core/group-writes.js';
import { clampInboundText, type InboundMessage } from '../core/messages.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../log/logger.js';
import { InboundPayloadSchema, type ClaimedEvent } from './inbound-event.js';

/** How long a processor owns an event before another may take it over. */
export const CLAIM_MS = 60_000;
/** After this many failed attempts an event is marked FAILED and left for a person to look at. */
export const MAX_ATTEMPTS = 5;
const RECOVERY_INTERVAL_MS = 10_000;
const RECOVERY_BATCH = 50;
/** Most events stored by one INSERT. */
const ACCEPT_GROUP = 500;

/** What became of a batch: the events that failed, and work that continues after its commit. */
export interface BatchOutcome {
  /** Events that failed, with the error; each is retried later on its own. */
  failures: ReadonlyMap<string, unknown>;
  /** Per event, work after the commit (a model's answer): the chat's next event waits for it, other chats do not. */
  followUps: ReadonlyMap<string, Promise<void>>;
}

/**
 * Handles events of different chats together; resolves once their writes
 * are committed. It calls `take` once, when it is ready to work (its
 * transaction open), and handles what that returns: everything that arrived
 * while it waited for the database joins the batch.
 */
export type InboundBatchHandler = (take: () => readonly ClaimedEvent[]) => Promise<BatchOutcome>;

export interface InboxOptions {
  db: Database;
  log: Logger;
  clock: Clock;
  handler: InboundBatchHandler;
  /** Batches handled at once. */
  concurrency?: number;
  /**
   * Most events in one batch. Events of one chat never share a batch and
   * are always handled in order; a backlog is handled in full batches, so
   * the database work of many messages is combined.
   */
  maxBatch?: number;
  /**
   * A quick look at an event before it waits for a slot (the risk rules on
   * its text): urgent events take the next free slot ahead of calm ones, so
   * a backlog never delays a crisis reply.
   */
  isUrgent?: (message: InboundMessage) => boolean;
  /**
   * This is the only process on the database (the embedded one: its data
   * directory is locked), so claims left by an earlier run belong to a
   * process that is gone: `start` takes them over at once instead of after
   * CLAIM_MS.
   */
  soleProcess?: boolean;
}

interface ReadyEvent {
  event: ClaimedEvent;
  done: () => void;
}

/** Voice notes and other media are recorded as received, never stored. */
function storablePayload(message: InboundMessage): InboundMessage {
  if (message.kind === 'text') return { ...message, text: clampInboundText(message.text ?? '') };
  if (message.kind === 'choice') return message;
  const { text: _text, ...rest } = message;
  return rest;
}

/**
 * The durable inbox. `accept` stores an event (unique per channel and event
 * key) and returns before any processing; the event is claimed by this
 * process at insert, so the fast path needs no second write. Events that a
 * crash or a failure left unprocessed are claimed again once their claim
 * expires, so each is processed once.
 */
export class Inbox implements InboundSink {
  /** Events accepted or recovered and not yet taken by a batch. */
  private readonly queue = new Set<string>();
  private readonly chatChains = new Map<string, Promise<void>>();
  private active = 0;
  private recoveryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly idle = new Set<() => void>();

  constructor(private readonly options: InboxOptions) {}

  async accept(message: InboundMessage): Promise<'stored' | 'duplicate'> {
    const payload = storablePayload(message);
    const id = await this.store(payload);
    if (!id) return 'duplicate';
    this.enqueue(id, payload, 1);
    return 'stored';
  }

  /** Events stored at the same time share one INSERT; each gets its new id, or undefined for a duplicate. */
  private readonly store = groupWrites(async (payloads: InboundMessage[]): Promise<(string | undefined)[]> => {
    const now = this.options.clock.now();
    const ids = payloads.map(() => randomUUID());
    // The bare driver: one statement per group, and Prisma's own cost per statement is the larger part here.
    const rows = await this.options.db.sql.query<{ id: string }>(
      `INSERT INTO "InboundEvent" (id, channel, "eventKey", payload, status, attempts, "lockedUntil", "receivedAt")
       SELECT e.id, e.channel::"Channel", e.key, e.payload::jsonb, 'PENDING', 1,
              $5::timestamptz AT TIME ZONE 'UTC', $6::timestamptz AT TIME ZONE 'UTC'
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS e(id, channel, key, payload)
       ON CONFLICT (channel, "eventKey") DO NOTHING
       RETURNING id`,
      [
        ids,
        payloads.map((p) => p.channel),
        payloads.map((p) => p.eventKey),
        payloads.map((p) => JSON.stringify(p)),
        new Date(now.getTime() + CLAIM_MS).toISOString(),
        now.toISOString(),
      ],
    );
    const stored = new Set(rows.map((row) => row.id));
    return ids.map((id) => (stored.has(id) ? id : undefined));
  }, ACCEPT_GROUP);

  start(): void {
    this.stopped = false;
    this.startRecovery = this.recoverOrphans(this.options.clock.now());
    this.recoveryTimer = setInterval(() => void this.recover(), RECOVERY_INTERVAL_MS);
    this.recoveryTimer.unref();
  }

  /** Stops taking new work and waits for events in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.recoveryTimer);
    this.queue.clear();
    // Events waiting for a batch stay PENDING: their claim expires and recovery takes them.
    for (const waiting of [...this.readyUrgent.splice(0), ...this.ready.splice(0)]) waiting.done();
    await this.drained();
  }

  /** Resolves when nothing is queued or running (tests and shutdown). */
  async drained(): Promise<void> {
    // The start-up recovery first: what it finds is work in hand too.
    await this.startRecovery;
    if (this.active === 0 && this.following === 0 && this.queue.size === 0) return;
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** The recovery `start` runs; it never rejects (recover logs its own failures). */
  private startRecovery: Promise<void> | undefined;

  /** At start: everything recoverable and, as the sole process, every claim made before this start. */
  private async recoverOrphans(startedAt: Date): Promise<void> {
    // Claims run CLAIM_MS from when they are made: one ending before this was made before `startedAt`.
    const claimedBefore = this.options.soleProcess ? new Date(startedAt.getTime() + CLAIM_MS) : undefined;
    while ((await this.recover(claimedBefore)) === RECOVERY_BATCH);
  }

  /**
   * Claims events whose claim expired (a crash, a failure), or ends before
   * `claimEndsBefore` (claims of a run that is gone), and processes them.
   */
  async recover(claimEndsBefore?: Date): Promise<number> {
    if (this.stopped) return 0;
    const now = this.options.clock.now();
    const expiredBefore = claimEndsBefore && claimEndsBefore > now ? claimEndsBefore : now;
    try {
      const rows = await this.options.db.prisma.$queryRaw<{ id: string; payload: unknown; attempts: number }[]>`
        UPDATE "InboundEvent" SET "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM "InboundEvent"
          WHERE status = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${expiredBefore})
          ORDER BY "receivedAt" LIMIT ${RECOVERY_BATCH}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, payload, attempts`;
      for (const row of rows) {
        const parsed = InboundPayloadSchema.safeParse(row.payload);
        if (parsed.success) this.enqueue(row.id, parsed.data, row.attempts);
        else await this.markFailed(row.id, 'unreadable payload');
      }
      return rows.length;
    } catch (error) {
      this.options.log.error({ err: error }, 'inbox recovery failed');
      return 0;
    }
  }

  private enqueue(id: string, message: InboundMessage, attempts: number): void {
    if (this.stopped) return;
    this.queue.add(id);
    const chatKey = `${message.channel}:${message.chatId}`;
    const previous = this.chatChains.get(chatKey) ?? Promise.resolve();
    const urgent = this.urgent(message);
    const run = previous.then(() => this.inBatch({ id, message, attempts }, urgent));
    this.chatChains.set(chatKey, run);
    void run.finally(() => {
      if (this.chatChains.get(chatKey) === run) this.chatChains.delete(chatKey);
    });
  }

  /** A failing check must not stop the event: it then simply waits its turn. */
  private urgent(message: InboundMessage): boolean {
    try {
      return this.options.isUrgent?.(message) ?? false;
    } catch (error) {
      this.options.log.error({ err: error }, 'the urgency check failed');
      return false;
    }
  }

  private readonly ready: ReadyEvent[] = [];
  private readonly readyUrgent: ReadyEvent[] = [];

  /** Resolves when the event is handled, including its follow-up. */
  private inBatch(event: ClaimedEvent, urgent: boolean): Promise<void> {
    return new Promise<void>((done) => {
      (urgent ? this.readyUrgent : this.ready).push({ event, done });
      this.pump();
    });
  }

  /** Batches started that have not taken their events yet. */
  private waitingToTake = 0;

  /** Starts batches while slots are free and there are events no started batch will take. */
  private pump(): void {
    const limit = this.options.concurrency ?? 4;
    const maxBatch = this.options.maxBatch ?? 32;
    while (this.active < limit && this.readyUrgent.length + this.ready.length > this.waitingToTake * maxBatch) {
      this.active++;
      this.waitingToTake++;
      void this.runBatch(maxBatch);
    }
  }

  private async runBatch(maxBatch: number): Promise<void> {
    let batch: ReadyEvent[] = [];
    let taken = false;
    const take = (): readonly ClaimedEvent[] => {
      if (taken) return batch.map((b) => b.event);
      taken = true;
      this.waitingToTake--;
      // Urgent events first, then in arrival order.
      batch = this.readyUrgent.splice(0, maxBatch);
      batch.push(...this.ready.splice(0, maxBatch - batch.length));
      for (const { event } of batch) this.queue.delete(event.id);
      return batch.map((b) => b.event);
    };
    let outcome: BatchOutcome = { failures: new Map(), followUps: new Map() };
    try {
      // One turn of the event loop first: requests already received get
      // accepted and join this batch (database work resolves in microtasks,
      // which would otherwise keep the server from reading them).
      await new Promise((resolve) => setImmediate(resolve));
      if (!this.stopped) outcome = await this.options.handler(take);
    } catch (error) {
      // Failed before taking (the database is down): take the events anyway, so they back off instead of spinning.
      if (!taken && !this.stopped) take();
      outcome = { failures: new Map(batch.map((b) => [b.event.id, error])), followUps: new Map() };
    }
    if (!taken) this.waitingToTake--;
    for (const { event, done } of batch) {
      const failure = outcome.failures.get(event.id);
      const work = outcome.failures.has(event.id)
        ? this.recordFailure(event, failure)
        : (outcome.followUps.get(event.id) ?? Promise.resolve());
      this.following++;
      void work.finally(() => {
        this.following--;
        done();
        this.wake();
      });
    }
    this.active--;
    this.pump();
    this.wake();
  }

  /** Follow-ups still running: their chats wait, and `drained` waits for them. */
  private following = 0;

  private wake(): void {
    if (this.active === 0 && this.following === 0 && this.queue.size === 0) {
      for (const resolve of this.idle) resolve();
      this.idle.clear();
    }
  }

  private async recordFailure(event: ClaimedEvent, error: unknown): Promise<void> {
    const type = error instanceof Error ? error.name : typeof error;
    this.options.log.error({ err: error, eventId: event.id, attempts: event.attempts }, 'inbound event failed');
    try {
      if (event.attempts >= MAX_ATTEMPTS) {
        await this.markFailed(event.id, type);
        return;
      }
      // Retry after a backoff: the claim simply expires later.
      const backoffMs = Math.min(2 ** event.attempts * 1000, CLAIM_MS);
      await this.options.db.prisma.inboundEvent.update({
        where: { id: event.id },
        data: { lastError: type, lockedUntil: new Date(this.options.clock.now().getTime() + backoffMs) },
      });
    } catch (writeError) {
      this.options.log.error({ err: writeError, eventId: event.id }, 'could not record an inbound failure');
    }
  }

  private async markFailed(id: string, reason: string): Promise<void> {
    await this.options.db.prisma.inboundEvent.update({ where: { id }, data: { status: 'FAILED', lastError: reason } });
  }
}
