import type { ChannelName, OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { OutboxPayload } from './outbox-payload.js';

/** Lower is sooner. */
export const PRIORITY = { crisis: 0, alert: 1, reply: 5, reminder: 7, bulk: 9 } as const;

export interface OutboundItem {
  identityId: string;
  channel: ChannelName;
  message: OutboundMessage;
  priority: number;
  /** Replies reach people who said STOP, and go out in quiet hours. */
  isReply: boolean;
  /** One send per purpose, e.g. `reminder:<id>` or `alert:<escalation>:<tier>:<staff>`. */
  dedupeKey?: string;
  replyToken?: { token: string; expiresAt: string };
  notBefore?: Date;
}

/** Stores messages to send, in the caller's transaction; the dispatcher sends them. */
export async function enqueueOutbound(tx: Prisma.TransactionClient, items: OutboundItem[], now: Date): Promise<void> {
  if (items.length === 0) return;
  await tx.outboxMessage.createMany({
    data: items.map((item) => {
      const payload: OutboxPayload = {
        text: item.message.text,
        ...(item.message.choices?.length ? { choices: item.message.choices } : {}),
        ...(item.replyToken ? { replyToken: item.replyToken } : {}),
      };
      return {
        identityId: item.identityId,
        channel: item.channel,
        payload,
        priority: item.priority,
        isReply: item.isReply,
        dedupeKey: item.dedupeKey ?? null,
        nextAttemptAt: item.notBefore ?? now,
        createdAt: now,
      };
    }),
    skipDuplicates: true,
  });
}
