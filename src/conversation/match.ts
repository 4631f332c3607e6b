import { normalise } from './input.js';

/** A query needs at least this score to match: one two-character Chinese word or one four-letter English word. */
export const MIN_SCORE = 4;

const ASCII = /^[\x20-\x7e]+$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * How well a query matches a list of keywords. Chinese keywords count when
 * contained (2 points a character); English ones only as whole words
 * (1 point a letter, plus 1), so "use" does not match "because".
 */
export function keywordScore(query: string, keywords: readonly string[]): number {
  const q = normalise(query);
  let score = 0;
  for (const raw of new Set(keywords.map(normalise))) {
    if (!raw) continue;
    if (ASCII.test(raw)) {
      if (new RegExp(`(^|[^a-z0-9])${escape(raw)}([^a-z0-9]|$)`).test(q)) score += raw.length + 1;
    } else if (q.includes(raw)) {
      score += 2 * Array.from(raw).length;
    }
  }
  return score;
}

/** The best-scoring candidate at or above MIN_SCORE; earlier candidates win ties. */
export function bestMatch<T extends { keywords: readonly string[] }>(query: string, candidates: readonly T[], bonus: (c: T) => number = () => 0): T | undefined {
  let best: T | undefined;
  let bestScore = MIN_SCORE - 1;
  for (const candidate of candidates) {
    const base = keywordScore(query, candidate.keywords);
    if (base < MIN_SCORE) continue;
    const score = base + bonus(candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
