import type { Prisma } from '../generated/prisma/client.js';
import { notifyEscalationsChangedInTransaction } from './notify.js';

export type AckResult =
  | { ok: true; number: number; escalationId: string }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'already'; number: number; by: string };

/**
 * Acknowledges an escalation on behalf of a staff member who may handle it:
 * an admin, or staff of the participant's station.
 */
export async function acknowledgeEscalation(
  tx: Prisma.TransactionClient,
  ref: { number: number } | { id: string },
  staffUserId: string,
  now: Date,
): Promise<AckResult> {
  const staff = await tx.staffUser.findUnique({ where: { id: staffUserId } });
  const escalation = await tx.escalation.findUnique({
    where: 'number' in ref ? { number: ref.number } : { id: ref.id },
    include: { participant: { select: { stationId: true } } },
  });
  if (!staff?.active || !escalation) return { ok: false, reason: 'not-found' };
  if (staff.role !== 'ADMIN' && staff.stationId !== escalation.participant.stationId) return { ok: false, reason: 'not-found' };
  if (escalation.status !== 'OPEN') {
    const lastAck = await tx.escalationEvent.findFirst({
      where: { escalationId: escalation.id, type: 'ACKNOWLEDGED' },
      orderBy: { createdAt: 'desc' },
      include: { actor: { select: { displayName: true } } },
    });
    return { ok: false, reason: 'already', number: escalation.number, by: lastAck?.actor?.displayName ?? '—' };
  }
  await tx.escalation.update({
    where: { id: escalation.id },
    data: { status: 'ACKNOWLEDGED', acknowledgedAt: now, assignedToId: escalation.assignedToId ?? staffUserId },
  });
  await tx.escalationEvent.create({
    data: { escalationId: escalation.id, type: 'ACKNOWLEDGED', actorId: staffUserId, createdAt: now },
  });
  await notifyEscalationsChangedInTransaction(tx, { id: escalation.id, level: escalation.level });
  return { ok: true, number: escalation.number, escalationId: escalation.id };
}
