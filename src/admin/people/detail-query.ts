import type { Channel, PersonStatus, PrismaClient, Programme, RiskTier, SharingScope, Track, AppointmentKind } from '../../generated/prisma/client.js';
import { daysInRecovery } from '../../conversation/format.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, scopeFor, type Access } from '../access/scope.js';

export interface LinkedAccount {
  channel: Channel;
  reachable: boolean;
  optedOut: boolean;
  lastSeenAt: Date | null;
}

export interface FamilyMemberView {
  id: string;
  displayName: string;
  relation: string;
  phone: string | null;
  locale: string;
  sharingScope: SharingScope;
  status: PersonStatus;
  accounts: LinkedAccount[];
}

export interface ParticipantProfile {
  id: string;
  pseudonym: string;
  displayName: string;
  phone: string | null;
  stationId: string;
  stationName: string;
  timezone: string;
  caseworkerId: string | null;
  caseworker: string | null;
  backupCaseworkerId: string | null;
  backupCaseworker: string | null;
  programme: Programme;
  track: Track;
  riskTier: RiskTier;
  status: PersonStatus;
  locale: string;
  programmeStart: Date;
  recoveryStartDate: Date | null;
  birthday: Date | null;
  checkInCadence: string | null;
  checkInTime: string;
  mutedUntil: Date | null;
  /** 操守保持: since the last reported use, or the recovery start date; undefined when neither is known. */
  daysInRecovery: number | undefined;
  accounts: LinkedAccount[];
  family: FamilyMemberView[];
  upcoming: { id: string; kind: AppointmentKind; title: string | null; startsAt: Date; place: string | null }[];
}

export type ProfileLookup = { access: 'none' } | { access: Exclude<Access, 'none'>; profile: ParticipantProfile };

const ACCOUNT_SELECT = { channel: true, reachable: true, optedOutAt: true, lastSeenAt: true } as const;
const UPCOMING = 5;

function accounts(rows: { channel: Channel; reachable: boolean; optedOutAt: Date | null; lastSeenAt: Date | null }[]): LinkedAccount[] {
  return rows.map((r) => ({ channel: r.channel, reachable: r.reachable, optedOut: r.optedOutAt !== null, lastSeenAt: r.lastSeenAt }));
}

/**
 * One participant's record with family, accounts and the next appointments;
 * another station's is 'none' (a 404). `staff` null: an API token without a
 * staff member, which reads every station.
 */
export async function loadParticipantProfile(prisma: PrismaClient, staff: StaffPrincipal | null, id: string, now: Date): Promise<ProfileLookup> {
  const row = await prisma.participant.findFirst({
    where: { AND: [{ id }, staff ? scopeFor(staff).read : {}] },
    include: {
      station: { select: { name: true, timezone: true } },
      caseworker: { select: { displayName: true } },
      backupCaseworker: { select: { displayName: true } },
      identities: { select: ACCOUNT_SELECT, orderBy: { linkedAt: 'asc' } },
      familyMembers: { orderBy: { createdAt: 'asc' }, include: { identities: { select: ACCOUNT_SELECT, orderBy: { linkedAt: 'asc' } } } },
    },
  });
  if (!row) return { access: 'none' };
  // A staff member reads and acts within their scope; an API token without one only reads.
  const access = staff ? accessTo(staff, row) : 'read';
  if (access === 'none') return { access };
  const [lastUse, upcoming] = await Promise.all([
    prisma.checkIn.findFirst({ where: { participantId: id, usedSinceLast: true }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } }),
    prisma.appointment.findMany({
      where: { attendees: { some: { participantId: id } }, status: 'SCHEDULED', startsAt: { gte: now } },
      orderBy: { startsAt: 'asc' },
      take: UPCOMING,
      select: { id: true, kind: true, title: true, startsAt: true, place: true },
    }),
  ]);
  return {
    access,
    profile: {
      id: row.id,
      pseudonym: row.pseudonym,
      displayName: row.displayName,
      phone: row.phone,
      stationId: row.stationId,
      stationName: row.station.name,
      timezone: row.station.timezone,
      caseworkerId: row.caseworkerId,
      caseworker: row.caseworker?.displayName ?? null,
      backupCaseworkerId: row.backupCaseworkerId,
      backupCaseworker: row.backupCaseworker?.displayName ?? null,
      programme: row.programme,
      track: row.track,
      riskTier: row.riskTier,
      status: row.status,
      locale: row.locale,
      programmeStart: row.programmeStart,
      recoveryStartDate: row.recoveryStartDate,
      birthday: row.birthday,
      checkInCadence: row.checkInCadence,
      checkInTime: row.checkInTime,
      mutedUntil: row.mutedUntil,
      daysInRecovery: daysInRecovery({ lastUseAt: lastUse?.createdAt ?? null, recoveryStartDate: row.recoveryStartDate }, now, row.station.timezone),
      accounts: accounts(row.identities),
      family: row.familyMembers.map((f) => ({
        id: f.id,
        displayName: f.displayName,
        relation: f.relation,
        phone: f.phone,
        locale: f.locale,
        sharingScope: f.sharingScope,
        status: f.status,
        accounts: accounts(f.identities),
      })),
      upcoming,
    },
  };
}
