import { RISK_CATEGORIES, type RiskCategory, type RiskEvidence, type RiskLevel, type RiskResult } from './types.js';

const unique = <T>(items: Iterable<T>): T[] => [...new Set(items)];

function orderedCategories(categories: Iterable<RiskCategory>): RiskCategory[] {
  const set = new Set(categories);
  return RISK_CATEGORIES.filter((c) => set.has(c));
}

function mergeEvidence(results: readonly RiskResult[]): RiskEvidence {
  const rationale = results.map((r) => r.evidence.rationale).filter((r): r is string => typeof r === 'string' && r.length > 0);
  return {
    phrases: unique(results.flatMap((r) => r.evidence.phrases)),
    rules: unique(results.flatMap((r) => r.evidence.rules)),
    signals: unique(results.flatMap((r) => r.evidence.signals)),
    ...(rationale.length > 0 ? { rationale: rationale.join('\n') } : {}),
  };
}

function joinSources(results: readonly RiskResult[]): string {
  return unique(results.flatMap((r) => r.source.split('+')).filter((s) => s.length > 0)).join('+');
}

/**
 * Merges assessments of the same message: the highest level, every category,
 * all evidence, sources joined with '+'. Family speaker wins (a relative's
 * report stays a relative's report); the time frame is current if any is.
 */
export function combineRisk(...results: RiskResult[]): RiskResult {
  if (results.length === 0) {
    return { level: 0, categories: [], speaker: 'self', timeFrame: 'current', evidence: { phrases: [], rules: [], signals: [] }, source: 'none' };
  }
  const level = Math.max(...results.map((r) => r.level)) as RiskLevel;
  return {
    level,
    categories: level === 0 ? [] : orderedCategories(results.filter((r) => r.level > 0).flatMap((r) => r.categories)),
    speaker: results.some((r) => r.speaker === 'family') ? 'family' : 'self',
    timeFrame: results.some((r) => r.timeFrame === 'current' && r.level > 0) || results.every((r) => r.timeFrame === 'current') ? 'current' : 'past',
    evidence: mergeEvidence(results),
    source: joinSources(results),
  };
}

/**
 * Lets a later assessor (a model) raise the level but never lower it. A
 * proposal at or below the base level adds only its rationale and source, so
 * the record shows the model was consulted; the base's level, categories and
 * time frame stand.
 */
export function raiseOnly(base: RiskResult, proposed: RiskResult): RiskResult {
  if (proposed.level > base.level) return combineRisk(base, proposed);
  const rationale = [base.evidence.rationale, proposed.evidence.rationale].filter((r): r is string => typeof r === 'string' && r.length > 0);
  return {
    ...base,
    categories: [...base.categories],
    evidence: { ...base.evidence, ...(rationale.length > 0 ? { rationale: rationale.join('\n') } : {}) },
    source: joinSources([base, proposed]),
  };
}
