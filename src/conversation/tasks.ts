import type { Prisma, TaskKind } from '../generated/prisma/client.js';
import { asLocale } from '../i18n/index.js';
import { enqueueOutbound, PRIORITY } from '../outbox/enqueue.js';
import { tr } from './i18n/index.js';
import type { ParticipantInfo } from './profile.js';

export type StaffNotice = 'staff.task.message' | 'staff.task.reschedule' | 'staff.task.familyConcern' | 'staff.task.visit' | 'staff.task.relief';

export interface Notice {
  key: StaffNotice;
  /** What the notice quotes; replaced by a privacy line for staff in privacy mode when sensitive. */
  detail: string;
  sensitive: boolean;
  /** One notice per purpose and chat account. */
  dedupeKey: string;
}

/**
 * Tells the participant's caseworker on their linked chat accounts (the
 * console shows the task or request anyway). Staff in privacy mode get no
 * personal text, only a pointer to the console.
 */
export async function notifyCaseworker(
  tx: Prisma.TransactionClient,
  participant: ParticipantInfo,
  notice: Notice,
  now: Date,
): Promise<number> {
  if (!participant.caseworkerId) return 0;
  const staff = await tx.staffUser.findUnique({
    where: { id: participant.caseworkerId },
    select: { active: true, locale: true, alertPrivacyMode: true, identities: { where: { reachable: true }, select: { id: true, channel: true } } },
  });
  if (!staff?.active || staff.identities.length === 0) return 0;
  const locale = asLocale(staff.locale);
  const detail = notice.sensitive && staff.alertPrivacyMode ? tr(locale, 'staff.task.privacy') : notice.detail;
  const text = tr(locale, notice.key, { pseudonym: participant.pseudonym, detail });
  await enqueueOutbound(
    tx,
    staff.identities.map((identity) => ({
      identityId: identity.id,
      channel: identity.channel,
      message: { text },
      priority: PRIORITY.reply,
      isReply: false,
      dedupeKey: `${notice.dedupeKey}:${identity.id}`,
    })),
    now,
  );
  return staff.identities.length;
}

/** A CaseworkerTask for the participant's caseworker (or the station queue when none), with a chat notice. */
export async function createTask(
  tx: Prisma.TransactionClient,
  input: { kind: TaskKind; participant: ParticipantInfo; body: string; appointmentId?: string; notice: Omit<Notice, 'dedupeKey'>; now: Date },
): Promise<string> {
  const task = await tx.caseworkerTask.create({
    data: {
      kind: input.kind,
      participantId: input.participant.id,
      staffUserId: input.participant.caseworkerId,
      appointmentId: input.appointmentId ?? null,
      body: input.body,
      createdAt: input.now,
    },
  });
  await notifyCaseworker(tx, input.participant, { ...input.notice, dedupeKey: `task:${task.id}` }, input.now);
  return task.id;
}
