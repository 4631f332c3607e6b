import type { EscalationOutcome, Prisma } from '../generated/prisma/client.js';
import { loadForStaff, type EscalationRef } from './staff-access.js';

export const ESCALATION_OUTCOMES = [
  'CONTACTED',
  'VISITED',
  'REFERRED',
  'EMERGENCY_SERVICES',
  'FALSE_ALARM',
] as const satisfies readonly EscalationOutcome[];

export const RESOLUTION_NOTE_MAX = 2000;

export type ResolveResult =
  | { ok: true; escalationId: string; number: number; level: number }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'already-resolved'; number: number };

/**
 * Closes an open or acknowledged escalation with an outcome. Resolving one
 * nobody acknowledged also counts as its acknowledgement. Two people
 * resolving at once: the second is told it is already resolved.
 */
export async function resolveEscalation(
  tx: Prisma.TransactionClient,
  ref: EscalationRef,
  staffUserId: string,
  input: { outcome: EscalationOutcome; note?: string | null | undefined },
  now: Date,
): Promise<ResolveResult> {
  const found = await loadForStaff(tx, ref, staffUserId);
  if (!found) return { ok: false, reason: 'not-found' };
  const { escalation } = found;
  const note = input.note?.trim() ? input.note.trim().slice(0, RESOLUTION_NOTE_MAX) : null;
  const claimed = await tx.escalation.updateMany({
    where: { id: escalation.id, status: { in: ['OPEN', 'ACKNOWLEDGED'] } },
    data: {
      status: 'RESOLVED',
      resolvedAt: now,
      outcome: input.outcome,
      resolutionNote: note,
      acknowledgedAt: escalation.acknowledgedAt ?? now,
      assignedToId: escalation.assignedToId ?? staffUserId,
    },
  });
  if (claimed.count === 0) return { ok: false, reason: 'already-resolved', number: escalation.number };
  await tx.escalationEvent.create({
    data: { escalationId: escalation.id, type: 'RESOLVED', actorId: staffUserId, note, data: { outcome: input.outcome }, createdAt: now },
  });
  return { ok: true, escalationId: escalation.id, number: escalation.number, level: escalation.level };
}
