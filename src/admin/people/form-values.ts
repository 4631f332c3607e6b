import type { StaffPrincipal } from '../access/principal.js';
import type { FamilyMemberView, ParticipantProfile } from './detail-query.js';
import { isoDay } from './participant-input.js';
import type { FormValues } from './views/form-fields.js';

/** A new participant's form: the staff member's station and, for a caseworker, their own caseload. */
export function newParticipantValues(staff: StaffPrincipal, today: string): FormValues {
  return {
    stationId: staff.stationId ?? '',
    caseworkerId: staff.role === 'CASEWORKER' ? staff.id : '',
    programme: 'COMMUNITY_REHAB',
    track: 'ABSTINENT',
    riskTier: 'MEDIUM',
    locale: 'zh-CN',
    status: 'ACTIVE',
    programmeStart: today,
    checkInTime: '09:00',
  };
}

export function profileValues(profile: ParticipantProfile): FormValues {
  return {
    displayName: profile.displayName,
    phone: profile.phone ?? '',
    stationId: profile.stationId,
    caseworkerId: profile.caseworkerId ?? '',
    backupCaseworkerId: profile.backupCaseworkerId ?? '',
    programme: profile.programme,
    track: profile.track,
    riskTier: profile.riskTier,
    locale: profile.locale,
    status: profile.status,
    programmeStart: isoDay(profile.programmeStart) ?? '',
    recoveryStartDate: isoDay(profile.recoveryStartDate) ?? '',
    birthday: isoDay(profile.birthday) ?? '',
    checkInCadence: profile.checkInCadence ?? '',
    checkInTime: profile.checkInTime,
  };
}

export const NEW_FAMILY_VALUES: FormValues = { locale: 'zh-CN', sharingScope: 'NONE', status: 'ACTIVE' };

export function familyValues(member: FamilyMemberView): FormValues {
  return {
    displayName: member.displayName,
    relation: member.relation,
    phone: member.phone ?? '',
    locale: member.locale,
    sharingScope: member.sharingScope,
    status: member.status,
  };
}

/** What was submitted, to show again next to the problems. */
export function submittedValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) if (key !== '_csrf' && typeof value === 'string') values[key] = value;
  return values;
}

/** The top-level fields a validation failure names. */
export function invalidFields(issues: readonly { path: readonly PropertyKey[] }[]): Set<string> {
  return new Set(issues.map((issue) => String(issue.path[0] ?? '')).filter(Boolean));
}
