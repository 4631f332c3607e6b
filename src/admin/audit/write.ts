import type { Prisma } from '../../generated/prisma/client.js';

export type AuditAction =
  | 'auth.login'
  | 'auth.login-failed'
  | 'auth.locked'
  | 'auth.logout'
  | 'auth.password-changed'
  | 'escalation.acknowledge'
  | 'escalation.assign'
  | 'escalation.note'
  | 'escalation.resolve'
  | 'view-messages'
  | 'relief.status'
  | 'content.create'
  | 'content.update'
  | 'content.retire'
  | 'content.restore'
  | 'broadcast.draft'
  | 'broadcast.send'
  | 'participant.create'
  | 'participant.update'
  | 'family.create'
  | 'family.update'
  | 'invite.create'
  | 'staff.create'
  | 'staff.deactivate'
  | 'staff.reactivate'
  | 'staff.password-reset'
  | 'staff.invite'
  | 'staff.unlink'
  | 'staff.privacy'
  | 'station.create'
  | 'station.update'
  | 'report.export'
  | 'api-token.create'
  | 'appointment.create'
  | 'appointment.move'
  | 'appointment.cancel'
  | 'appointment.attendance'
  | 'participant.mute'
  | 'participant.check-in-schedule';

export type AuditTarget = 'participant' | 'escalation' | 'staff' | 'api-token' | 'station' | 'report' | 'family-member' | 'relief-request' | 'content-entry' | 'broadcast' | 'appointment';

export interface AuditEntry {
  actorId: string | null;
  tokenId?: string | null;
  action: AuditAction;
  targetType: AuditTarget;
  targetId: string | null;
  /** Identifiers and outcomes only: never message text, notes or secrets. */
  detail?: Prisma.InputJsonObject;
}

/** Writes one audit row, inside the caller's transaction when given one. */
export async function writeAudit(db: Prisma.TransactionClient, entry: AuditEntry, now: Date): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      tokenId: entry.tokenId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      ...(entry.detail ? { detail: entry.detail } : {}),
      createdAt: now,
    },
  });
}
