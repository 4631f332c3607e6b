import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, itemLang, labelledItemSchema } from '../../../src/risk/evaluate.js';
import { assessText } from '../../../src/risk/assess.js';

const DIR = new URL('../../fixtures/risk/', import.meta.url);
const read = (name: string) =>
  readFileSync(new URL(name, DIR), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => labelledItemSchema.parse(JSON.parse(line)));
const items = read('labelled.jsonl');
const devSets = readdirSync(DIR).filter((f) => f.startsWith('holdout-dev') && f.endsWith('.jsonl'));

describe('the labelled set', () => {
  it('is large and varied enough to mean something', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const level of [0, 1, 2, 3, 4]) expect(items.filter((i) => i.level === level).length).toBeGreaterThanOrEqual(30);
    expect(items.filter((i) => i.speaker === 'family').length).toBeGreaterThanOrEqual(50);
    expect(items.filter((i) => itemLang(i) === 'en').length).toBeGreaterThanOrEqual(80);
  });

  it('meets the targets with rules only, per language and overall', () => {
    const report = evaluate(items, (item) => assessText(item.text, { speaker: item.speaker, lang: item.lang }).level);
    for (const group of [report.overall, ...Object.values(report.byLang)]) {
      const m = group.metrics;
      expect(m.underTriagedEmergencies).toEqual([]);
      expect(m.recallHigh ?? 1).toBeGreaterThanOrEqual(0.95);
      expect(m.recallElevated ?? 1).toBeGreaterThanOrEqual(0.9);
      expect(m.falseAlertRate ?? 0).toBeLessThanOrEqual(0.1);
    }
    expect(report.pass).toBe(true);
  });

  it('scores a message well under a millisecond on average', () => {
    const start = process.hrtime.bigint();
    for (let round = 0; round < 3; round++) for (const item of items) assessText(item.text);
    const perMessageMs = Number(process.hrtime.bigint() - start) / 1e6 / (3 * items.length);
    expect(perMessageMs).toBeLessThan(1);
  });
});

describe('the development hold-outs (tuned on after their first score: a regression guard, not a hold-out)', () => {
  it.each(devSets)('%s still meets the targets', (name) => {
    const report = evaluate(read(name), (item) => assessText(item.text, { speaker: item.speaker, lang: item.lang }).level);
    expect(report.overall.metrics.underTriagedEmergencies).toEqual([]);
    expect(report.pass).toBe(true);
  });
});
