// getUpdates semantics: updates stay pending until a later call confirms them
// with offset > update_id; an empty queue holds the call open for `timeout`;
// a second concurrent getUpdates terminates the first with 409, as the real
// server does when two bot instances poll.
import type { Update } from 'telegraf/types';
import { telegramErrors, type TelegramApiError } from './telegram-errors.js';

interface PendingPoll {
  limit: number;
  timer: NodeJS.Timeout;
  resolve: (updates: Update[]) => void;
  reject: (error: TelegramApiError) => void;
}

export interface PollOptions {
  offset: number | undefined;
  limit: number | undefined;
  timeoutMs: number;
  /** Called with a cancel function the caller runs if the client disconnects. */
  onCancel: (cancel: () => void) => void;
}

export class TelegramUpdateQueue {
  private pending: Update[] = [];
  private poll: PendingPoll | undefined;

  get size(): number {
    return this.pending.length;
  }

  get pendingUpdates(): readonly Update[] {
    return this.pending;
  }

  get isPolling(): boolean {
    return this.poll !== undefined;
  }

  push(update: Update): void {
    this.pending.push(update);
    const poll = this.poll;
    if (poll) {
      this.poll = undefined;
      clearTimeout(poll.timer);
      poll.resolve(this.pending.slice(0, poll.limit));
    }
  }

  /** deleteWebhook/setWebhook with drop_pending_updates. */
  dropPending(): void {
    this.pending = [];
  }

  getUpdates(options: PollOptions): Promise<Update[]> {
    this.confirm(options.offset);
    const limit = Math.min(100, Math.max(1, options.limit ?? 100));
    const ready = this.pending.slice(0, limit);
    if (ready.length > 0 || options.timeoutMs <= 0) return Promise.resolve(ready);

    const previous = this.poll;
    if (previous) {
      this.poll = undefined;
      clearTimeout(previous.timer);
      previous.reject(telegramErrors.getUpdatesConflict());
    }
    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit,
        resolve,
        reject,
        timer: setTimeout(() => {
          if (this.poll === poll) this.poll = undefined;
          resolve([]);
        }, options.timeoutMs),
      };
      this.poll = poll;
      options.onCancel(() => {
        if (this.poll !== poll) return;
        this.poll = undefined;
        clearTimeout(poll.timer);
        resolve([]);
      });
    });
  }

  /** Answers a held getUpdates with [] (used when the fake stops). */
  release(): void {
    const poll = this.poll;
    if (!poll) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    poll.resolve([]);
  }

  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > 0) {
      this.pending = this.pending.filter((u) => u.update_id >= offset);
    } else {
      this.pending = this.pending.slice(offset);
    }
  }
}
