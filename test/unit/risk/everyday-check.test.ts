/**
 * Ordinary messages never used for training or thresholds
 * (test/fixtures/risk/everyday-check.jsonl): with the learned layer on, as it
 * is by default, calm messages stay calm.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessText, LEARNED_BY_DEFAULT } from '../../../src/risk/assess.js';
import { labelledItemSchema } from '../../../src/risk/evaluate.js';

const MAX_FALSE_ALERT_RATE = 0.02;

const items = readFileSync(new URL('../../fixtures/risk/everyday-check.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => labelledItemSchema.parse(JSON.parse(l)));

describe('everyday messages through assessText (the default path)', () => {
  it(`raise a false alert (labelled ≤ 1, scored ≥ 2) on at most ${MAX_FALSE_ALERT_RATE * 100}% of them`, () => {
    expect(LEARNED_BY_DEFAULT).toBe(true);
    expect(items.length).toBeGreaterThan(200);
    const alerts = items.filter((i) => i.level <= 1 && assessText(i.text, { speaker: i.speaker, lang: i.lang }).level >= 2).map((i) => i.id);
    expect(alerts.length / items.length, alerts.join(', ')).toBeLessThanOrEqual(MAX_FALSE_ALERT_RATE);
  });
});
