import type { PrismaClient } from '../../generated/prisma/client.js';
import { createInvite } from '../../linking/invites.js';
import { accessTo, scopeFor } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import type { PeopleActor } from './save-participant.js';

/** Whom the code links: the participant, or one of their family members. */
export interface InviteRequest {
  participantId: string;
  familyMemberId?: string;
}

export interface IssuedInvite {
  /** Shown once: only its hash is stored. */
  code: string;
  expiresAt: Date;
  participantId: string;
  pseudonym: string;
  timezone: string;
  /** Set for a family member's code. */
  familyMember: { id: string; displayName: string; relation: string } | null;
}

export type IssueResult = { ok: true; invite: IssuedInvite } | { ok: false; reason: 'not-found' | 'forbidden' };

/** A new one-time invite code (linking/invites), recorded in the audit log without the code. */
export async function issueInvite(prisma: PrismaClient, actor: PeopleActor, request: InviteRequest, now: Date): Promise<IssueResult> {
  const participant = await prisma.participant.findFirst({
    where: { AND: [{ id: request.participantId }, scopeFor(actor.staff).read] },
    select: { id: true, pseudonym: true, stationId: true, caseworkerId: true, backupCaseworkerId: true, station: { select: { timezone: true } } },
  });
  if (!participant) return { ok: false, reason: 'not-found' };
  const familyMember = request.familyMemberId
    ? await prisma.familyMember.findFirst({ where: { id: request.familyMemberId, participantId: participant.id }, select: { id: true, displayName: true, relation: true } })
    : null;
  if (request.familyMemberId && !familyMember) return { ok: false, reason: 'not-found' };
  if (accessTo(actor.staff, participant) !== 'act') return { ok: false, reason: 'forbidden' };

  const created = await prisma.$transaction(async (tx) => {
    const target = familyMember ? { familyMemberId: familyMember.id } : { participantId: participant.id };
    const invite = await createInvite(tx, target, { now, createdById: actor.staff.id });
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'invite.create',
        targetType: familyMember ? 'family-member' : 'participant',
        targetId: familyMember ? familyMember.id : participant.id,
        detail: { participantId: participant.id, expiresAt: invite.expiresAt.toISOString() },
      },
      now,
    );
    return invite;
  });
  return {
    ok: true,
    invite: {
      code: created.code,
      expiresAt: created.expiresAt,
      participantId: participant.id,
      pseudonym: participant.pseudonym,
      timezone: participant.station.timezone,
      familyMember,
    },
  };
}
