/**
 * The team set's classifier output, pinned: a change to how the rules run
 * (speed work, refactoring) must not change a single level or category.
 * A deliberate lexicon change that moves a result updates the file:
 *   UPDATE_RISK_GOLDEN=1 npx vitest run test/unit/risk/golden.test.ts
 * and the diff of labelled.golden.jsonl shows the reviewer what moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { labelledItemSchema } from '../../../src/risk/evaluate.js';
import { assessText } from '../../../src/risk/assess.js';

const LABELLED = new URL('../../fixtures/risk/labelled.jsonl', import.meta.url);
const GOLDEN = new URL('./labelled.golden.jsonl', import.meta.url);

const lines = (url: URL): string[] => readFileSync(url, 'utf8').split('\n').filter((l) => l.trim() !== '');

describe('the team set, classified', () => {
  it('gives exactly the pinned level and categories for every line (as risk:classify prints them)', () => {
    const actual = lines(LABELLED).map((line) => {
      const item = labelledItemSchema.parse(JSON.parse(line));
      const result = assessText(item.text, { speaker: item.speaker, lang: item.lang });
      return JSON.stringify({ id: item.id, level: result.level, categories: result.categories });
    });
    if (process.env.UPDATE_RISK_GOLDEN === '1') writeFileSync(GOLDEN, actual.join('\n') + '\n');
    expect(actual).toEqual(lines(GOLDEN));
  });
});
