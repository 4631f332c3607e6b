import type { Prisma } from '../generated/prisma/client.js';

export type EscalationRef = { number: number } | { id: string };

/**
 * Loads an escalation for a staff member who may handle it: an active admin,
 * or active staff of the participant's station. Finer rules (a caseworker's
 * caseload) belong to the caller, which knows the role model.
 */
export async function loadForStaff(tx: Prisma.TransactionClient, ref: EscalationRef, staffUserId: string) {
  const staff = await tx.staffUser.findUnique({ where: { id: staffUserId } });
  const escalation = await tx.escalation.findUnique({
    where: 'number' in ref ? { number: ref.number } : { id: ref.id },
    include: { participant: { select: { stationId: true } } },
  });
  if (!staff?.active || !escalation) return undefined;
  if (staff.role !== 'ADMIN' && staff.stationId !== escalation.participant.stationId) return undefined;
  return { staff, escalation };
}
