import { describe, expect, it } from 'vitest';
import { bestMatch, keywordScore, MIN_SCORE } from '../../../src/conversation/match.js';

describe('keyword matching', () => {
  it('scores Chinese keywords by containment and English ones by whole words', () => {
    expect(keywordScore('低保怎么申请', ['低保'])).toBe(4);
    expect(keywordScore('I need a JOB now', ['job'])).toBe(4);
    expect(keywordScore('because', ['use'])).toBe(0);
    expect(keywordScore('my urine test', ['urine', 'test'])).toBe(11);
    expect(keywordScore('睡不着', ['睡不着', '睡不着'])).toBe(6);
  });

  it('needs a real match', () => {
    expect(keywordScore('累', ['累'])).toBeLessThan(MIN_SCORE);
    expect(bestMatch('累', [{ keywords: ['累'] }])).toBeUndefined();
  });

  it('picks the best candidate, with a bonus deciding ties', () => {
    const a = { id: 'a', keywords: ['尿检'] };
    const b = { id: 'b', keywords: ['尿检', '改期'] };
    expect(bestMatch('尿检能改期吗', [a, b])?.id).toBe('b');
    expect(bestMatch('尿检', [a, b])?.id).toBe('a');
    expect(bestMatch('尿检', [a, b], (c) => (c.id === 'b' ? 1 : 0))?.id).toBe('b');
  });
});
