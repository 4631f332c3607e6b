import type { Clock } from '../../core/clock.js';

export type TelegramMode = 'webhook' | 'polling';

export const DEFAULT_TELEGRAM_API_ROOT = 'https://api.telegram.org';

export interface TelegramChannelOptions {
  /** TELEGRAM_BOT_TOKEN from @BotFather. Never logged. */
  token: string;
  /** TELEGRAM_MODE: Telegram POSTs updates to us (webhook) or we fetch them (polling). */
  mode: TelegramMode;
  /** TELEGRAM_WEBHOOK_SECRET: required in webhook mode; checked against X-Telegram-Bot-Api-Secret-Token. */
  webhookSecret?: string;
  /** TELEGRAM_API_ROOT: another Bot API server (self-hosted telegram-bot-api, a test fake). Default https://api.telegram.org. */
  apiRoot?: string;
  /** PUBLIC_URL: in webhook mode, `${publicUrl}/webhooks/telegram` is registered with Telegram at start. */
  publicUrl?: string;
  /** A Bot API call that takes longer counts as failed ('retry'). Default 10 000. */
  requestTimeoutMs?: number;
  /** How long one getUpdates call waits for updates (polling mode). Default 30. */
  pollTimeoutSeconds?: number;
  /** Waits between failed getUpdates or setWebhook attempts, doubling from initialMs to maxMs. Default 1 s to 60 s. */
  retryDelay?: { initialMs: number; maxMs: number };
  /** Stamps callback queries (they carry no date) and lastEventAt. Default: the system clock. */
  clock?: Clock;
}
