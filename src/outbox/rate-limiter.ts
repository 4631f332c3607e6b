/**
 * Send pacing for one channel: a token bucket for the bot as a whole and a
 * minimum spacing per chat. It lives in the single dispatcher, which is the
 * only sender, so the limits hold for the whole deployment.
 */
export interface RateLimits {
  /** Messages per second across all chats. */
  perSecond: number;
  /** Messages allowed at once before the rate applies. */
  burst: number;
  /** Minimum milliseconds between two messages to the same chat. */
  perChatSpacingMs: number;
}

export const DEFAULT_LIMITS: Record<'TELEGRAM' | 'LINE' | 'WECHAT' | 'WEB', RateLimits> = {
  // Telegram: about 30 messages/s overall and about 1/s per chat.
  TELEGRAM: { perSecond: 30, burst: 30, perChatSpacingMs: 1000 },
  LINE: { perSecond: 100, burst: 100, perChatSpacingMs: 0 },
  // Personal-account puppets get accounts restricted when they send fast.
  WECHAT: { perSecond: 1, burst: 3, perChatSpacingMs: 2000 },
  WEB: { perSecond: 1000, burst: 1000, perChatSpacingMs: 0 },
};

export class RateLimiter {
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private readonly chatNextAt = new Map<string, number>();

  constructor(
    private readonly limits: RateLimits,
    now: number,
  ) {
    this.tokens = limits.burst;
    this.refilledAt = now;
  }

  /**
   * Reserves a send slot and returns the time (ms) at which it may go (`now`
   * when at once), or undefined, reserving nothing, when that is further
   * away than `horizonMs`.
   */
  reserve(chatId: string, now: number, horizonMs = Number.POSITIVE_INFINITY): number | undefined {
    this.refill(now);
    const chatAt = this.chatNextAt.get(chatId) ?? now;
    // A deficit is a borrowed token: it arrives when the deficit is refilled.
    const tokenAt = this.tokens >= 1 ? now : now + ((1 - this.tokens) / this.limits.perSecond) * 1000;
    const at = Math.max(now, chatAt, tokenAt, this.pausedUntil);
    if (at - now > horizonMs) return undefined;
    this.tokens -= 1;
    this.chatNextAt.set(chatId, at + this.limits.perChatSpacingMs);
    if (this.chatNextAt.size > 50_000) this.forgetOldChats(now);
    return at;
  }

  /** The platform said "too many": hold everything for that long. */
  pause(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
    this.tokens = Math.min(this.tokens, 1);
  }

  private refill(now: number): void {
    if (now <= this.refilledAt) return;
    const elapsed = (now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.limits.burst, this.tokens + elapsed * this.limits.perSecond);
    this.refilledAt = now;
  }

  private forgetOldChats(now: number): void {
    for (const [chat, at] of this.chatNextAt) if (at < now) this.chatNextAt.delete(chat);
  }
}
