import type {
  AppointmentKind,
  AttendanceStatus,
  Channel,
  PersonStatus,
  Programme,
  ReliefProgram,
  ReliefStatus,
  RiskTier,
  SharingScope,
  Track,
} from '../../generated/prisma/client.js';
import type { AdminMessageKey, Translate } from '../i18n/index.js';
import type { PersonLocale } from './fields.js';
import type { ReachFilter } from './filters.js';

const TRACK: Record<Track, AdminMessageKey> = { ABSTINENT: 'people.track.ABSTINENT', DEPENDENT: 'people.track.DEPENDENT', METHADONE: 'people.track.METHADONE' };
const PROGRAMME: Record<Programme, AdminMessageKey> = {
  COMMUNITY_TREATMENT: 'people.programme.COMMUNITY_TREATMENT',
  COMMUNITY_REHAB: 'people.programme.COMMUNITY_REHAB',
  AFTERCARE: 'people.programme.AFTERCARE',
};
const RISK: Record<RiskTier, AdminMessageKey> = { LOW: 'people.risk.LOW', MEDIUM: 'people.risk.MEDIUM', HIGH: 'people.risk.HIGH' };
const STATUS: Record<PersonStatus, AdminMessageKey> = {
  ACTIVE: 'people.status.ACTIVE',
  PAUSED: 'people.status.PAUSED',
  COMPLETED: 'people.status.COMPLETED',
  OPTED_OUT: 'people.status.OPTED_OUT',
};
const SHARING: Record<SharingScope, AdminMessageKey> = {
  NONE: 'people.sharing.NONE',
  APPOINTMENTS: 'people.sharing.APPOINTMENTS',
  APPOINTMENTS_AND_CHECKINS: 'people.sharing.APPOINTMENTS_AND_CHECKINS',
};
const LOCALE: Record<PersonLocale, AdminMessageKey> = { 'zh-CN': 'people.locale.zhCN', 'zh-TW': 'people.locale.zhTW', en: 'people.locale.en' };
const CHANNEL: Record<Channel, AdminMessageKey> = { TELEGRAM: 'people.channel.TELEGRAM', LINE: 'people.channel.LINE', WECHAT: 'people.channel.WECHAT', WEB: 'people.channel.WEB' };
const REACH: Record<ReachFilter, AdminMessageKey> = { unreachable: 'people.reach.unreachable', unlinked: 'people.reach.unlinked' };
const APPOINTMENT: Record<AppointmentKind, AdminMessageKey> = {
  URINE_TEST: 'people.appointment.URINE_TEST',
  HAIR_TEST: 'people.appointment.HAIR_TEST',
  CLASS: 'people.appointment.CLASS',
  METHADONE_DOSE: 'people.appointment.METHADONE_DOSE',
  CASEWORKER_VISIT: 'people.appointment.CASEWORKER_VISIT',
  OTHER: 'people.appointment.OTHER',
};
const ATTENDANCE: Record<AttendanceStatus, AdminMessageKey> = {
  INVITED: 'people.attendance.INVITED',
  CONFIRMED: 'people.attendance.CONFIRMED',
  RESCHEDULE_REQUESTED: 'people.attendance.RESCHEDULE_REQUESTED',
  ATTENDED: 'people.attendance.ATTENDED',
  MISSED: 'people.attendance.MISSED',
  EXCUSED: 'people.attendance.EXCUSED',
};
const RELIEF_PROGRAM: Record<ReliefProgram, AdminMessageKey> = {
  TEMPORARY_RELIEF: 'people.relief.TEMPORARY_RELIEF',
  MINIMUM_LIVING: 'people.relief.MINIMUM_LIVING',
  MEDICAL_ASSISTANCE: 'people.relief.MEDICAL_ASSISTANCE',
  EMPLOYMENT_ASSISTANCE: 'people.relief.EMPLOYMENT_ASSISTANCE',
};
const RELIEF_STATUS: Record<ReliefStatus, AdminMessageKey> = {
  NEW: 'people.reliefStatus.NEW',
  IN_PROGRESS: 'people.reliefStatus.IN_PROGRESS',
  SUBMITTED: 'people.reliefStatus.SUBMITTED',
  APPROVED: 'people.reliefStatus.APPROVED',
  DECLINED: 'people.reliefStatus.DECLINED',
};

export const trackLabel = (t: Translate, value: Track) => t(TRACK[value]);
export const programmeLabel = (t: Translate, value: Programme) => t(PROGRAMME[value]);
export const riskLabel = (t: Translate, value: RiskTier) => t(RISK[value]);
export const personStatusLabel = (t: Translate, value: PersonStatus) => t(STATUS[value]);
export const sharingLabel = (t: Translate, value: SharingScope) => t(SHARING[value]);
export const channelLabel = (t: Translate, value: Channel) => t(CHANNEL[value]);
export const reachLabel = (t: Translate, value: ReachFilter) => t(REACH[value]);
export const appointmentLabel = (t: Translate, value: AppointmentKind) => t(APPOINTMENT[value]);
export const attendanceLabel = (t: Translate, value: AttendanceStatus) => t(ATTENDANCE[value]);
export const reliefProgramLabel = (t: Translate, value: ReliefProgram) => t(RELIEF_PROGRAM[value]);
export const reliefStatusLabel = (t: Translate, value: ReliefStatus) => t(RELIEF_STATUS[value]);

/** A person's chat language; one the console does not know is shown as stored. */
export function personLocaleLabel(t: Translate, value: string): string {
  const key = (LOCALE as Record<string, AdminMessageKey | undefined>)[value];
  return key ? t(key) : value;
}
