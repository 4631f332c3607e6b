import type { Channel, PersonStatus } from '../generated/prisma/client.js';

export interface IdentityRow {
  id: string;
  channel: Channel;
  reachable: boolean;
  optedOutAt: Date | null;
  lastSeenAt: Date | null;
  linkedAt: Date;
}

export const IDENTITY_SELECT = { id: true, channel: true, reachable: true, optedOutAt: true, lastSeenAt: true, linkedAt: true } as const;

/** A chat account that may get non-reply messages. */
export const SENDABLE_IDENTITY = { reachable: true, optedOutAt: null } as const;

export type Pick = { identity: IdentityRow } | { reason: 'opted-out' | 'unreachable' | 'no-identity' };

/**
 * One chat account per reminder, the one the person used last: the same
 * reminder on two apps is noise. Nothing when every account opted out or
 * cannot be reached.
 */
export function pickIdentity(identities: readonly IdentityRow[]): Pick {
  const sendable = identities.filter((i) => i.reachable && !i.optedOutAt);
  if (sendable.length === 0) {
    if (identities.some((i) => i.optedOutAt)) return { reason: 'opted-out' };
    return { reason: identities.length > 0 ? 'unreachable' : 'no-identity' };
  }
  const seen = (i: IdentityRow) => (i.lastSeenAt ?? i.linkedAt).getTime();
  const [best] = [...sendable].sort((a, b) => seen(b) - seen(a) || b.linkedAt.getTime() - a.linkedAt.getTime());
  return { identity: best as IdentityRow };
}

/** Why a participant who is not ACTIVE gets no reminders. */
export const STATUS_REASON: Record<Exclude<PersonStatus, 'ACTIVE'>, string> = { PAUSED: 'paused', COMPLETED: 'completed', OPTED_OUT: 'opted-out' };
