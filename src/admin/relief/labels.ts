import type { ReliefProgram, ReliefStatus } from '../../generated/prisma/client.js';
import type { AdminMessageKey, Translate } from '../i18n/index.js';

const STATUS: Record<ReliefStatus, AdminMessageKey> = {
  NEW: 'relief.status.NEW',
  IN_PROGRESS: 'relief.status.IN_PROGRESS',
  SUBMITTED: 'relief.status.SUBMITTED',
  APPROVED: 'relief.status.APPROVED',
  DECLINED: 'relief.status.DECLINED',
};

const PROGRAM: Record<ReliefProgram, AdminMessageKey> = {
  TEMPORARY_RELIEF: 'relief.program.TEMPORARY_RELIEF',
  MINIMUM_LIVING: 'relief.program.MINIMUM_LIVING',
  MEDICAL_ASSISTANCE: 'relief.program.MEDICAL_ASSISTANCE',
  EMPLOYMENT_ASSISTANCE: 'relief.program.EMPLOYMENT_ASSISTANCE',
};

export const reliefStatusLabel = (t: Translate, status: ReliefStatus) => t(STATUS[status]);
export const reliefProgramLabel = (t: Translate, program: ReliefProgram) => t(PROGRAM[program]);

const NOT_SENT: Record<string, AdminMessageKey> = {
  'no-message': 'relief.done.no-message',
  'opted-out': 'relief.done.opted-out',
  unreachable: 'relief.done.unreachable',
  'no-chat-account': 'relief.done.no-chat-account',
};

/** The notice after a move, from the redirect's query (`done`, `count`, `later`); unknown values show nothing. */
export function moveNotice(t: Translate, query: Record<string, string>): string | undefined {
  if (query.done === 'queued') {
    if (query.later && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(query.later)) return t('relief.done.queuedLater', { time: query.later });
    return t('relief.done.queued', { count: Number.parseInt(query.count ?? '', 10) || 1 });
  }
  const key = NOT_SENT[query.done ?? ''];
  return key ? t(key) : undefined;
}

const ERRORS: Record<string, AdminMessageKey> = { conflict: 'relief.error.conflict', invalid: 'relief.error.invalid' };

export function moveError(t: Translate, query: Record<string, string>): string | undefined {
  const key = ERRORS[query.error ?? ''];
  return key ? t(key) : undefined;
}
