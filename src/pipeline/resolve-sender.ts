import type { ChannelName } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { asLocale } from '../i18n/index.js';
import type { Person, Sender } from './person.js';

const PERSON_COLUMNS = { id: true, displayName: true, locale: true, stationId: true } as const;
const FAMILY_COLUMNS = { id: true, displayName: true, locale: true, participantId: true } as const;

/** The linked person behind a chat account (one query), or undefined for a stranger. */
export async function resolveSender(
  tx: Prisma.TransactionClient,
  channel: ChannelName,
  externalUserId: string,
): Promise<Sender | undefined> {
  const identity = await tx.channelIdentity.findUnique({
    where: { channel_externalId: { channel, externalId: externalUserId } },
    include: {
      participant: { select: PERSON_COLUMNS },
      familyMember: { select: { ...FAMILY_COLUMNS, participant: { select: { stationId: true } } } },
      staffUser: { select: PERSON_COLUMNS },
    },
  });
  if (!identity) return undefined;
  let person: Person | undefined;
  if (identity.participant) {
    const p = identity.participant;
    person = { kind: 'participant', id: p.id, participantId: p.id, displayName: p.displayName, locale: asLocale(p.locale), stationId: p.stationId };
  } else if (identity.familyMember) {
    const f = identity.familyMember;
    person = {
      kind: 'family',
      id: f.id,
      participantId: f.participantId,
      displayName: f.displayName,
      locale: asLocale(f.locale),
      stationId: f.participant.stationId,
    };
  } else if (identity.staffUser) {
    const s = identity.staffUser;
    person = { kind: 'staff', id: s.id, participantId: null, displayName: s.displayName, locale: asLocale(s.locale), stationId: s.stationId };
  }
  if (!person) return undefined;
  return {
    identityId: identity.id,
    channel,
    chatId: identity.chatId,
    optedOut: identity.optedOutAt !== null,
    person,
    lastSeenAt: identity.lastSeenAt,
    reachable: identity.reachable,
  };
}
