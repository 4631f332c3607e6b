import type { Prisma } from '../generated/prisma/client.js';
import { loadForStaff, type EscalationRef } from './staff-access.js';

export const ESCALATION_NOTE_MAX = 2000;

export type NoteResult =
  | { ok: true; escalationId: string; number: number; level: number }
  | { ok: false; reason: 'not-found' | 'empty' };

/** Adds a staff note to an escalation's history (also after it is resolved, for follow-up). */
export async function addEscalationNote(
  tx: Prisma.TransactionClient,
  ref: EscalationRef,
  staffUserId: string,
  text: string,
  now: Date,
): Promise<NoteResult> {
  const note = text.trim().slice(0, ESCALATION_NOTE_MAX);
  if (!note) return { ok: false, reason: 'empty' };
  const found = await loadForStaff(tx, ref, staffUserId);
  if (!found) return { ok: false, reason: 'not-found' };
  const { escalation } = found;
  await tx.escalationEvent.create({
    data: { escalationId: escalation.id, type: 'NOTE', actorId: staffUserId, note, data: { by: 'staff' }, createdAt: now },
  });
  return { ok: true, escalationId: escalation.id, number: escalation.number, level: escalation.level };
}
