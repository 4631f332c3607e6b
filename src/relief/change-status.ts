import type { Channel, Prisma, ReliefStatus } from '../generated/prisma/client.js';
import { findEntry } from '../conversation/content/lookup.js';
import { asLocale } from '../i18n/index.js';
import { enqueueOutbound, PRIORITY } from '../outbox/enqueue.js';
import type { SchedulerSettings } from '../scheduler/context.js';
import { endOfQuietHours, validZone } from '../scheduler/time.js';
import { isAnnounced, programName, reliefStatusText } from './status-message.js';

type Tx = Prisma.TransactionClient;

export const RELIEF_STATUSES = ['NEW', 'IN_PROGRESS', 'SUBMITTED', 'APPROVED', 'DECLINED'] as const satisfies readonly ReliefStatus[];

/** Longest note to the person a caseworker may add to a status change. */
export const RELIEF_NOTE_MAX = 500;

export interface StatusChange {
  requestId: string;
  /** The status the caseworker saw: a change made meanwhile by a colleague is a conflict, not overwritten. */
  from: ReliefStatus;
  to: ReliefStatus;
  /** Sent to the person with the status message. */
  note?: string | undefined;
  staffUserId: string;
  now: Date;
  /** The scheduler's settings: quiet hours and the default time zone. */
  settings: SchedulerSettings;
}

export type Delivery =
  /** notBefore is later than now in quiet hours; timezone is the station's, to show it. */
  | { kind: 'queued'; accounts: number; notBefore: Date; timezone: string }
  /** no-message: moved back to NEW, which the person is not told about. */
  | { kind: 'not-sent'; reason: 'no-message' | 'opted-out' | 'unreachable' | 'no-chat-account' };

export type StatusChangeResult =
  | { ok: true; requestId: string; participantId: string; from: ReliefStatus; to: ReliefStatus; delivery: Delivery }
  | { ok: false; reason: 'not-found' | 'conflict' | 'unchanged' };

interface Identity {
  id: string;
  channel: Channel;
  reachable: boolean;
  optedOutAt: Date | null;
}

/**
 * Moves a relief request to another status and, in the same transaction,
 * queues the news to the person on every chat account that may receive it,
 * in their language, at reply priority. A person who said STOP is not
 * messaged (a status change is the station's news, not an answer to
 * something they just wrote); the caller tells the caseworker so. Quiet
 * hours hold the message until the morning.
 */
export async function changeReliefStatus(tx: Tx, change: StatusChange): Promise<StatusChangeResult> {
  if (change.from === change.to) return { ok: false, reason: 'unchanged' };
  const request = await tx.reliefRequest.findUnique({
    where: { id: change.requestId },
    select: {
      id: true,
      program: true,
      participant: {
        select: {
          id: true,
          locale: true,
          stationId: true,
          station: { select: { region: true, timezone: true } },
          identities: { select: { id: true, channel: true, reachable: true, optedOutAt: true } },
        },
      },
    },
  });
  if (!request) return { ok: false, reason: 'not-found' };
  const note = change.note?.trim() || undefined;
  const moved = await tx.reliefRequest.updateMany({
    where: { id: request.id, status: change.from },
    data: { status: change.to, handledById: change.staffUserId, updatedAt: change.now, ...(note && isAnnounced(change.to) ? { note } : {}) },
  });
  if (moved.count === 0) return { ok: false, reason: 'conflict' };

  const { participant } = request;
  const base = { ok: true as const, requestId: request.id, participantId: participant.id, from: change.from, to: change.to };
  if (!isAnnounced(change.to)) return { ...base, delivery: { kind: 'not-sent', reason: 'no-message' } };
  const sendable = participant.identities.filter((i) => i.reachable && !i.optedOutAt);
  if (sendable.length === 0) return { ...base, delivery: { kind: 'not-sent', reason: whyNotSendable(participant.identities) } };

  const locale = asLocale(participant.locale);
  const entry = await findEntry(tx, 'RELIEF_PROGRAM', request.program, { locale, stationId: participant.stationId, region: participant.station.region });
  const text = reliefStatusText(locale, { status: change.to, programTitle: entry?.title ?? programName(locale, request.program), note });
  const { settings } = change;
  const zone = validZone(participant.station.timezone, settings.options.defaultTimezone);
  const notBefore = endOfQuietHours(change.now, zone, settings.quiet);
  await enqueueOutbound(
    tx,
    sendable.map((identity) => ({
      identityId: identity.id,
      channel: identity.channel,
      message: { text },
      priority: PRIORITY.reply,
      isReply: false,
      dedupeKey: `relief-status:${request.id}:${change.to}:${change.now.getTime()}:${identity.id}`,
      notBefore,
    })),
    change.now,
  );
  return { ...base, delivery: { kind: 'queued', accounts: sendable.length, notBefore, timezone: zone } };
}

function whyNotSendable(identities: Identity[]): 'opted-out' | 'unreachable' | 'no-chat-account' {
  if (identities.length === 0) return 'no-chat-account';
  return identities.some((i) => i.optedOutAt) ? 'opted-out' : 'unreachable';
}
