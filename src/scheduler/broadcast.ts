import type { BroadcastAudience, Channel, Prisma } from '../generated/prisma/client.js';
import { asLocale, type Locale } from '../i18n/index.js';
import { PRIORITY, type OutboundItem } from '../outbox/enqueue.js';
import { enqueueOutboundBulk } from '../outbox/enqueue-bulk.js';
import { settingsOrDefault, type SchedulerSettings } from './context.js';
import { st } from './i18n/index.js';
import { outboxKeys } from './keys.js';
import { endOfQuietHours, validZone } from './time.js';

type Tx = Prisma.TransactionClient;

/** Outbound rows written per statement. */
const CHUNK = 2000;

export interface BroadcastRecipient {
  identityId: string;
  channel: Channel;
  locale: Locale;
}

export interface BroadcastPreview {
  /** Chat accounts the announcement goes to (one message each). */
  recipients: number;
  /** People reached (a person may use two chat apps). */
  people: number;
  skipped: { optedOut: number; unreachable: number; muted: number; noChatAccount: number };
}

interface Audience {
  recipients: BroadcastRecipient[];
  preview: BroadcastPreview;
}

const IDENTITY = { id: true, channel: true, reachable: true, optedOutAt: true } as const;

/**
 * Who an announcement reaches: active participants of the station and/or
 * the active family members of its participants, on every chat account that
 * can receive it. People who said STOP, accounts the platform cannot reach,
 * and participants whose reminders are muted are left out and counted.
 */
async function audience(tx: Tx, stationId: string, audience: BroadcastAudience, now: Date): Promise<Audience> {
  const recipients: BroadcastRecipient[] = [];
  const skipped = { optedOut: 0, unreachable: 0, muted: 0, noChatAccount: 0 };
  let people = 0;
  const consider = (locale: string, identities: { id: string; channel: Channel; reachable: boolean; optedOutAt: Date | null }[]) => {
    if (identities.length === 0) return void skipped.noChatAccount++;
    const sendable = identities.filter((i) => i.reachable && !i.optedOutAt);
    if (sendable.length === 0) {
      if (identities.some((i) => i.optedOutAt)) skipped.optedOut++;
      else skipped.unreachable++;
      return;
    }
    people++;
    for (const identity of sendable) recipients.push({ identityId: identity.id, channel: identity.channel, locale: asLocale(locale) });
  };
  if (audience === 'PARTICIPANTS' || audience === 'BOTH') {
    const participants = await tx.participant.findMany({
      where: { stationId, status: 'ACTIVE' },
      select: { locale: true, mutedUntil: true, identities: { select: IDENTITY } },
    });
    for (const p of participants) {
      if (p.mutedUntil && p.mutedUntil > now) skipped.muted++;
      else consider(p.locale, p.identities);
    }
  }
  if (audience === 'FAMILIES' || audience === 'BOTH') {
    const families = await tx.familyMember.findMany({
      where: { status: 'ACTIVE', participant: { stationId, status: { not: 'COMPLETED' } } },
      select: { locale: true, identities: { select: IDENTITY } },
    });
    for (const f of families) consider(f.locale, f.identities);
  }
  return { recipients, preview: { recipients: recipients.length, people, skipped } };
}

/** The recipient count for the console's preview, before anything is sent. */
export async function previewBroadcast(tx: Tx, input: { stationId: string; audience: BroadcastAudience; now?: Date }): Promise<BroadcastPreview> {
  return (await audience(tx, input.stationId, input.audience, input.now ?? new Date())).preview;
}

export type SendBroadcastResult =
  | { kind: 'sent'; recipients: number; preview: BroadcastPreview; notBefore: Date }
  | { kind: 'already-sent'; sentAt: Date }
  | { kind: 'not-found' };

/**
 * Stores one outbound message per recipient (priority 9, dedupe
 * `broadcast:<id>:<identity>`) in the caller's transaction; the dispatcher
 * sends them within its rate limits. A broadcast is sent once: the first
 * call claims it. In quiet hours the messages wait for the morning.
 */
export async function sendBroadcast(tx: Tx, broadcastId: string, now: Date, settings?: SchedulerSettings): Promise<SendBroadcastResult> {
  const s = settingsOrDefault(settings);
  const broadcast = await tx.broadcast.findUnique({ where: { id: broadcastId }, include: { station: { select: { name: true, timezone: true } } } });
  if (!broadcast) return { kind: 'not-found' };
  const claimed = await tx.broadcast.updateMany({ where: { id: broadcastId, sentAt: null }, data: { sentAt: now } });
  if (claimed.count === 0) return { kind: 'already-sent', sentAt: broadcast.sentAt ?? now };
  const { recipients, preview } = await audience(tx, broadcast.stationId, broadcast.audience, now);
  const zone = validZone(broadcast.station.timezone, s.options.defaultTimezone);
  const notBefore = endOfQuietHours(now, zone, s.quiet);
  for (let i = 0; i < recipients.length; i += CHUNK) {
    const items: OutboundItem[] = recipients.slice(i, i + CHUNK).map((r) => ({
      identityId: r.identityId,
      channel: r.channel,
      message: { text: st(r.locale, 'broadcast.text', { station: broadcast.station.name, body: broadcast.body }) },
      priority: PRIORITY.bulk,
      isReply: false,
      dedupeKey: outboxKeys.broadcast(broadcast.id, r.identityId),
      notBefore,
    }));
    await enqueueOutboundBulk(tx, items, now);
  }
  await tx.broadcast.update({ where: { id: broadcastId }, data: { recipientCount: recipients.length } });
  return { kind: 'sent', recipients: recipients.length, preview, notBefore };
}
