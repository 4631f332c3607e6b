import type { EscalationOutcome, Prisma } from '../../generated/prisma/client.js';
import { acknowledgeEscalation } from '../../escalation/acknowledge.js';
import { assignEscalation } from '../../escalation/assign.js';
import { addEscalationNote } from '../../escalation/note.js';
import { notifyEscalationsChangedInTransaction } from '../../escalation/notify.js';
import { resolveEscalation } from '../../escalation/resolve.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, type Access } from '../access/scope.js';
import { writeAudit, type AuditAction } from '../audit/write.js';
import type { AdminDeps } from '../deps.js';

export type EscalationAction =
  | { kind: 'ack' }
  | { kind: 'assign'; assigneeId: string }
  | { kind: 'note'; note: string }
  | { kind: 'resolve'; outcome: EscalationOutcome; note?: string | undefined };

export interface Actor {
  staff: StaffPrincipal;
  /** Set when the action came through the API. */
  tokenId?: string;
}

export type ActionResult =
  | { ok: true; escalationId: string; number: number }
  /** not-found: no such escalation for this person (another station's is not found either). */
  | { ok: false; reason: 'not-found' | 'forbidden' | 'conflict' | 'invalid' };

const AUDIT: Record<EscalationAction['kind'], AuditAction> = {
  ack: 'escalation.acknowledge',
  assign: 'escalation.assign',
  note: 'escalation.note',
  resolve: 'escalation.resolve',
};

type DomainResult = { ok: true; escalationId: string; number: number; level: number } | { ok: false; reason: 'not-found' | 'conflict' | 'invalid' };

/** What a staff member may do with an escalation: another station's is 'none' (a 404), not 'read'. */
export async function escalationAccess(deps: AdminDeps, staff: StaffPrincipal, escalationId: string): Promise<Access> {
  const target = await deps.db.prisma.escalation.findUnique({
    where: { id: escalationId },
    select: { participant: { select: { stationId: true, caseworkerId: true, backupCaseworkerId: true } } },
  });
  return target ? accessTo(staff, target.participant) : 'none';
}

/**
 * Acknowledge, assign, note or resolve, for the console and the API alike:
 * checks the role scope (another station: not found; read-only: forbidden),
 * changes the escalation with its EscalationEvent and an AuditLog row in one
 * transaction, whose commit also notifies open consoles.
 */
export async function performEscalationAction(deps: AdminDeps, actor: Actor, escalationId: string, action: EscalationAction): Promise<ActionResult> {
  const access = await escalationAccess(deps, actor.staff, escalationId);
  if (access === 'none') return { ok: false, reason: 'not-found' };
  if (access !== 'act') return { ok: false, reason: 'forbidden' };

  const now = deps.clock.now();
  const result = await deps.db.prisma.$transaction(async (tx): Promise<DomainResult> => {
    const ref = { id: escalationId };
    const outcome = await runDomain(tx, ref, actor.staff.id, action, now);
    if (!outcome.ok) return outcome;
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: AUDIT[action.kind],
        targetType: 'escalation',
        targetId: escalationId,
        detail: {
          number: outcome.number,
          ...(action.kind === 'resolve' ? { outcome: action.outcome } : {}),
          ...(action.kind === 'assign' ? { assigneeId: action.assigneeId } : {}),
        },
      },
      now,
    );
    // Delivered when this transaction commits, never for a rollback.
    await notifyEscalationsChangedInTransaction(tx, { id: outcome.escalationId, level: outcome.level });
    return outcome;
  });
  if (!result.ok) return result;
  return { ok: true, escalationId: result.escalationId, number: result.number };
}

async function runDomain(tx: Prisma.TransactionClient, ref: { id: string }, staffUserId: string, action: EscalationAction, now: Date): Promise<DomainResult> {
  switch (action.kind) {
    case 'ack': {
      const result = await acknowledgeEscalation(tx, ref, staffUserId, now);
      if (result.ok) {
        const row = await tx.escalation.findUniqueOrThrow({ where: { id: result.escalationId }, select: { level: true } });
        return { ok: true, escalationId: result.escalationId, number: result.number, level: row.level };
      }
      return { ok: false, reason: result.reason === 'already' ? 'conflict' : 'not-found' };
    }
    case 'assign': {
      const result = await assignEscalation(tx, ref, staffUserId, action.assigneeId, now);
      if (result.ok) return result;
      return { ok: false, reason: result.reason === 'resolved' ? 'conflict' : result.reason === 'invalid-assignee' ? 'invalid' : 'not-found' };
    }
    case 'note': {
      const result = await addEscalationNote(tx, ref, staffUserId, action.note, now);
      if (result.ok) return result;
      return { ok: false, reason: result.reason === 'empty' ? 'invalid' : 'not-found' };
    }
    case 'resolve': {
      const result = await resolveEscalation(tx, ref, staffUserId, { outcome: action.outcome, note: action.note ?? null }, now);
      if (result.ok) return result;
      return { ok: false, reason: result.reason === 'already-resolved' ? 'conflict' : 'not-found' };
    }
  }
}
