import type { ChannelName } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { asLocale } from '../i18n/index.js';
import type { Person, Sender } from './person.js';

const PERSON_COLUMNS = { id: true, displayName: true, locale: true, stationId: true } as const;
const FAMILY_COLUMNS = { id: true, displayName: true, locale: true, participantId: true } as const;

const WITH_PERSON = {
  participant: { select: PERSON_COLUMNS },
  familyMember: { select: { ...FAMILY_COLUMNS, participant: { select: { stationId: true } } } },
  staffUser: { select: PERSON_COLUMNS },
} as const;

type IdentityWithPerson = Prisma.ChannelIdentityGetPayload<{ include: typeof WITH_PERSON }>;

/** A chat account as the sender map keys it. */
export function senderKey(channel: ChannelName, externalUserId: string): string {
  return `${channel}:${externalUserId}`;
}

function personOf(identity: IdentityWithPerson): Person | undefined {
  if (identity.participant) {
    const p = identity.participant;
    return { kind: 'participant', id: p.id, participantId: p.id, displayName: p.displayName, locale: asLocale(p.locale), stationId: p.stationId };
  }
  if (identity.familyMember) {
    const f = identity.familyMember;
    return {
      kind: 'family',
      id: f.id,
      participantId: f.participantId,
      displayName: f.displayName,
      locale: asLocale(f.locale),
      stationId: f.participant.stationId,
    };
  }
  if (identity.staffUser) {
    const s = identity.staffUser;
    return { kind: 'staff', id: s.id, participantId: null, displayName: s.displayName, locale: asLocale(s.locale), stationId: s.stationId };
  }
  return undefined;
}

function senderOf(identity: IdentityWithPerson): Sender | undefined {
  const person = personOf(identity);
  if (!person) return undefined;
  return {
    identityId: identity.id,
    channel: identity.channel,
    chatId: identity.chatId,
    optedOut: identity.optedOutAt !== null,
    person,
    lastSeenAt: identity.lastSeenAt,
    reachable: identity.reachable,
  };
}

/** The linked person behind a chat account (one query), or undefined for a stranger. */
export async function resolveSender(
  tx: Prisma.TransactionClient,
  channel: ChannelName,
  externalUserId: string,
): Promise<Sender | undefined> {
  const identity = await tx.channelIdentity.findUnique({
    where: { channel_externalId: { channel, externalId: externalUserId } },
    include: WITH_PERSON,
  });
  return identity ? senderOf(identity) : undefined;
}

/** The linked people behind many chat accounts in one query, keyed by `senderKey`; strangers are absent. */
export async function resolveSenders(
  tx: Prisma.TransactionClient,
  accounts: readonly { channel: ChannelName; externalUserId: string }[],
): Promise<Map<string, Sender>> {
  const senders = new Map<string, Sender>();
  if (accounts.length === 0) return senders;
  const identities = await tx.channelIdentity.findMany({
    where: { OR: accounts.map((a) => ({ channel: a.channel, externalId: a.externalUserId })) },
    include: WITH_PERSON,
    relationLoadStrategy: 'join',
  });
  for (const identity of identities) {
    const sender = senderOf(identity);
    if (sender) senders.set(senderKey(identity.channel, identity.externalId), sender);
  }
  return senders;
}
