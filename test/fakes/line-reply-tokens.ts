// Reply tokens: issued with a webhook event, usable once, and only for a
// limited time after the event (about a minute on the real platform).
import { makeReplyToken } from './line-ids.js';

export type ReplyTokenCheck =
  | { ok: true; userId: string | undefined }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

interface IssuedToken {
  userId: string | undefined;
  issuedAt: number;
  used: boolean;
}

export class ReplyTokenRegistry {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number,
  ) {}

  issue(userId?: string, token: string = makeReplyToken()): string {
    this.tokens.set(token, { userId, issuedAt: this.clock(), used: false });
    return token;
  }

  check(token: string): ReplyTokenCheck {
    const issued = this.tokens.get(token);
    if (!issued) return { ok: false, reason: 'unknown' };
    if (issued.used) return { ok: false, reason: 'used' };
    if (this.clock() - issued.issuedAt > this.ttlMs) return { ok: false, reason: 'expired' };
    return { ok: true, userId: issued.userId };
  }

  consume(token: string): void {
    const issued = this.tokens.get(token);
    if (issued) issued.used = true;
  }

  /** Makes a token look older, e.g. to test expiry without waiting. */
  age(token: string, byMs: number): void {
    const issued = this.tokens.get(token);
    if (!issued) throw new Error(`reply token ${token} was never issued`);
    issued.issuedAt -= byMs;
  }
}
