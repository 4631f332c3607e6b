import type { Prisma } from '../generated/prisma/client.js';
import { LAST_TIER } from './policy.js';

export interface Recipient {
  staffUserId: string;
  locale: string;
  privacyMode: boolean;
  identities: { id: string; channel: 'TELEGRAM' | 'LINE' | 'WECHAT' | 'WEB' }[];
}

/** Staff to alert at a tier: caseworker, backup caseworker, station supervisors, admins. */
export async function recipientsForTier(
  tx: Prisma.TransactionClient,
  participant: { stationId: string; caseworkerId: string | null; backupCaseworkerId: string | null },
  tier: number,
): Promise<Recipient[]> {
  const where: Prisma.StaffUserWhereInput =
    tier === 0
      ? { id: participant.caseworkerId ?? '' }
      : tier === 1
        ? { id: participant.backupCaseworkerId ?? '' }
        : tier === 2
          ? { stationId: participant.stationId, role: 'SUPERVISOR' }
          : { role: 'ADMIN' };
  const staff = await tx.staffUser.findMany({
    where: { ...where, active: true },
    include: { identities: { where: { reachable: true, optedOutAt: null }, select: { id: true, channel: true } } },
  });
  return staff.map((s) => ({ staffUserId: s.id, locale: s.locale, privacyMode: s.alertPrivacyMode, identities: s.identities }));
}

/**
 * The first tier, from `from` on, with someone to alert on a chat app. When
 * nobody at a tier has a linked, reachable account, waiting for their
 * deadline would only lose time.
 */
export async function firstReachableTier(
  tx: Prisma.TransactionClient,
  participant: { stationId: string; caseworkerId: string | null; backupCaseworkerId: string | null },
  from: number,
): Promise<{ tier: number; recipients: Recipient[] }> {
  for (let tier = from; tier <= LAST_TIER; tier++) {
    const recipients = await recipientsForTier(tx, participant, tier);
    if (recipients.some((r) => r.identities.length > 0)) return { tier, recipients };
  }
  return { tier: Math.min(from, LAST_TIER), recipients: [] };
}
