import { extractInviteCode } from '../core/invite-code.js';
import type { InboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { recordFailedAttempt, redeemInvite, tooManyFailedAttempts } from '../linking/invites.js';
import { DEFAULT_LOCALE, t, type MessageKey } from '../i18n/index.js';
import { resolveSender } from './resolve-sender.js';
import type { Sender } from './person.js';

export type LinkOutcome =
  /** Linked now: the privacy notice goes to the new identity through the outbox. */
  | { kind: 'linked'; sender: Sender; notice: string }
  /** Not linked: one short message straight back; nothing about the sender is kept. */
  | { kind: 'stranger'; reply: MessageKey };

/**
 * A message from an account that is not linked: link it when it carries a
 * valid invite code (`/start CODE` on Telegram; the code itself elsewhere),
 * otherwise say how to get one.
 */
export async function linkAccount(tx: Prisma.TransactionClient, message: InboundMessage, now: Date): Promise<LinkOutcome> {
  const code = message.kind === 'text' && message.text ? extractInviteCode(message.text) : undefined;
  if (!code) return { kind: 'stranger', reply: 'link.unknownSender' };
  if (await tooManyFailedAttempts(tx, message.channel, message.externalUserId, now)) {
    return { kind: 'stranger', reply: 'link.tooManyAttempts' };
  }
  const identity = await tx.channelIdentity.create({
    data: { channel: message.channel, externalId: message.externalUserId, chatId: message.chatId, linkedAt: now, lastSeenAt: now },
  });
  const redeemed = await redeemInvite(tx, code, identity.id, now);
  if (!redeemed.ok) {
    await tx.channelIdentity.delete({ where: { id: identity.id } });
    await recordFailedAttempt(tx, message.channel, message.externalUserId, now);
    return { kind: 'stranger', reply: 'link.invalidCode' };
  }
  const { participantId, familyMemberId, staffUserId } = redeemed.invite;
  await tx.channelIdentity.update({ where: { id: identity.id }, data: { participantId, familyMemberId, staffUserId } });
  if (participantId) {
    await tx.participant.updateMany({ where: { id: participantId, consentAt: null }, data: { consentAt: now } });
  } else if (familyMemberId) {
    await tx.familyMember.updateMany({ where: { id: familyMemberId, consentAt: null }, data: { consentAt: now } });
  }
  const sender = await resolveSender(tx, message.channel, message.externalUserId);
  if (!sender) return { kind: 'stranger', reply: 'link.invalidCode' };
  const { locale, displayName, kind } = sender.person;
  const notice = t(locale ?? DEFAULT_LOCALE, kind === 'staff' ? 'link.staffLinked' : 'link.privacyNotice', { name: displayName });
  return { kind: 'linked', sender, notice };
}
