import type { ChannelAdapter } from '../channels/channel.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/client.js';
import type { Logger } from '../log/logger.js';
import type { SchedulerSettings } from '../scheduler/context.js';
import type { EscalationNotifier } from './live/notifier.js';

export interface AdminDeps {
  db: Database;
  log: Logger;
  clock: Clock;
  /** PUBLIC_URL: cookies are Secure when it is https, and POSTs must come from its origin. */
  publicUrl?: string | undefined;
  /** TRUST_PROXY_HOPS: how many reverse proxies' X-Forwarded-For entries to believe (login limits per address). */
  trustProxyHops?: number;
  notifier: EscalationNotifier;
  /** The running chat channels, by name: their status page and invite links. */
  channels: ReadonlyMap<string, ChannelAdapter>;
  /** Call after a transaction that enqueued outbound messages, so they go out now. */
  onOutboxChanged: () => void;
  /** The scheduler's settings (quiet hours, reminder offsets, time zone), whether or not it runs here. */
  schedulerSettings: SchedulerSettings;
}

export interface AdminOptions {
  /** Time between SSE heartbeats (each also re-checks the session). */
  heartbeatMs?: number;
}
