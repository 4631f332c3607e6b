import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/outbox/rate-limiter.js';

describe('RateLimiter', () => {
  it('lets a burst go at once, then paces to the rate', () => {
    const limiter = new RateLimiter({ perSecond: 30, burst: 30, perChatSpacingMs: 0 }, 0);
    const slots = Array.from({ length: 90 }, (_, i) => limiter.reserve(`chat-${i}`, 0) ?? -1);
    expect(slots.slice(0, 30).every((at) => at === 0)).toBe(true);
    // 60 more at 30/s take two more seconds.
    expect(Math.max(...slots)).toBeCloseTo(2000, -1);
    const perSecond = slots.filter((at) => at >= 1000 && at < 2000).length;
    expect(perSecond).toBeLessThanOrEqual(30);
  });

  it('spaces messages to one chat', () => {
    const limiter = new RateLimiter({ perSecond: 30, burst: 30, perChatSpacingMs: 1000 }, 0);
    expect([0, 1, 2].map(() => limiter.reserve('chat', 0))).toEqual([0, 1000, 2000]);
    expect(limiter.reserve('other', 0)).toBe(0);
  });

  it('reserves nothing beyond the horizon', () => {
    const limiter = new RateLimiter({ perSecond: 1, burst: 1, perChatSpacingMs: 0 }, 0);
    expect(limiter.reserve('a', 0, 500)).toBe(0);
    expect(limiter.reserve('b', 0, 500)).toBeUndefined();
    expect(limiter.reserve('b', 1000, 500)).toBe(1000);
  });

  it('holds everything after a 429 until retry_after has passed', () => {
    const limiter = new RateLimiter({ perSecond: 30, burst: 30, perChatSpacingMs: 0 }, 0);
    limiter.pause(5000);
    expect(limiter.reserve('a', 100)).toBeGreaterThanOrEqual(5000);
  });
});
