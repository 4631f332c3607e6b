import type { AdminDeps } from '../deps.js';
import type { PrismaClient, RiskTier, Track } from '../../generated/prisma/client.js';
import { parseCadence, replanCheckIns } from '../../scheduler/index.js';
import { addDays, atLocal, localDate, parseTimeOfDay, validZone } from '../../scheduler/time.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, type Access } from '../access/scope.js';
import { writeAudit } from '../audit/write.js';
import type { Actor } from '../escalations/actions.js';
import { OWNERSHIP_SELECT } from './access.js';
import { refuse, type ChangeResult } from './result.js';

export interface ParticipantSchedule {
  id: string;
  pseudonym: string;
  stationId: string;
  timezone: string;
  track: Track;
  riskTier: RiskTier;
  checkInCadence: string | null;
  checkInTime: string;
  mutedUntil: Date | null;
}

type Lookup = { access: 'none' } | { access: Exclude<Access, 'none'>; person: ParticipantSchedule };

export async function loadParticipantSchedule(prisma: PrismaClient, staff: Pick<StaffPrincipal, 'id' | 'role' | 'stationId'>, id: string): Promise<Lookup> {
  const row = await prisma.participant.findUnique({
    where: { id },
    select: {
      id: true,
      pseudonym: true,
      track: true,
      riskTier: true,
      checkInCadence: true,
      checkInTime: true,
      mutedUntil: true,
      ...OWNERSHIP_SELECT,
      station: { select: { timezone: true } },
    },
  });
  if (!row) return { access: 'none' };
  const access = accessTo(staff, row);
  if (access === 'none') return { access };
  const { station, caseworkerId: _c, backupCaseworkerId: _b, ...person } = row;
  return { access, person: { ...person, timezone: station.timezone } };
}

/**
 * Pauses a person's reminders until the start of a local date (hospital
 * stay, custody), or clears the pause; they resume by themselves. The
 * coming check-ins are re-planned at once.
 */
export async function setMute(deps: AdminDeps, actor: Actor, participantId: string, resumeOn: string | null): Promise<ChangeResult<{ mutedUntil: Date | null }>> {
  const settings = deps.schedulerSettings;
  const lookup = await loadParticipantSchedule(deps.db.prisma, actor.staff, participantId);
  if (lookup.access === 'none') return refuse('not-found');
  if (lookup.access !== 'act') return refuse('forbidden');
  const zone = validZone(lookup.person.timezone, settings.options.defaultTimezone);
  const now = deps.clock.now();
  if (resumeOn !== null && (resumeOn <= localDate(now, zone) || resumeOn > latestResumeDate(now, zone))) {
    return refuse('invalid', 'reminders must resume after today and within a year');
  }
  const mutedUntil = resumeOn === null ? null : atLocal(resumeOn, 0, zone);
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.participant.update({ where: { id: participantId }, data: { mutedUntil } });
    await replanCheckIns(tx, participantId, now, settings);
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'participant.mute',
        targetType: 'participant',
        targetId: participantId,
        detail: { mutedUntil: mutedUntil?.toISOString() ?? null },
      },
      now,
    );
  });
  return { ok: true, mutedUntil };
}

/** The latest allowed "resume on" date: a year ahead (longer absences are a status change, not a mute). */
export function latestResumeDate(now: Date, zone: string): string {
  return addDays(localDate(now, zone), 366);
}

/**
 * Sets the check-in cadence ('daily', 'weekly:MON', 'days:MON,WED,FRI';
 * null for the track's default) and local time, validated with the
 * scheduler's own parsers, and re-plans the coming check-ins.
 */
export async function setCheckInSchedule(
  deps: AdminDeps,
  actor: Actor,
  participantId: string,
  input: { cadence: string | null; time: string },
): Promise<ChangeResult> {
  if (input.cadence !== null && parseCadence(input.cadence) === undefined) return refuse('invalid', 'the cadence is not one the scheduler understands');
  if (parseTimeOfDay(input.time) === undefined) return refuse('invalid', 'the time must be HH:MM');
  const lookup = await loadParticipantSchedule(deps.db.prisma, actor.staff, participantId);
  if (lookup.access === 'none') return refuse('not-found');
  if (lookup.access !== 'act') return refuse('forbidden');
  const now = deps.clock.now();
  const settings = deps.schedulerSettings;
  await deps.db.prisma.$transaction(async (tx) => {
    await tx.participant.update({ where: { id: participantId }, data: { checkInCadence: input.cadence, checkInTime: input.time.trim() } });
    await replanCheckIns(tx, participantId, now, settings);
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'participant.check-in-schedule',
        targetType: 'participant',
        targetId: participantId,
        detail: { cadence: input.cadence, time: input.time.trim() },
      },
      now,
    );
  });
  return { ok: true };
}
