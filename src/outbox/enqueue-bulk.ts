import type { Prisma } from '../generated/prisma/client.js';
import type { OutboundItem } from './enqueue.js';
import type { OutboxPayload } from './outbox-payload.js';

/**
 * `enqueueOutbound` for thousands of rows at once (scheduled reminders,
 * broadcasts): one INSERT … SELECT FROM unnest(…) per chunk instead of
 * Prisma's createMany, which costs about a millisecond per row on the
 * embedded database. Rows whose dedupe key exists already are left out
 * (ON CONFLICT DO NOTHING), as createMany's skipDuplicates does. Runs in the
 * caller's transaction; returns how many rows were stored.
 */

/** Rows per statement: large enough to amortise the round trip, small enough for the parameter arrays. */
const CHUNK = 2000;

function payloadOf(item: OutboundItem): OutboxPayload {
  return {
    text: item.message.text,
    ...(item.message.choices?.length ? { choices: item.message.choices } : {}),
    ...(item.replyToken ? { replyToken: item.replyToken } : {}),
  };
}

export async function enqueueOutboundBulk(tx: Prisma.TransactionClient, items: readonly OutboundItem[], now: Date): Promise<number> {
  let stored = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    stored += await tx.$executeRaw`
      INSERT INTO "OutboxMessage" (id, channel, "identityId", payload, priority, status, attempts, "nextAttemptAt", "dedupeKey", "isReply", "createdAt")
      SELECT gen_random_uuid()::text, o.channel::"Channel", o.identity, o.payload::jsonb, o.priority, 'PENDING', 0,
             o.next_attempt AT TIME ZONE 'UTC', o.key, o.is_reply, ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM unnest(
        ${chunk.map((item) => item.channel)}::text[],
        ${chunk.map((item) => item.identityId)}::text[],
        ${chunk.map((item) => JSON.stringify(payloadOf(item)))}::text[],
        ${chunk.map((item) => item.priority)}::int[],
        ${chunk.map((item) => (item.notBefore ?? now).toISOString())}::timestamptz[],
        ${chunk.map((item) => item.dedupeKey ?? null)}::text[],
        ${chunk.map((item) => item.isReply)}::boolean[]
      ) AS o(channel, identity, payload, priority, next_attempt, key, is_reply)
      ON CONFLICT ("dedupeKey") DO NOTHING`;
  }
  return stored;
}
