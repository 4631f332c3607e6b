import type { Prisma, SharingScope, Track } from '../generated/prisma/client.js';
import { asLocale, type Locale } from '../i18n/index.js';
import { ownerKey, type Person } from '../pipeline/person.js';

export interface StationInfo {
  id: string;
  name: string;
  region: string;
  timezone: string;
  hotline: string | null;
  emergencyNumber: string;
  drugCounsellingNumber: string | null;
  reliefOfficeNumber: string | null;
}

export interface ParticipantInfo {
  id: string;
  displayName: string;
  pseudonym: string;
  track: Track;
  recoveryStartDate: Date | null;
  caseworkerId: string | null;
}

/** The person behind a turn, read fresh each turn. */
export interface Profile {
  kind: 'participant' | 'family';
  locale: Locale;
  /** The person's own name. */
  displayName: string;
  /** The participant themself, or the one a family member belongs to. */
  participant: ParticipantInfo;
  station: StationInfo;
  family?: { id: string; relation: string; sharingScope: SharingScope };
}

const STATION_SELECT = {
  id: true,
  name: true,
  region: true,
  timezone: true,
  hotline: true,
  emergencyNumber: true,
  drugCounsellingNumber: true,
  reliefOfficeNumber: true,
} as const;

const PARTICIPANT_SELECT = {
  id: true,
  displayName: true,
  pseudonym: true,
  track: true,
  recoveryStartDate: true,
  caseworkerId: true,
  station: { select: STATION_SELECT },
} as const;

const FAMILY_SELECT = {
  id: true,
  displayName: true,
  relation: true,
  sharingScope: true,
  locale: true,
  participant: { select: PARTICIPANT_SELECT },
} as const;

type ParticipantRow = Prisma.ParticipantGetPayload<{ select: typeof PARTICIPANT_SELECT & { locale: true } }>;
type FamilyRow = Prisma.FamilyMemberGetPayload<{ select: typeof FAMILY_SELECT }>;

function participantProfile(row: ParticipantRow): Profile {
  const { station, locale, ...participant } = row;
  return { kind: 'participant', locale: asLocale(locale), displayName: row.displayName, participant, station };
}

function familyProfile(row: FamilyRow): Profile {
  const { station, ...participant } = row.participant;
  return {
    kind: 'family',
    locale: asLocale(row.locale),
    displayName: row.displayName,
    participant,
    station,
    family: { id: row.id, relation: row.relation, sharingScope: row.sharingScope },
  };
}

export async function loadProfile(tx: Prisma.TransactionClient, person: Person): Promise<Profile | undefined> {
  if (person.kind === 'participant') {
    const row = await tx.participant.findUnique({ where: { id: person.id }, select: { ...PARTICIPANT_SELECT, locale: true } });
    return row ? participantProfile(row) : undefined;
  }
  if (person.kind === 'family') {
    const row = await tx.familyMember.findUnique({ where: { id: person.id }, select: FAMILY_SELECT });
    return row ? familyProfile(row) : undefined;
  }
  return undefined;
}

/** Profiles of many people, one query per kind, keyed by ownerKey; staff have none. */
export async function loadProfiles(tx: Prisma.TransactionClient, people: readonly Person[]): Promise<Map<string, Profile>> {
  const profiles = new Map<string, Profile>();
  const participantIds = people.filter((p) => p.kind === 'participant').map((p) => p.id);
  const familyIds = people.filter((p) => p.kind === 'family').map((p) => p.id);
  const [participants, families] = await Promise.all([
    participantIds.length
      ? tx.participant.findMany({ where: { id: { in: participantIds } }, select: { ...PARTICIPANT_SELECT, locale: true }, relationLoadStrategy: 'join' })
      : [],
    familyIds.length ? tx.familyMember.findMany({ where: { id: { in: familyIds } }, select: FAMILY_SELECT, relationLoadStrategy: 'join' }) : [],
  ]);
  const participantRows = new Map(participants.map((row) => [row.id, row]));
  const familyRows = new Map(families.map((row) => [row.id, row]));
  for (const person of people) {
    const participant = person.kind === 'participant' ? participantRows.get(person.id) : undefined;
    const family = person.kind === 'family' ? familyRows.get(person.id) : undefined;
    const profile = participant ? participantProfile(participant) : family ? familyProfile(family) : undefined;
    if (profile) profiles.set(ownerKey(person), profile);
  }
  return profiles;
}
