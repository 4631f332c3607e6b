import type { PrismaClient } from '../generated/prisma/client.js';

export type SendOutcome =
  | { id: string; kind: 'sent'; platformMessageId: string; row: unknown }
  | { id: string; kind: 'retry'; reason: string; retryAt: Date }
  | { id: string; kind: 'failed' | 'cancelled'; reason: string }
  | { id: string; kind: 'unreachable'; reason: string; identityId: string };

/**
 * Writes what happened to a batch of sends: SENT rows and their Message
 * records in one statement whatever the batch size; failures row by row.
 */
export async function recordResults(prisma: PrismaClient, outcomes: SendOutcome[], now: Date): Promise<void> {
  const sent = outcomes.filter((o) => o.kind === 'sent');
  if (sent.length > 0) {
    const ids = sent.map((o) => o.id);
    // One statement: the SENT mark and the conversation record commit together.
    await prisma.$executeRaw`
      WITH sent AS (
        UPDATE "OutboxMessage" o SET status = 'SENT', "sentAt" = ${now}, "lockedUntil" = NULL, "platformMessageId" = v.pid
        FROM (SELECT unnest(${ids}::text[]) AS id, unnest(${sent.map((o) => o.platformMessageId)}::text[]) AS pid) v
        WHERE o.id = v.id
        RETURNING o.id, o.channel, o."identityId", o.payload)
      INSERT INTO "Message" (id, direction, channel, "channelMessageId", "identityId", "participantId", "familyMemberId", kind, text, "createdAt")
      SELECT gen_random_uuid()::text, 'OUTBOUND', s.channel, 'out:' || s.id, s."identityId", i."participantId", i."familyMemberId",
             'TEXT', s.payload->>'text', ${now}
      FROM sent s JOIN "ChannelIdentity" i ON i.id = s."identityId"
      ON CONFLICT DO NOTHING`;
  }
  for (const outcome of outcomes) {
    switch (outcome.kind) {
      case 'sent':
        break;
      case 'retry':
        await prisma.outboxMessage.update({
          where: { id: outcome.id },
          data: { status: 'PENDING', nextAttemptAt: outcome.retryAt, lastError: outcome.reason, lockedUntil: null },
        });
        break;
      case 'failed':
      case 'cancelled':
        await prisma.outboxMessage.update({
          where: { id: outcome.id },
          data: { status: outcome.kind === 'failed' ? 'FAILED' : 'CANCELLED', lastError: outcome.reason, lockedUntil: null },
        });
        break;
      case 'unreachable':
        await markUnreachable(prisma, outcome, now);
        break;
    }
  }
}

/** The platform will never deliver to this account: stop trying and tell the caseworker. */
async function markUnreachable(
  prisma: PrismaClient,
  outcome: Extract<SendOutcome, { kind: 'unreachable' }>,
  now: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.outboxMessage.update({
      where: { id: outcome.id },
      data: { status: 'FAILED', lastError: `unreachable: ${outcome.reason}`, lockedUntil: null },
    });
    const identity = await tx.channelIdentity.findUniqueOrThrow({
      where: { id: outcome.identityId },
      include: { familyMember: { select: { participantId: true } } },
    });
    if (!identity.reachable) return;
    await tx.channelIdentity.update({ where: { id: identity.id }, data: { reachable: false } });
    await tx.outboxMessage.updateMany({
      where: { identityId: identity.id, status: 'PENDING' },
      data: { status: 'CANCELLED', lastError: 'recipient unreachable' },
    });
    const participantId = identity.participantId ?? identity.familyMember?.participantId;
    if (!participantId) return;
    const participant = await tx.participant.findUniqueOrThrow({ where: { id: participantId } });
    await tx.caseworkerTask.create({
      data: {
        kind: 'UNREACHABLE',
        participantId,
        staffUserId: participant.caseworkerId,
        body: `${identity.channel}: ${identity.familyMemberId ? 'family member' : 'participant'} can no longer be reached (${outcome.reason})`,
        createdAt: now,
      },
    });
  });
}
