import { createHash } from 'node:crypto';

const QUIET_MS = 10 * 60_000;
const MAX_REMEMBERED = 10_000;

/**
 * Unlinked senders get one short answer, not one per message. Remembered
 * only in memory, as a hash, for a few minutes: nothing about them is stored.
 */
export class StrangerReplies {
  private readonly lastReplyAt = new Map<string, number>();

  shouldReply(channel: string, externalUserId: string, now: Date): boolean {
    const key = createHash('sha256').update(`${channel}:${externalUserId}`).digest('base64url');
    const last = this.lastReplyAt.get(key);
    if (last !== undefined && now.getTime() - last < QUIET_MS) return false;
    if (this.lastReplyAt.size >= MAX_REMEMBERED) this.lastReplyAt.clear();
    this.lastReplyAt.set(key, now.getTime());
    return true;
  }
}
