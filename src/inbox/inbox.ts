import { randomUUID } from 'node:crypto';
import type { InboundSink } from '../channels/channel.js';
import type { Clock } from '../core/clock.js';
import { clampInboundText, type InboundMessage } from '../core/messages.js';
import type { PrismaClient } from '../db/client.js';
import type { Logger } from '../log/logger.js';
import { InboundPayloadSchema, type ClaimedEvent } from './inbound-event.js';

/** How long a processor owns an event before another may take it over. */
export const CLAIM_MS = 60_000;
/** After this many failed attempts an event is marked FAILED and left for a person to look at. */
export const MAX_ATTEMPTS = 5;
const RECOVERY_INTERVAL_MS = 10_000;
const RECOVERY_BATCH = 50;

export type InboundHandler = (event: ClaimedEvent) => Promise<void>;

export interface InboxOptions {
  prisma: PrismaClient;
  log: Logger;
  clock: Clock;
  handler: InboundHandler;
  /** Events handled at once; events of one chat are always handled in order. */
  concurrency?: number;
  /**
   * A quick look at an event before it waits for a slot (the risk rules on
   * its text): urgent events take the next free slot ahead of calm ones, so
   * a backlog never delays a crisis reply.
   */
  isUrgent?: (message: InboundMessage) => boolean;
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
  private readonly queue: string[] = [];
  private readonly chatChains = new Map<string, Promise<void>>();
  private active = 0;
  private recoveryTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly idle = new Set<() => void>();

  constructor(private readonly options: InboxOptions) {}

  async accept(message: InboundMessage): Promise<'stored' | 'duplicate'> {
    const payload = storablePayload(message);
    const now = this.options.clock.now();
    const rows = await this.options.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO "InboundEvent" (id, channel, "eventKey", payload, status, attempts, "lockedUntil", "receivedAt")
      VALUES (${randomUUID()}, ${payload.channel}::"Channel", ${payload.eventKey}, ${JSON.stringify(payload)}::jsonb,
              'PENDING', 1, ${new Date(now.getTime() + CLAIM_MS)}, ${now})
      ON CONFLICT (channel, "eventKey") DO NOTHING
      RETURNING id`;
    const stored = rows[0];
    if (!stored) return 'duplicate';
    this.enqueue(stored.id, payload, 1);
    return 'stored';
  }

  start(): void {
    this.stopped = false;
    void this.recover();
    this.recoveryTimer = setInterval(() => void this.recover(), RECOVERY_INTERVAL_MS);
    this.recoveryTimer.unref();
  }

  /** Stops taking new work and waits for events in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.recoveryTimer);
    this.queue.length = 0;
    await this.drained();
  }

  /** Resolves when nothing is queued or running (tests and shutdown). */
  drained(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.add(resolve));
  }

  /** Claims events whose claim expired (a crash, a failure) and processes them. */
  async recover(): Promise<number> {
    if (this.stopped) return 0;
    const now = this.options.clock.now();
    try {
      const rows = await this.options.prisma.$queryRaw<{ id: string; payload: unknown; attempts: number }[]>`
        UPDATE "InboundEvent" SET "lockedUntil" = ${new Date(now.getTime() + CLAIM_MS)}, attempts = attempts + 1
        WHERE id IN (
          SELECT id FROM "InboundEvent"
          WHERE status = 'PENDING' AND ("lockedUntil" IS NULL OR "lockedUntil" < ${now})
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
    this.queue.push(id);
    const chatKey = `${message.channel}:${message.chatId}`;
    const previous = this.chatChains.get(chatKey) ?? Promise.resolve();
    const urgent = this.urgent(message);
    const run = previous.then(() => this.runOne({ id, message, attempts }, urgent));
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

  private async runOne(event: ClaimedEvent, urgent: boolean): Promise<void> {
    await this.slot(urgent);
    const index = this.queue.indexOf(event.id);
    if (index >= 0) this.queue.splice(index, 1);
    try {
      if (!this.stopped) await this.options.handler(event);
    } catch (error) {
      await this.recordFailure(event, error);
    } finally {
      this.active--;
      this.wake();
    }
  }

  private readonly waiting: (() => void)[] = [];
  private readonly waitingUrgent: (() => void)[] = [];

  private async slot(urgent: boolean): Promise<void> {
    const limit = this.options.concurrency ?? 8;
    const queue = urgent ? this.waitingUrgent : this.waiting;
    while (this.active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
    this.active++;
  }

  private wake(): void {
    (this.waitingUrgent.shift() ?? this.waiting.shift())?.();
    if (this.active === 0 && this.queue.length === 0) {
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
      await this.options.prisma.inboundEvent.update({
        where: { id: event.id },
        data: { lastError: type, lockedUntil: new Date(this.options.clock.now().getTime() + backoffMs) },
      });
    } catch (writeError) {
      this.options.log.error({ err: writeError, eventId: event.id }, 'could not record an inbound failure');
    }
  }

  private async markFailed(id: string, reason: string): Promise<void> {
    await this.options.prisma.inboundEvent.update({ where: { id }, data: { status: 'FAILED', lastError: reason } });
  }
}
