import { z } from 'zod';
import { detectLang } from './normalize.js';
import { RISK_CATEGORIES, type Lang, type RiskLevel } from './types.js';

export const labelledItemSchema = z.object({
  id: z.string().min(1),
  text: z.string(),
  speaker: z.enum(['participant', 'family']).optional(),
  lang: z.enum(['zh', 'en']).optional(),
  level: z.number().int().min(0).max(4),
  categories: z.array(z.enum(RISK_CATEGORIES)).optional(),
});
export type LabelledItem = z.infer<typeof labelledItemSchema>;

export interface ScoredItem {
  id: string;
  lang: Lang;
  expected: RiskLevel;
  predicted: RiskLevel;
}

export interface Metrics {
  count: number;
  /** confusion[expected][predicted] */
  confusion: number[][];
  /** Share of true level ≥ 3 scored ≥ 3; null when there are none. */
  recallHigh: number | null;
  /** Share of true level ≥ 2 scored ≥ 2; null when there are none. */
  recallElevated: number | null;
  /** True 4 scored ≤ 2: the worst error. */
  underTriagedEmergencies: string[];
  /** Share of true ≤ 1 scored ≥ 2; null when there are none. */
  falseAlertRate: number | null;
  falseAlerts: string[];
  missedHigh: string[];
  missedElevated: string[];
}

export const TARGETS = {
  recallHigh: 0.95,
  recallElevated: 0.9,
  maxUnderTriagedEmergencies: 0,
  maxFalseAlertRate: 0.1,
} as const;

export interface TargetCheck {
  name: 'recall>=3' | 'recall>=2' | 'under-triaged emergencies' | 'false alerts';
  value: number | null;
  target: string;
  pass: boolean;
}

export interface GroupReport {
  metrics: Metrics;
  checks: TargetCheck[];
  pass: boolean;
}

export interface EvaluationReport {
  overall: GroupReport;
  byLang: Partial<Record<Lang, GroupReport>>;
  pass: boolean;
}

const LEVELS = [0, 1, 2, 3, 4] as const;

const ratio = (hit: number, total: number): number | null => (total === 0 ? null : hit / total);

export function computeMetrics(items: readonly ScoredItem[]): Metrics {
  const confusion = LEVELS.map(() => LEVELS.map(() => 0));
  for (const item of items) {
    const row = confusion[item.expected];
    if (row) row[item.predicted] = (row[item.predicted] ?? 0) + 1;
  }
  const high = items.filter((i) => i.expected >= 3);
  const elevated = items.filter((i) => i.expected >= 2);
  const low = items.filter((i) => i.expected <= 1);
  const falseAlerts = low.filter((i) => i.predicted >= 2).map((i) => i.id);
  const missedHigh = high.filter((i) => i.predicted < 3).map((i) => i.id);
  const missedElevated = elevated.filter((i) => i.predicted < 2).map((i) => i.id);
  return {
    count: items.length,
    confusion,
    recallHigh: ratio(high.length - missedHigh.length, high.length),
    recallElevated: ratio(elevated.length - missedElevated.length, elevated.length),
    underTriagedEmergencies: items.filter((i) => i.expected === 4 && i.predicted <= 2).map((i) => i.id),
    falseAlertRate: ratio(falseAlerts.length, low.length),
    falseAlerts,
    missedHigh,
    missedElevated,
  };
}

/** A target with nothing to measure (no true level ≥ 3 in a group, say) holds. */
export function checkTargets(m: Metrics): TargetCheck[] {
  return [
    { name: 'recall>=3', value: m.recallHigh, target: `>= ${TARGETS.recallHigh}`, pass: m.recallHigh === null || m.recallHigh >= TARGETS.recallHigh },
    { name: 'recall>=2', value: m.recallElevated, target: `>= ${TARGETS.recallElevated}`, pass: m.recallElevated === null || m.recallElevated >= TARGETS.recallElevated },
    {
      name: 'under-triaged emergencies',
      value: m.underTriagedEmergencies.length,
      target: `<= ${TARGETS.maxUnderTriagedEmergencies}`,
      pass: m.underTriagedEmergencies.length <= TARGETS.maxUnderTriagedEmergencies,
    },
    { name: 'false alerts', value: m.falseAlertRate, target: `<= ${TARGETS.maxFalseAlertRate}`, pass: m.falseAlertRate === null || m.falseAlertRate <= TARGETS.maxFalseAlertRate },
  ];
}

function group(items: readonly ScoredItem[]): GroupReport {
  const metrics = computeMetrics(items);
  const checks = checkTargets(metrics);
  return { metrics, checks, pass: checks.every((c) => c.pass) };
}

/** Language of an item: its `lang` field, else any CJK character means zh. */
export const itemLang = (item: Pick<LabelledItem, 'lang' | 'text'>): Lang => item.lang ?? detectLang(item.text);

/** Scores every item with `classify` and reports overall and per language; passes only when every group meets the targets. */
export function evaluate(items: readonly LabelledItem[], classify: (item: LabelledItem) => RiskLevel): EvaluationReport {
  const scored: ScoredItem[] = items.map((item) => ({ id: item.id, lang: itemLang(item), expected: item.level as RiskLevel, predicted: classify(item) }));
  const byLang: Partial<Record<Lang, GroupReport>> = {};
  for (const lang of ['zh', 'en'] as const) {
    const subset = scored.filter((s) => s.lang === lang);
    if (subset.length > 0) byLang[lang] = group(subset);
  }
  const overall = group(scored);
  return { overall, byLang, pass: overall.pass && Object.values(byLang).every((g) => g.pass) };
}

const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);

function formatGroup(title: string, g: GroupReport): string {
  const m = g.metrics;
  const lines = [`== ${title} (${m.count} messages) ==`, 'confusion matrix (rows: true level, columns: predicted)', '        ' + LEVELS.map((l) => `p${l}`.padStart(5)).join('')];
  for (const l of LEVELS) lines.push(`  true ${l}` + (m.confusion[l] ?? []).map((n) => String(n).padStart(5)).join(''));
  lines.push(
    `recall >=3: ${pct(m.recallHigh)}   recall >=2: ${pct(m.recallElevated)}   false alerts: ${pct(m.falseAlertRate)} (${m.falseAlerts.length})`,
    `under-triaged emergencies (true 4 scored <=2): ${m.underTriagedEmergencies.length}${m.underTriagedEmergencies.length ? ' — ' + m.underTriagedEmergencies.join(', ') : ''}`,
  );
  if (m.missedHigh.length) lines.push(`missed >=3: ${m.missedHigh.join(', ')}`);
  if (m.missedElevated.length) lines.push(`missed >=2: ${m.missedElevated.join(', ')}`);
  if (m.falseAlerts.length) lines.push(`false alerts: ${m.falseAlerts.join(', ')}`);
  lines.push('targets: ' + g.checks.map((c) => `${c.name} ${c.pass ? 'ok' : 'FAIL'}`).join('; '));
  return lines.join('\n');
}

export function formatReport(report: EvaluationReport): string {
  const parts = Object.entries(report.byLang).map(([lang, g]) => formatGroup(lang, g));
  parts.push(formatGroup('overall', report.overall));
  parts.push(report.pass ? 'RESULT: targets hold' : 'RESULT: targets NOT met');
  return parts.join('\n\n');
}
