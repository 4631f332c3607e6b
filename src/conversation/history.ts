import type { Prisma } from '../generated/prisma/client.js';
import type { Person } from '../pipeline/person.js';
import type { HistoryEntry } from './types.js';

/** The person's last few messages both ways, oldest first, without the current one. */
export async function recentHistory(tx: Prisma.TransactionClient, person: Person, currentMessageId: string, limit = 6): Promise<HistoryEntry[]> {
  const owner = person.kind === 'family' ? { familyMemberId: person.id } : { participantId: person.id, familyMemberId: null };
  const rows = await tx.message.findMany({
    where: { ...owner, id: { not: currentMessageId }, kind: 'TEXT', text: { not: null } },
    orderBy: { createdAt: 'desc' },
    take: limit,
    select: { direction: true, text: true, createdAt: true },
  });
  return rows
    .reverse()
    .map((row) => ({ from: row.direction === 'INBOUND' ? 'person' : 'bot', text: row.text ?? '', at: row.createdAt }) as HistoryEntry);
}
