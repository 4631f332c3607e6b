import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/outbox/rate-limiter.js';

/** Simulates a sender that starts each message as soon as the limiter allows. */
function simulate(limiter: RateLimiter, chats: string[], startAt = 0): number[] {
  const times: number[] = [];
  let now = startAt;
  for (const chat of chats) {
    now += limiter.waitMs(chat, now);
    limiter.record(chat, now);
    times.push(now);
  }
  return times;
}

function busiestWindow(times: number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RateLimiter', () => {
  it('never starts more than perSecond sends in any one-second window, and stays within 5% of the rate', () => {
    const limiter = new RateLimiter({ perSecond: 30, perChatSpacingMs: 1000 });
    const times = simulate(limiter, Array.from({ length: 300 }, (_, i) => `chat-${i}`));
    expect(busiestWindow(times)).toBeLessThanOrEqual(30);
    const rate = times.length / ((Math.max(...times) + 1000) / 1000);
    expect(rate).toBeGreaterThan(28.5);
  });

  it('spaces messages to one chat', () => {
    const limiter = new RateLimiter({ perSecond: 30, perChatSpacingMs: 1000 });
    limiter.record('chat', 0);
    expect(limiter.waitMs('chat', 0)).toBe(1000);
    expect(limiter.waitMs('other', 0)).toBe(0);
  });

  it('holds everything after a 429 until retry_after has passed', () => {
    const limiter = new RateLimiter({ perSecond: 30, perChatSpacingMs: 0 });
    limiter.pause(5000);
    expect(limiter.waitMs('a', 100)).toBe(4900);
  });

  it('does not pace a channel with no global limit', () => {
    const limiter = new RateLimiter({ perSecond: 1000, perChatSpacingMs: 0 });
    expect(simulate(limiter, Array.from({ length: 100 }, (_, i) => `c${i}`), 5)).toEqual(Array(100).fill(5));
  });
});
