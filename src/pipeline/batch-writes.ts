import { randomUUID } from 'node:crypto';
import type { InboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Sender } from './person.js';

/**
 * The writes every message of a batch makes, each as one statement for the
 * whole batch (INSERT … SELECT FROM unnest, UPDATE … FROM unnest): storing
 * the messages, marking the events handled and noting who was seen. Columns
 * are `timestamp(3)` in UTC, as Prisma writes them.
 */

const MESSAGE_KIND = {
  text: 'TEXT',
  choice: 'CHOICE',
  sticker: 'STICKER',
  image: 'IMAGE',
  voice: 'VOICE',
  video: 'VIDEO',
  file: 'FILE',
  location: 'LOCATION',
  other: 'OTHER',
  follow: 'OTHER',
  unfollow: 'OTHER',
} as const satisfies Record<InboundMessage['kind'], string>;

export interface InboundToStore {
  eventId: string;
  message: InboundMessage;
  sender: Sender;
}

/** Media are recorded as received, never stored. */
function storedText(message: InboundMessage): string | null {
  if (message.kind === 'text') return message.text ?? '';
  if (message.kind === 'choice') return message.choice ?? '';
  return null;
}

/** Stores inbound messages; returns each event's new Message id. */
export async function storeInboundMessages(
  tx: Prisma.TransactionClient,
  items: readonly InboundToStore[],
  now: Date,
): Promise<Map<string, string>> {
  const ids = new Map(items.map((item) => [item.eventId, randomUUID()]));
  if (items.length === 0) return ids;
  const person = (item: InboundToStore, kind: 'participant' | 'family') => (item.sender.person.kind === kind ? item.sender.person.id : null);
  await tx.$executeRaw`
    INSERT INTO "Message" (id, direction, channel, "channelMessageId", "identityId", "participantId", "familyMemberId", kind, text, "createdAt")
    SELECT m.id, 'INBOUND', m.channel::"Channel", m.key, m.identity, m.participant, m.family, m.kind::"MessageKind", m.text,
           ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(
      ${items.map((item) => ids.get(item.eventId))}::text[],
      ${items.map((item) => item.message.channel)}::text[],
      ${items.map((item) => item.message.eventKey)}::text[],
      ${items.map((item) => item.sender.identityId)}::text[],
      ${items.map((item) => person(item, 'participant'))}::text[],
      ${items.map((item) => person(item, 'family'))}::text[],
      ${items.map((item) => MESSAGE_KIND[item.message.kind])}::text[],
      ${items.map((item) => storedText(item.message))}::text[]
    ) AS m(id, channel, key, identity, participant, family, kind, text)`;
  return ids;
}

export interface HandledEvent {
  id: string;
  status: 'PROCESSED' | 'IGNORED';
  /** Strangers: nothing about them is kept beyond the event id. */
  redact: boolean;
}

export async function markEventsHandled(tx: Prisma.TransactionClient, events: readonly HandledEvent[], now: Date): Promise<void> {
  if (events.length === 0) return;
  await tx.$executeRaw`
    UPDATE "InboundEvent" e
    SET status = v.status::"InboundStatus", "processedAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC',
        payload = CASE WHEN v.redact THEN '{"redacted": true}'::jsonb ELSE e.payload END
    FROM unnest(${events.map((e) => e.id)}::text[], ${events.map((e) => e.status)}::text[], ${events.map((e) => e.redact)}::boolean[])
      AS v(id, status, redact)
    WHERE e.id = v.id`;
}

/** The chat accounts wrote just now, so they can be reached. */
export async function markSeen(tx: Prisma.TransactionClient, identityIds: readonly string[], now: Date): Promise<void> {
  if (identityIds.length === 0) return;
  await tx.channelIdentity.updateMany({ where: { id: { in: [...identityIds] } }, data: { lastSeenAt: now, reachable: true } });
}
