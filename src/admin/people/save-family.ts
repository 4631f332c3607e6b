import type { PrismaClient } from '../../generated/prisma/client.js';
import { accessTo, scopeFor } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import type { FamilyInput } from './family-input.js';
import type { PeopleActor } from './save-participant.js';

export type FamilySaveResult = { ok: true; id: string } | { ok: false; reason: 'not-found' | 'forbidden' };

/** The participant a family member belongs to, if the actor may see them, and what they may do. */
async function participantAccess(prisma: PrismaClient, actor: PeopleActor, participantId: string) {
  const participant = await prisma.participant.findFirst({
    where: { AND: [{ id: participantId }, scopeFor(actor.staff).read] },
    select: { id: true, stationId: true, caseworkerId: true, backupCaseworkerId: true },
  });
  return participant ? accessTo(actor.staff, participant) : 'none';
}

export async function createFamilyMember(prisma: PrismaClient, actor: PeopleActor, participantId: string, input: FamilyInput, now: Date): Promise<FamilySaveResult> {
  const access = await participantAccess(prisma, actor, participantId);
  if (access === 'none') return { ok: false, reason: 'not-found' };
  if (access !== 'act') return { ok: false, reason: 'forbidden' };
  const id = await prisma.$transaction(async (tx) => {
    const created = await tx.familyMember.create({ data: { ...input, participantId }, select: { id: true } });
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'family.create',
        targetType: 'family-member',
        targetId: created.id,
        detail: { participantId },
      },
      now,
    );
    return created.id;
  });
  return { ok: true, id };
}

export async function updateFamilyMember(
  prisma: PrismaClient,
  actor: PeopleActor,
  participantId: string,
  familyMemberId: string,
  input: FamilyInput,
  now: Date,
): Promise<FamilySaveResult> {
  const access = await participantAccess(prisma, actor, participantId);
  const current = access === 'none' ? null : await prisma.familyMember.findFirst({ where: { id: familyMemberId, participantId } });
  if (!current) return { ok: false, reason: 'not-found' };
  if (access !== 'act') return { ok: false, reason: 'forbidden' };
  const changed = (Object.keys(input) as (keyof FamilyInput)[]).filter((key) => current[key] !== input[key]);
  if (changed.length === 0) return { ok: true, id: familyMemberId };
  await prisma.$transaction(async (tx) => {
    await tx.familyMember.update({ where: { id: familyMemberId }, data: input });
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'family.update',
        targetType: 'family-member',
        targetId: familyMemberId,
        detail: { participantId, changed },
      },
      now,
    );
  });
  return { ok: true, id: familyMemberId };
}
