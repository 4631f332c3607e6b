/**
 * Ordinary messages never used for training or thresholds
 * (test/fixtures/risk/everyday-check.jsonl, and the long letters in
 * everyday-letters-check.jsonl): with the learned layer on, as it is by
 * default, calm messages stay calm.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessText, LEARNED_BY_DEFAULT } from '../../../src/risk/assess.js';
import { sentencesOf } from '../../../src/risk/learned/sentences.js';
import { parseFile } from '../../../src/risk/learned/training-data.js';
import { readRules } from '../../../src/risk/rules.js';

const MAX_FALSE_ALERT_RATE = 0.02;

const read = (name: string) => parseFile(name, readFileSync(new URL(`../../fixtures/risk/${name}`, import.meta.url), 'utf8'));

const falseAlerts = (items: ReturnType<typeof read>): string[] =>
  items.filter((i) => i.level <= 1 && assessText(i.text, { speaker: i.speaker, lang: i.lang }).level >= 2).map((i) => i.id);

describe('everyday messages through assessText (the default path)', () => {
  it(`raise a false alert (labelled ≤ 1, scored ≥ 2) on at most ${MAX_FALSE_ALERT_RATE * 100}% of them`, () => {
    const items = read('everyday-check.jsonl');
    expect(LEARNED_BY_DEFAULT).toBe(true);
    expect(items.length).toBeGreaterThan(200);
    const alerts = falseAlerts(items);
    expect(alerts.length / items.length, alerts.join(', ')).toBeLessThanOrEqual(MAX_FALSE_ALERT_RATE);
  });

  it(`long letters (several sentences each, scored sentence by sentence too) raise a false alert on at most ${MAX_FALSE_ALERT_RATE * 100}% of them`, () => {
    const items = read('everyday-letters-check.jsonl');
    expect(items.length).toBeGreaterThanOrEqual(60);
    // Split as assessText splits them: the text as the rules normalise it.
    for (const i of items) expect(sentencesOf(readRules(i.text, { speaker: i.speaker, lang: i.lang }).normalised).length, i.id).toBeGreaterThanOrEqual(3);
    const alerts = falseAlerts(items);
    expect(alerts.length / items.length, alerts.join(', ')).toBeLessThanOrEqual(MAX_FALSE_ALERT_RATE);
  });
});
