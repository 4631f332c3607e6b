import { changeReliefStatus, type Delivery } from '../../relief/change-status.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, type Access } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import type { AdminDeps } from '../deps.js';
import type { StatusFormValues } from './forms.js';

export interface Actor {
  staff: StaffPrincipal;
  tokenId?: string;
}

export type MoveResult = { ok: true; delivery: Delivery } | { ok: false; reason: 'not-found' | 'forbidden' | 'conflict' | 'invalid' };

/** What a staff member may do with a relief request: another station's is 'none' (a 404). */
export async function reliefAccess(deps: AdminDeps, staff: StaffPrincipal, requestId: string): Promise<Access> {
  const target = await deps.db.prisma.reliefRequest.findUnique({
    where: { id: requestId },
    select: { participant: { select: { stationId: true, caseworkerId: true, backupCaseworkerId: true } } },
  });
  return target ? accessTo(staff, target.participant) : 'none';
}

/**
 * Moves a relief request on the board: the status, the message to the
 * person and an audit row in one transaction; then wakes the outbox.
 */
export async function moveReliefRequest(deps: AdminDeps, actor: Actor, requestId: string, form: StatusFormValues): Promise<MoveResult> {
  const access = await reliefAccess(deps, actor.staff, requestId);
  if (access === 'none') return { ok: false, reason: 'not-found' };
  if (access !== 'act') return { ok: false, reason: 'forbidden' };
  const now = deps.clock.now();
  const result = await deps.db.prisma.$transaction(async (tx) => {
    const changed = await changeReliefStatus(tx, { requestId, from: form.from, to: form.to, note: form.note, staffUserId: actor.staff.id, now, settings: deps.schedulerSettings });
    if (!changed.ok) return changed;
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'relief.status',
        targetType: 'relief-request',
        targetId: requestId,
        // The note is the person's business: only whether and how they were told.
        detail: {
          participantId: changed.participantId,
          from: changed.from,
          to: changed.to,
          delivery: changed.delivery.kind === 'queued' ? 'queued' : changed.delivery.reason,
          ...(changed.delivery.kind === 'queued' ? { accounts: changed.delivery.accounts } : {}),
        },
      },
      now,
    );
    return changed;
  });
  if (!result.ok) return { ok: false, reason: result.reason === 'not-found' ? 'not-found' : result.reason === 'unchanged' ? 'invalid' : 'conflict' };
  if (result.delivery.kind === 'queued') deps.onOutboxChanged();
  return { ok: true, delivery: result.delivery };
}
