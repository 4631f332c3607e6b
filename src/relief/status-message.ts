import type { ReliefProgram, ReliefStatus } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/index.js';
import { rt, type ReliefMessageKey } from './i18n/index.js';

/** The statuses a person is told about; moving a request back to NEW is a correction on the board and says nothing. */
export type AnnouncedStatus = Exclude<ReliefStatus, 'NEW'>;

const STATUS_KEYS: Record<AnnouncedStatus, ReliefMessageKey> = {
  IN_PROGRESS: 'status.IN_PROGRESS',
  SUBMITTED: 'status.SUBMITTED',
  APPROVED: 'status.APPROVED',
  DECLINED: 'status.DECLINED',
};

export function isAnnounced(status: ReliefStatus): status is AnnouncedStatus {
  return status !== 'NEW';
}

/** The programme's name when no content entry names it. */
export function programName(locale: Locale, program: ReliefProgram): string {
  return rt(locale, `program.${program}`);
}

/** "Your application for 临时救助 is now …", with the caseworker's note on its own line when there is one. */
export function reliefStatusText(locale: Locale, input: { status: AnnouncedStatus; programTitle: string; note?: string | undefined }): string {
  const lines = [rt(locale, STATUS_KEYS[input.status], { program: input.programTitle })];
  const note = input.note?.trim();
  if (note) lines.push(rt(locale, 'note', { note }));
  return lines.join('\n\n');
}
