import type { Prisma } from '../generated/prisma/client.js';
import { loadForStaff, type EscalationRef } from './staff-access.js';

export type AssignResult =
  | { ok: true; escalationId: string; number: number; level: number; changed: boolean }
  | { ok: false; reason: 'not-found' | 'resolved' | 'invalid-assignee' };

/** Active staff of the participant's station who can take an escalation. */
export function assigneeWhere(stationId: string): Prisma.StaffUserWhereInput {
  return { stationId, active: true, role: { in: ['SUPERVISOR', 'CASEWORKER'] } };
}

/** Hands an escalation that is still open or acknowledged to a member of the participant's station. */
export async function assignEscalation(
  tx: Prisma.TransactionClient,
  ref: EscalationRef,
  staffUserId: string,
  assigneeId: string,
  now: Date,
): Promise<AssignResult> {
  const found = await loadForStaff(tx, ref, staffUserId);
  if (!found) return { ok: false, reason: 'not-found' };
  const { escalation } = found;
  if (escalation.status === 'RESOLVED') return { ok: false, reason: 'resolved' };
  const assignee = await tx.staffUser.findFirst({ where: { id: assigneeId, ...assigneeWhere(escalation.participant.stationId) } });
  if (!assignee) return { ok: false, reason: 'invalid-assignee' };
  const base = { escalationId: escalation.id, number: escalation.number, level: escalation.level };
  if (escalation.assignedToId === assignee.id) return { ok: true, ...base, changed: false };
  await tx.escalation.update({ where: { id: escalation.id }, data: { assignedToId: assignee.id } });
  await tx.escalationEvent.create({
    data: {
      escalationId: escalation.id,
      type: 'ASSIGNED',
      actorId: staffUserId,
      data: { from: escalation.assignedToId, to: assignee.id },
      createdAt: now,
    },
  });
  return { ok: true, ...base, changed: true };
}
