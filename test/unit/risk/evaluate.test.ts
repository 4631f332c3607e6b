import { describe, expect, it } from 'vitest';
import { checkTargets, computeMetrics, evaluate, formatReport, itemLang, type LabelledItem, type ScoredItem } from '../../../src/risk/evaluate.js';
import type { RiskLevel } from '../../../src/risk/types.js';

const s = (id: string, expected: RiskLevel, predicted: RiskLevel): ScoredItem => ({ id, lang: 'zh', expected, predicted });

describe('computeMetrics', () => {
  const items = [s('a', 0, 0), s('b', 1, 2), s('c', 2, 2), s('d', 2, 1), s('e', 3, 3), s('f', 3, 2), s('g', 4, 2), s('h', 4, 3), s('i', 1, 1), s('j', 0, 1)];
  const m = computeMetrics(items);

  it('fills the confusion matrix by true row and predicted column', () => {
    expect(m.count).toBe(10);
    expect(m.confusion[4]).toEqual([0, 0, 1, 1, 0]);
    expect(m.confusion[1]).toEqual([0, 1, 1, 0, 0]);
    expect(m.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10);
  });

  it('computes recall at ≥3 and ≥2, under-triage and false alerts', () => {
    expect(m.recallHigh).toBeCloseTo(2 / 4); // e, h of e f g h
    expect(m.recallElevated).toBeCloseTo(5 / 6); // c e f g h of c d e f g h
    expect(m.underTriagedEmergencies).toEqual(['g']);
    expect(m.falseAlertRate).toBeCloseTo(1 / 4); // b of a b i j
    expect(m.falseAlerts).toEqual(['b']);
    expect(m.missedHigh).toEqual(['f', 'g']);
    expect(m.missedElevated).toEqual(['d']);
  });

  it('reports null rates when a group has nothing to measure', () => {
    const empty = computeMetrics([s('x', 0, 0)]);
    expect(empty.recallHigh).toBeNull();
    expect(empty.recallElevated).toBeNull();
    expect(checkTargets(empty).every((c) => c.pass)).toBe(true);
  });
});

describe('checkTargets', () => {
  it('passes at the targets and fails just outside them', () => {
    const perfect = computeMetrics([s('a', 4, 4), s('b', 3, 3), s('c', 2, 2), s('d', 0, 0)]);
    expect(checkTargets(perfect).every((c) => c.pass)).toBe(true);
    const underTriaged = computeMetrics([s('a', 4, 2)]);
    expect(checkTargets(underTriaged).find((c) => c.name === 'under-triaged emergencies')?.pass).toBe(false);
    const noisy = computeMetrics([...Array.from({ length: 9 }, (_, i) => s(`ok${i}`, 0, 0)), s('fa', 1, 2)]);
    expect(checkTargets(noisy).find((c) => c.name === 'false alerts')?.pass).toBe(true); // exactly 10%
    const noisier = computeMetrics([...Array.from({ length: 8 }, (_, i) => s(`ok${i}`, 0, 0)), s('fa1', 1, 2), s('fa2', 0, 3)]);
    expect(checkTargets(noisier).find((c) => c.name === 'false alerts')?.pass).toBe(false);
  });
});

describe('evaluate', () => {
  const items: LabelledItem[] = [
    { id: 'z1', text: '我想死', level: 3 },
    { id: 'z2', text: '你好', level: 0 },
    { id: 'e1', text: 'hello', level: 0 },
    { id: 'e2', text: 'not breathing', level: 4, lang: 'en' },
  ];
  const levels: Record<string, RiskLevel> = { z1: 3, z2: 0, e1: 0, e2: 2 };
  const report = evaluate(items, (item) => levels[item.id] ?? 0);

  it('groups by the lang field or by CJK detection', () => {
    expect(itemLang({ text: '你好' })).toBe('zh');
    expect(itemLang({ text: '你好', lang: 'en' })).toBe('en');
    expect(report.byLang.zh?.metrics.count).toBe(2);
    expect(report.byLang.en?.metrics.count).toBe(2);
    expect(report.overall.metrics.count).toBe(4);
  });

  it('fails when any group misses a target, and names the under-triaged ids', () => {
    expect(report.byLang.zh?.pass).toBe(true);
    expect(report.byLang.en?.pass).toBe(false);
    expect(report.pass).toBe(false);
    const text = formatReport(report);
    expect(text).toContain('confusion matrix');
    expect(text).toContain('e2');
    expect(text).toContain('RESULT: targets NOT met');
  });
});
