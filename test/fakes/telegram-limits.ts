// Telegram's flood limits for bots: about 30 messages per second overall and
// about one per second per chat, with short bursts tolerated.
import { KeyedTokenBucket, SlidingWindowLimiter, retryAfterSeconds, type Clock } from './rate-limit.js';

export interface TelegramLimitOptions {
  /** Messages per sliding 1 s window across all chats. Default 30; Infinity disables. */
  globalPerSecond?: number;
  /** Sustained messages per second in one chat. Default 1; Infinity disables. */
  perChatPerSecond?: number;
  /** Messages one chat may take in quick succession before 429. Default 3. */
  perChatBurst?: number;
}

export class TelegramLimits {
  private readonly global: SlidingWindowLimiter;
  private readonly perChat: KeyedTokenBucket;

  constructor(options: TelegramLimitOptions, clock: Clock) {
    this.global = new SlidingWindowLimiter(options.globalPerSecond ?? 30, 1_000, clock);
    this.perChat = new KeyedTokenBucket(options.perChatPerSecond ?? 1, options.perChatBurst ?? 3, clock);
  }

  /**
   * Counts one message to `chatKey`, or returns the retry_after (seconds) to
   * answer with when a limit is hit. A refused message uses up no allowance.
   */
  admit(chatKey: string): number | undefined {
    const waitMs = Math.max(this.global.waitMs(), this.perChat.waitMs(chatKey));
    if (waitMs > 0) return retryAfterSeconds(waitMs);
    this.global.record();
    this.perChat.take(chatKey);
    return undefined;
  }
}
