import { describe, expect, it } from 'vitest';
import { combineRisk, raiseOnly } from '../../../src/risk/combine.js';
import type { RiskResult } from '../../../src/risk/types.js';

function result(partial: Partial<RiskResult>): RiskResult {
  return {
    level: 0,
    categories: [],
    speaker: 'self',
    timeFrame: 'current',
    evidence: { phrases: [], rules: [], signals: [] },
    source: 'rules',
    ...partial,
  };
}

const rules = result({ level: 2, categories: ['relapse'], evidence: { phrases: ['又溜了'], rules: ['zh.relapse.use'], signals: [] } });
const signals = result({ level: 3, categories: ['distress', 'craving'], evidence: { phrases: [], rules: [], signals: ['checkin.craving=9'] }, source: 'signals' });

describe('combineRisk', () => {
  it('takes the highest level, every category in canonical order, all evidence and joined sources', () => {
    const c = combineRisk(rules, signals);
    expect(c.level).toBe(3);
    expect(c.categories).toEqual(['relapse', 'craving', 'distress']);
    expect(c.evidence).toEqual({ phrases: ['又溜了'], rules: ['zh.relapse.use'], signals: ['checkin.craving=9'] });
    expect(c.source).toBe('rules+signals');
  });

  it('removes duplicates and keeps a family speaker', () => {
    const c = combineRisk(rules, { ...rules, speaker: 'family' }, rules);
    expect(c.evidence.phrases).toEqual(['又溜了']);
    expect(c.source).toBe('rules');
    expect(c.speaker).toBe('family');
  });

  it('is level 0 with no categories when nothing is risky, and handles no input', () => {
    expect(combineRisk(result({}), result({ source: 'signals' }))).toMatchObject({ level: 0, categories: [], source: 'rules+signals' });
    expect(combineRisk()).toMatchObject({ level: 0, source: 'none' });
  });

  it('is current when any contributing result is current', () => {
    expect(combineRisk(result({ level: 1, timeFrame: 'past' }), result({ level: 2 })).timeFrame).toBe('current');
    expect(combineRisk(result({ level: 1, timeFrame: 'past' })).timeFrame).toBe('past');
  });
});

describe('raiseOnly', () => {
  const model = (level: RiskResult['level']): RiskResult =>
    result({ level, categories: level > 0 ? ['suicide'] : [], evidence: { phrases: [], rules: [], signals: [], rationale: 'model says so' }, source: 'model' });

  it('lets a later assessor raise the level', () => {
    const r = raiseOnly(rules, model(3));
    expect(r.level).toBe(3);
    expect(r.categories).toEqual(['suicide', 'relapse']);
    expect(r.source).toBe('rules+model');
    expect(r.evidence.rationale).toBe('model says so');
  });

  it('never lowers: level and categories stay, the rationale and source are recorded', () => {
    const r = raiseOnly(rules, model(0));
    expect(r.level).toBe(2);
    expect(r.categories).toEqual(['relapse']);
    expect(r.source).toBe('rules+model');
    expect(r.evidence.rationale).toBe('model says so');
    expect(raiseOnly(rules, model(2)).categories).toEqual(['relapse']);
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify(rules);
    raiseOnly(rules, model(4));
    raiseOnly(rules, model(0));
    expect(JSON.stringify(rules)).toBe(before);
  });
});
