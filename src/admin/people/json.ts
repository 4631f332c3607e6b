import type { PersonStatus, Programme, RiskTier, SharingScope, Track } from '../../generated/prisma/client.js';
import type { FamilyMemberView, ParticipantProfile } from './detail-query.js';
import type { InviteLinks } from './invite-links.js';
import type { IssuedInvite } from './issue-invite.js';
import type { PersonRow } from './list-query.js';
import { isoDay } from './participant-input.js';

export interface ParticipantSummaryJson {
  id: string;
  pseudonym: string;
  displayName: string;
  phone: string | null;
  stationId: string;
  caseworkerId: string | null;
  backupCaseworkerId: string | null;
  track: Track;
  riskTier: RiskTier;
  status: PersonStatus;
  linkedAccounts: number;
  reachableAccounts: number;
  openEscalationLevel: number | null;
}

export function participantSummaryJson(row: PersonRow): ParticipantSummaryJson {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    displayName: row.displayName,
    phone: row.phone,
    stationId: row.stationId,
    caseworkerId: row.caseworkerId,
    backupCaseworkerId: row.backupCaseworkerId,
    track: row.track,
    riskTier: row.riskTier,
    status: row.status,
    linkedAccounts: row.accounts,
    reachableAccounts: row.reachable,
    openEscalationLevel: row.openLevel,
  };
}

export interface FamilyMemberJson {
  id: string;
  displayName: string;
  relation: string;
  phone: string | null;
  locale: string;
  sharingScope: SharingScope;
  status: PersonStatus;
  linkedAccounts: number;
}

export function familyMemberJson(member: FamilyMemberView): FamilyMemberJson {
  return {
    id: member.id,
    displayName: member.displayName,
    relation: member.relation,
    phone: member.phone,
    locale: member.locale,
    sharingScope: member.sharingScope,
    status: member.status,
    linkedAccounts: member.accounts.length,
  };
}

export interface ParticipantJson {
  id: string;
  pseudonym: string;
  displayName: string;
  phone: string | null;
  stationId: string;
  caseworkerId: string | null;
  backupCaseworkerId: string | null;
  programme: Programme;
  track: Track;
  riskTier: RiskTier;
  status: PersonStatus;
  locale: string;
  programmeStart: string | null;
  recoveryStartDate: string | null;
  birthday: string | null;
  checkInCadence: string | null;
  checkInTime: string;
  daysInRecovery: number | null;
  linkedAccounts: { channel: string; reachable: boolean; optedOut: boolean }[];
  family: FamilyMemberJson[];
}

/** A participant's record without any message text (the API has no message view to audit). */
export function participantJson(profile: ParticipantProfile): ParticipantJson {
  return {
    id: profile.id,
    pseudonym: profile.pseudonym,
    displayName: profile.displayName,
    phone: profile.phone,
    stationId: profile.stationId,
    caseworkerId: profile.caseworkerId,
    backupCaseworkerId: profile.backupCaseworkerId,
    programme: profile.programme,
    track: profile.track,
    riskTier: profile.riskTier,
    status: profile.status,
    locale: profile.locale,
    programmeStart: isoDay(profile.programmeStart),
    recoveryStartDate: isoDay(profile.recoveryStartDate),
    birthday: isoDay(profile.birthday),
    checkInCadence: profile.checkInCadence,
    checkInTime: profile.checkInTime,
    daysInRecovery: profile.daysInRecovery ?? null,
    linkedAccounts: profile.accounts.map((a) => ({ channel: a.channel, reachable: a.reachable, optedOut: a.optedOut })),
    family: profile.family.map(familyMemberJson),
  };
}

export function inviteJson(invite: IssuedInvite, links: InviteLinks): { code: string; expiresAt: string; links: InviteLinks } {
  return { code: invite.code, expiresAt: invite.expiresAt.toISOString(), links };
}
