// Relief requests and chat accounts for the console's relief tests.
import type { Database } from '../../../src/db/client.js';
import { OutboxPayloadSchema } from '../../../src/outbox/outbox-payload.js';
import type { Channel, ReliefProgram, ReliefStatus } from '../../../src/generated/prisma/client.js';

let counter = 0;

export async function linkChat(db: Database, participantId: string, channel: Channel, options: { optedOut?: boolean; reachable?: boolean } = {}): Promise<string> {
  counter += 1;
  const identity = await db.prisma.channelIdentity.create({
    data: {
      channel,
      externalId: `ext-${participantId}-${counter}`,
      chatId: `chat-${counter}`,
      participantId,
      reachable: options.reachable ?? true,
      optedOutAt: options.optedOut ? new Date('2026-01-01T00:00:00Z') : null,
    },
  });
  return identity.id;
}

export async function createRelief(
  db: Database,
  participantId: string,
  options: { program?: ReliefProgram; status?: ReliefStatus; answers?: Record<string, boolean>; createdAt?: Date } = {},
): Promise<string> {
  const request = await db.prisma.reliefRequest.create({
    data: {
      participantId,
      program: options.program ?? 'TEMPORARY_RELIEF',
      status: options.status ?? 'NEW',
      answers: options.answers ?? { sudden: true, basicNeeds: true, noOtherHelp: true },
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    },
  });
  return request.id;
}

/** The texts queued for a chat account, oldest first. */
export async function queuedTexts(db: Database, identityId: string): Promise<string[]> {
  const rows = await db.prisma.outboxMessage.findMany({ where: { identityId }, orderBy: [{ createdAt: 'asc' }, { nextAttemptAt: 'asc' }] });
  return rows.map((row) => OutboxPayloadSchema.parse(row.payload).text);
}
