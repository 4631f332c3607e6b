/**
 * Send pacing for one channel: at most `perSecond` messages in any one-second
 * window for the bot as a whole, and a minimum spacing per chat. It lives in
 * the single dispatcher, the only sender, so the limits hold for the whole
 * deployment.
 *
 * Platforms count a message when it arrives, somewhere between the moment
 * our call starts and the moment its answer comes back. A window is
 * therefore measured from when the oldest send in it *finished* (an upper
 * bound of its arrival), and while that send is still in flight the next one
 * waits.
 */
export interface RateLimits {
  /** Messages per second across all chats. */
  perSecond: number;
  /** Minimum milliseconds between two messages to the same chat. */
  perChatSpacingMs: number;
}

/** Extra width of the window, against clock jitter. */
const WINDOW_MARGIN_MS = 10;
/** How often to look again while the send that opens the window is in flight. */
const IN_FLIGHT_POLL_MS = 5;
const WINDOW_MS = 1000;
/** At or above this rate there is no global pacing. */
const UNLIMITED_PER_SECOND = 1000;

export const DEFAULT_LIMITS: Record<'TELEGRAM' | 'LINE' | 'WECHAT' | 'WEB', RateLimits> = {
  // Telegram: about 30 messages/s overall and about 1/s per chat.
  TELEGRAM: { perSecond: 30, perChatSpacingMs: 1000 },
  LINE: { perSecond: 100, perChatSpacingMs: 0 },
  // Personal-account puppets get accounts restricted when they send fast.
  WECHAT: { perSecond: 1, perChatSpacingMs: 2000 },
  WEB: { perSecond: UNLIMITED_PER_SECOND, perChatSpacingMs: 0 },
};

export class RateLimiter {
  /** The most recent sends, oldest first (at most perSecond kept); `doneAt` unset while in flight. */
  private readonly recent: { doneAt?: number }[] = [];
  private readonly chatLastAt = new Map<string, number>();
  private pausedUntil = 0;

  constructor(private readonly limits: RateLimits) {}

  /**
   * Milliseconds until a message to this chat may start; 0 means now. An
   * urgent message (a crisis reply) does not wait for the per-chat spacing:
   * platforms allow a short burst in one chat, and crisis replies are one
   * per message. It still counts towards it and waits for the global limit.
   */
  waitMs(chatId: string, now: number, urgent = false): number {
    let at = Math.max(now, this.pausedUntil);
    const last = this.chatLastAt.get(chatId);
    if (last !== undefined && !urgent) at = Math.max(at, last + this.limits.perChatSpacingMs);
    if (this.limits.perSecond < UNLIMITED_PER_SECOND && this.recent.length >= this.limits.perSecond) {
      const opener = this.recent[this.recent.length - this.limits.perSecond];
      if (opener?.doneAt === undefined) return Math.max(at - now, IN_FLIGHT_POLL_MS);
      at = Math.max(at, opener.doneAt + WINDOW_MS + WINDOW_MARGIN_MS);
    }
    return at - now;
  }

  /**
   * Records a send starting now; call the returned function with the time
   * its answer came back.
   */
  record(chatId: string, now: number): (doneAt: number) => void {
    const entry: { doneAt?: number } = {};
    if (this.limits.perSecond < UNLIMITED_PER_SECOND) {
      this.recent.push(entry);
      if (this.recent.length > this.limits.perSecond) this.recent.shift();
    }
    if (this.limits.perChatSpacingMs > 0) {
      this.chatLastAt.set(chatId, now);
      if (this.chatLastAt.size > 50_000) {
        for (const [chat, at] of this.chatLastAt) if (at + this.limits.perChatSpacingMs < now) this.chatLastAt.delete(chat);
      }
    }
    return (doneAt) => {
      entry.doneAt = doneAt;
    };
  }

  /** The platform said "too many": hold everything until then. */
  pause(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }
}
