import type { Participant, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { newPseudonym } from '../../core/pseudonym.js';
import { assigneeWhere } from '../../escalation/assign.js';
import type { StaffPrincipal } from '../access/principal.js';
import { canAct, scopeFor } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import { dateColumn, type ParticipantInput } from './participant-input.js';

export interface PeopleActor {
  staff: StaffPrincipal;
  /** Set when the change came through the API. */
  tokenId?: string;
}

export type SaveResult =
  | { ok: true; id: string }
  /** not-found: no such person for this staff member (another station's is not found either). */
  | { ok: false; reason: 'not-found' | 'forbidden' }
  /** A reference that does not fit: an unknown station, or a caseworker who is not on it. */
  | { ok: false; reason: 'invalid'; field: 'stationId' | 'caseworkerId' | 'backupCaseworkerId' };

type Invalid = Extract<SaveResult, { reason: 'invalid' }>;
type Db = PrismaClient | Prisma.TransactionClient;

const PSEUDONYM_TRIES = 5;

/** The station the record goes to, and the staff on it, checked against what the actor may see. */
async function checkReferences(db: Db, staff: StaffPrincipal, input: ParticipantInput, current?: Participant): Promise<{ stationId: string } | Invalid> {
  const stationId = input.stationId ?? current?.stationId ?? staff.stationId;
  if (!stationId) return { ok: false, reason: 'invalid', field: 'stationId' };
  const station = await db.station.findFirst({ where: { AND: [{ id: stationId }, scopeFor(staff).stations] }, select: { id: true } });
  if (!station) return { ok: false, reason: 'invalid', field: 'stationId' };
  for (const field of ['caseworkerId', 'backupCaseworkerId'] as const) {
    const staffId = input[field];
    if (staffId === null) continue;
    const found = await db.staffUser.count({ where: { id: staffId, ...assigneeWhere(stationId) } });
    if (found === 0) return { ok: false, reason: 'invalid', field };
  }
  if (input.backupCaseworkerId !== null && input.backupCaseworkerId === input.caseworkerId) {
    return { ok: false, reason: 'invalid', field: 'backupCaseworkerId' };
  }
  return { stationId };
}

function recordData(input: ParticipantInput, stationId: string) {
  return {
    stationId,
    caseworkerId: input.caseworkerId,
    backupCaseworkerId: input.backupCaseworkerId,
    displayName: input.displayName,
    phone: input.phone,
    programme: input.programme,
    track: input.track,
    riskTier: input.riskTier,
    locale: input.locale,
    status: input.status,
    programmeStart: dateColumn(input.programmeStart),
    recoveryStartDate: input.recoveryStartDate ? dateColumn(input.recoveryStartDate) : null,
    birthday: input.birthday ? dateColumn(input.birthday) : null,
    checkInCadence: input.checkInCadence,
    checkInTime: input.checkInTime,
  } satisfies Prisma.ParticipantUncheckedUpdateInput;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'P2002';
}

/**
 * A new participant with a fresh pseudonym. The actor must be able to act for
 * the person once created: a caseworker creates people on their own caseload.
 */
export async function createParticipant(prisma: PrismaClient, actor: PeopleActor, input: ParticipantInput, now: Date): Promise<SaveResult> {
  const checked = await checkReferences(prisma, actor.staff, input);
  if ('ok' in checked) return checked;
  const data = recordData(input, checked.stationId);
  if (!canAct(actor.staff, data)) return { ok: false, reason: 'forbidden' };
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        const created = await tx.participant.create({ data: { ...data, pseudonym: newPseudonym() }, select: { id: true, pseudonym: true } });
        await writeAudit(
          tx,
          { actorId: actor.staff.id, tokenId: actor.tokenId ?? null, action: 'participant.create', targetType: 'participant', targetId: created.id },
          now,
        );
        return { ok: true, id: created.id } as const;
      });
    } catch (error) {
      // Pseudonyms are short and random: a rare clash is retried with another.
      if (!isUniqueViolation(error) || attempt >= PSEUDONYM_TRIES) throw error;
    }
  }
}

/** Field names that differ, for the audit log (never the values: names and phones stay out of it). */
function changedFields(current: Participant, next: ReturnType<typeof recordData>): string[] {
  return (Object.keys(next) as (keyof typeof next)[]).filter((key) => {
    const before = current[key];
    const after = next[key];
    if (before instanceof Date || after instanceof Date) return (before instanceof Date ? before.getTime() : before) !== (after instanceof Date ? after.getTime() : after);
    return before !== after;
  });
}

/**
 * Changes a participant's record. Moving a person to another caseload is for
 * whoever may act on both: a caseworker cannot hand their person away.
 */
export async function updateParticipant(prisma: PrismaClient, actor: PeopleActor, id: string, input: ParticipantInput, now: Date): Promise<SaveResult> {
  const current = await prisma.participant.findFirst({ where: { AND: [{ id }, scopeFor(actor.staff).read] } });
  if (!current) return { ok: false, reason: 'not-found' };
  if (!canAct(actor.staff, current)) return { ok: false, reason: 'forbidden' };
  const checked = await checkReferences(prisma, actor.staff, input, current);
  if ('ok' in checked) return checked;
  const data = recordData(input, checked.stationId);
  if (!canAct(actor.staff, data)) return { ok: false, reason: 'forbidden' };
  const changed = changedFields(current, data);
  if (changed.length === 0) return { ok: true, id };
  await prisma.$transaction(async (tx) => {
    await tx.participant.update({ where: { id }, data });
    await writeAudit(
      tx,
      { actorId: actor.staff.id, tokenId: actor.tokenId ?? null, action: 'participant.update', targetType: 'participant', targetId: id, detail: { changed } },
      now,
    );
  });
  return { ok: true, id };
}
