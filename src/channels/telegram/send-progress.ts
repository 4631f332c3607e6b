import { createHash } from 'node:crypto';
import type { TelegramMessagePart } from './build-messages.js';

interface Progress {
  fingerprint: string;
  platformMessageIds: string[];
}

/**
 * Which parts of a split message already went out, per outbox row
 * (idempotency key), so that a retry after a failure in part 2 of 3 resumes
 * at part 2 instead of sending part 1 again. Kept in memory: after a restart
 * a retried row starts again from the first part.
 */
export class SendProgress {
  private readonly entries = new Map<string, Progress>();

  constructor(private readonly maxEntries = 1_000) {}

  /** Message ids of the parts already sent for this key and these parts. */
  sent(key: string, parts: readonly TelegramMessagePart[]): string[] {
    const entry = this.entries.get(key);
    if (!entry || entry.fingerprint !== fingerprint(parts)) return [];
    return [...entry.platformMessageIds];
  }

  record(key: string, parts: readonly TelegramMessagePart[], platformMessageIds: readonly string[]): void {
    this.entries.delete(key);
    this.entries.set(key, { fingerprint: fingerprint(parts), platformMessageIds: [...platformMessageIds] });
    // Oldest first: Map keeps insertion order.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

function fingerprint(parts: readonly TelegramMessagePart[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
