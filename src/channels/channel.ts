import type { Hono } from 'hono';
import type { ChannelName, InboundMessage, OutboundMessage } from '../core/messages.js';

/** What a channel can show; conversation output is fitted to it before sending. */
export interface ChannelCapabilities {
  /** buttons: tappable (inline keyboard, quick reply); numbered: "1. …" text options answered by a number. */
  choices: 'buttons' | 'numbered';
  maxChoices: number;
  maxChoiceLabelLength: number;
  /** Longest text in one platform message; longer text is split. */
  maxTextLength: number;
  /** tel: links are tappable. */
  phoneLinks: boolean;
  /**
   * Sending the same row twice is harmless (LINE's retry key, the web chat):
   * a send interrupted by a crash may be retried instead of given up.
   */
  idempotentSends?: boolean;
}

/**
 * Where a channel hands inbound events. `accept` stores the event durably and
 * resolves before the webhook answers; it rejects when the event could not be
 * stored (the webhook then answers 503 so the platform retries).
 */
export interface InboundSink {
  accept(message: InboundMessage): Promise<'stored' | 'duplicate'>;
}

export interface SendTarget {
  chatId: string;
  externalUserId: string;
  /** LINE: use the reply token while it is fresh. */
  replyToken?: { token: string; expiresAt: string };
  /** Stable per outbox row: platforms that support idempotent sends (LINE's retry key) get it. */
  idempotencyKey: string;
  /**
   * Sent straight by the pipeline, not from the outbox: the one answer to an
   * unlinked sender, or a safe reply while the database is down.
   */
  direct?: boolean;
}

export type SendResult =
  | { ok: true; platformMessageIds: string[] }
  /** Try again later: 429, 5xx, timeout, reset. */
  | { ok: false; kind: 'retry'; retryAfterMs?: number; reason: string }
  /** Never works for this recipient: blocked, unfollowed, unknown chat. The identity becomes unreachable. */
  | { ok: false; kind: 'unreachable'; reason: string }
  /** This message can never be sent (rejected as invalid); other messages may work. */
  | { ok: false; kind: 'rejected'; reason: string };

export interface ChannelStatus {
  channel: ChannelName;
  state: 'starting' | 'running' | 'stopped' | 'error' | 'waiting-for-login';
  /** Webhook URL registered with the platform, when there is one. */
  webhookUrl?: string;
  lastEventAt?: string;
  /** Telegram: the bot's username (for t.me deep links), once the platform told us. */
  botUsername?: string;
  /** WeChat: the login QR code payload while waiting for a scan. */
  loginQrCode?: string;
  detail?: string;
}

/**
 * One chat platform. A channel converts platform events to InboundMessage and
 * OutboundMessage to platform calls; it never imports conversation code.
 */
export interface ChannelAdapter {
  readonly channel: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /** Webhook routes, mounted at the server root (e.g. POST /webhooks/telegram). */
  readonly routes?: Hono;
  start(sink: InboundSink): Promise<void>;
  stop(): Promise<void>;
  send(target: SendTarget, message: OutboundMessage): Promise<SendResult>;
  status(): ChannelStatus;
}
