import type { Prisma, SharingScope, Track } from '../generated/prisma/client.js';
import { asLocale, type Locale } from '../i18n/index.js';
import type { Person } from '../pipeline/person.js';

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

export async function loadProfile(tx: Prisma.TransactionClient, person: Person): Promise<Profile | undefined> {
  if (person.kind === 'participant') {
    const row = await tx.participant.findUnique({ where: { id: person.id }, select: { ...PARTICIPANT_SELECT, locale: true } });
    if (!row) return undefined;
    const { station, locale, ...participant } = row;
    return { kind: 'participant', locale: asLocale(locale), displayName: row.displayName, participant, station };
  }
  if (person.kind === 'family') {
    const row = await tx.familyMember.findUnique({
      where: { id: person.id },
      select: { id: true, displayName: true, relation: true, sharingScope: true, locale: true, participant: { select: PARTICIPANT_SELECT } },
    });
    if (!row) return undefined;
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
  return undefined;
}
