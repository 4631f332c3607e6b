import { createHash } from 'node:crypto';
import { hashInviteCode, newInviteCode } from '../core/invite-code.js';
import type { ChannelName } from '../core/messages.js';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

export const DEFAULT_INVITE_TTL_MS = 7 * 24 * 3600_000;
/** Failed codes allowed per sender per window before they must wait. */
export const MAX_FAILED_ATTEMPTS = 5;
export const ATTEMPT_WINDOW_MS = 3600_000;

export type InviteFor = { participantId: string } | { familyMemberId: string } | { staffUserId: string };

export interface CreatedInvite {
  /** Shown once; only its hash is stored. */
  code: string;
  expiresAt: Date;
}

export async function createInvite(
  prisma: PrismaClient | Prisma.TransactionClient,
  target: InviteFor,
  options: { now: Date; ttlMs?: number; createdById?: string },
): Promise<CreatedInvite> {
  const code = newInviteCode();
  const expiresAt = new Date(options.now.getTime() + (options.ttlMs ?? DEFAULT_INVITE_TTL_MS));
  const kind =
    'participantId' in target ? 'PARTICIPANT' : 'familyMemberId' in target ? 'FAMILY_MEMBER' : 'STAFF';
  await prisma.invite.create({
    data: {
      codeHash: hashInviteCode(code.replace('-', '')),
      target: kind,
      expiresAt,
      createdById: options.createdById ?? null,
      ...target,
    },
  });
  return { code, expiresAt };
}

/** Senders are kept only as this hash, so an unknown sender leaves no id behind. */
export function senderHash(channel: ChannelName, externalUserId: string): string {
  return createHash('sha256').update(`tongxing-sender:${channel}:${externalUserId}`).digest('hex');
}

export async function tooManyFailedAttempts(
  tx: Prisma.TransactionClient,
  channel: ChannelName,
  externalUserId: string,
  now: Date,
): Promise<boolean> {
  const recent = await tx.linkAttempt.count({
    where: {
      channel,
      externalId: senderHash(channel, externalUserId),
      createdAt: { gt: new Date(now.getTime() - ATTEMPT_WINDOW_MS) },
    },
  });
  return recent >= MAX_FAILED_ATTEMPTS;
}

export async function recordFailedAttempt(
  tx: Prisma.TransactionClient,
  channel: ChannelName,
  externalUserId: string,
  now: Date,
): Promise<void> {
  await tx.linkAttempt.create({ data: { channel, externalId: senderHash(channel, externalUserId), createdAt: now } });
}

/** Checks a code without using it up (WeChat friend requests). */
export async function isInviteCodeValid(
  prisma: PrismaClient | Prisma.TransactionClient,
  normalisedCode: string,
  now: Date,
): Promise<boolean> {
  const invite = await prisma.invite.findUnique({ where: { codeHash: hashInviteCode(normalisedCode) } });
  return Boolean(invite && !invite.usedAt && invite.expiresAt > now);
}

export type RedeemResult =
  | { ok: true; invite: { participantId: string | null; familyMemberId: string | null; staffUserId: string | null } }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' };

/** Marks a code used, once: a second redemption of the same code fails. */
export async function redeemInvite(
  tx: Prisma.TransactionClient,
  normalisedCode: string,
  identityId: string,
  now: Date,
): Promise<RedeemResult> {
  const invite = await tx.invite.findUnique({ where: { codeHash: hashInviteCode(normalisedCode) } });
  if (!invite) return { ok: false, reason: 'unknown' };
  if (invite.usedAt) return { ok: false, reason: 'used' };
  if (invite.expiresAt <= now) return { ok: false, reason: 'expired' };
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, usedAt: null },
    data: { usedAt: now, usedByIdentity: identityId },
  });
  if (claimed.count === 0) return { ok: false, reason: 'used' };
  return { ok: true, invite };
}
