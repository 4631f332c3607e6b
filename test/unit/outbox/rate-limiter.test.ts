import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/outbox/rate-limiter.js';

/**
 * Simulates a sender that starts each message as soon as the limiter allows;
 * each call takes `latency(i)` ms and arrives at a random point within it.
 * Returns arrival times.
 */
function simulate(limiter: RateLimiter, chats: string[], startAt = 0, latency = (_i: number) => 0): number[] {
  const arrivals: number[] = [];
  let now = startAt;
  const inFlight: { doneAt: number; done: (t: number) => void }[] = [];
  chats.forEach((chat, i) => {
    for (;;) {
      for (const call of inFlight.splice(0)) {
        if (call.doneAt <= now) call.done(call.doneAt);
        else inFlight.push(call);
      }
      const wait = limiter.waitMs(chat, now);
      if (wait <= 0) break;
      now += wait;
    }
    const took = latency(i);
    inFlight.push({ doneAt: now + took, done: limiter.record(chat, now) });
    arrivals.push(now + took * ((i * 7919) % 100) / 100);
  });
  return arrivals;
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
    const times = simulate(limiter, Array.from({ length: 300 }, (_, i) => `chat-${i}`), 0, () => 2);
    expect(busiestWindow(times)).toBeLessThanOrEqual(30);
    const rate = times.length / ((Math.max(...times) + 1000) / 1000);
    expect(rate).toBeGreaterThan(28.5);
  });

  it('holds the window even when some calls are slow to arrive', () => {
    const limiter = new RateLimiter({ perSecond: 30, perChatSpacingMs: 0 });
    const arrivals = simulate(limiter, Array.from({ length: 300 }, (_, i) => `c${i}`), 0, (i) => (i % 31 === 0 ? 400 : 3));
    expect(busiestWindow(arrivals)).toBeLessThanOrEqual(30);
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

  it('lets an urgent message skip its chat\'s spacing, but not the global limit, and counts it', () => {
    const limiter = new RateLimiter({ perSecond: 3, perChatSpacingMs: 1000 });
    limiter.record('chat', 0)(5);
    expect(limiter.waitMs('chat', 10)).toBe(990);
    expect(limiter.waitMs('chat', 10, true)).toBe(0);
    limiter.record('chat', 10)(15);
    // It counted: the next calm message to the chat waits a full spacing from the urgent one.
    expect(limiter.waitMs('chat', 20)).toBe(990);
    limiter.record('x', 20)(25);
    // Three sends in this second: even an urgent message waits for the window.
    expect(limiter.waitMs('other', 30, true)).toBe(5 + 1000 + 10 - 30);
  });
});
