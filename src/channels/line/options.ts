import type { Clock } from '../../core/clock.js';

export interface LineChannelOptions {
  /** LINE_CHANNEL_SECRET: checks X-Line-Signature on webhooks. */
  channelSecret: string;
  /** LINE_CHANNEL_ACCESS_TOKEN: authorises reply and push calls. */
  channelAccessToken: string;
  /** LINE_API_BASE_URL: another Messaging API origin (tests); default https://api.line.me. */
  apiBaseUrl?: string;
  /** A LINE API call that takes longer counts as failed ('retry'). Default 10 000. */
  requestTimeoutMs?: number;
  /** Decides whether a reply token is still fresh. Default: the system clock. */
  clock?: Clock;
}
