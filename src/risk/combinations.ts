/**
 * Combinations: phrases that mean more together than apart (swallowed + a
 * whole bottle + pills; a wish to die + a rope), and imminence ("今晚",
 * "right now") that turns high risk into an emergency.
 */
import type { RuleTag } from './lexicon-loader.js';
import type { Analysis, Hit, HitStatus } from './hit-context.js';
import type { RiskCategory, RiskLevel } from './types.js';

export interface Finding {
  id: string;
  level: RiskLevel;
  categories: RiskCategory[];
  phrases: string[];
}

/** Combo parts (act + quantity + pills) must sit within this many clauses of each other (WeChat fragments are short clauses). */
const COMBO_CLAUSE_DISTANCE = 2;

const USABLE: ReadonlySet<HitStatus> = new Set(['current', 'other']);

export function combinations(hits: readonly Hit[], a: Analysis): Finding[] {
  const usable = hits.filter((h) => USABLE.has(h.status));
  const near = (anchor: Hit, tag: RuleTag): Hit | undefined =>
    usable.find((h) => h.rule.tags.has(tag) && Math.abs(h.clause - anchor.clause) <= COMBO_CLAUSE_DISTANCE);
  const findings: Finding[] = [];
  const add = (id: string, level: RiskLevel, categories: RiskCategory[], parts: (Hit | undefined)[]): void => {
    findings.push({ id, level, categories, phrases: parts.filter((p): p is Hit => p !== undefined).map((p) => p.phrase) });
  };
  for (const act of usable.filter((h) => h.rule.tags.has('act'))) {
    const lethal = near(act, 'lethal');
    const quantity = near(act, 'quantity');
    const excess = near(act, 'excess');
    const pills = near(act, 'pills');
    const drug = near(act, 'drug');
    if (lethal) add('combo:act+lethal', 4, ['suicide', 'overdose'], [act, lethal]);
    if (quantity && (pills ?? drug)) add('combo:act+quantity', 4, pills ? ['overdose', 'suicide'] : ['overdose'], [act, quantity, pills ?? drug]);
    const symptom = near(act, 'symptom');
    if (excess && (pills ?? drug)) add(symptom ? 'combo:act+excess+symptom' : 'combo:act+excess', symptom ? 4 : 3, ['overdose'], [act, excess, pills ?? drug, symptom]);
    const swallowed = near(act, 'swallowed');
    if (swallowed && symptom && (pills ?? drug)) add('combo:swallowed+symptom', 3, ['overdose'], [swallowed, symptom, pills ?? drug]);
    const hoard = near(act, 'hoard');
    if (hoard && (pills ?? drug)) add('combo:act+hoard', 4, ['overdose', 'suicide'], [act, hoard, pills ?? drug]);
    const intent = usable.find((h) => h.status === 'current' && (h.rule.tags.has('goodbye') || (h.rule.tags.has('ideation') && h.level >= 3)));
    if (intent && (pills ?? drug ?? lethal)) add('combo:intent+act', 4, ['suicide', 'overdose'], [intent, act, pills ?? drug ?? lethal]);
    // A relative writing that the person "has taken pills" is reporting an ingestion.
    if (a.speaker === 'family' && pills) add('combo:family+act+pills', 3, ['overdose'], [act, pills]);
  }
  for (const prep of usable.filter((h) => h.rule.tags.has('prep'))) {
    const quantity = near(prep, 'quantity');
    const pills = near(prep, 'pills');
    const means = near(prep, 'means') ?? near(prep, 'lethal');
    if (quantity && pills) add('combo:prep+quantity+pills', 3, ['suicide'], [prep, quantity, pills]);
    if (prep.rule.tags.has('hoard') && pills) add('combo:hoard+pills', 3, ['suicide'], [prep, pills]);
    if (means) add('combo:prep+means', 3, ['suicide'], [prep, means]);
  }
  // Means made ready and within reach ("绳子挂好了", "pills laid out"): preparation
  // on its own; with a wish, a goodbye, a method or "now" it is happening today.
  for (const staged of usable.filter((h) => h.rule.tags.has('staged'))) {
    const object = near(staged, 'means') ?? near(staged, 'pills') ?? near(staged, 'lethal');
    if (!object) continue;
    const resolve = usable.find(
      (h) => h !== staged && h.status === 'current' && (h.rule.tags.has('ideation') || h.rule.tags.has('goodbye') || h.rule.tags.has('method') || h.rule.tags.has('farewell')),
    );
    if (resolve || a.imminent) add('combo:staged+intent', 4, ['suicide'], [staged, object, resolve]);
    // "人在天台了" (staged without `prep`) says nothing on its own; pills poured out do.
    else if (staged.rule.tags.has('prep')) add('combo:staged+means', 3, ['suicide'], [staged, object]);
  }
  const wish = usable.find((h) => h.status === 'current' && h.rule.tags.has('ideation') && h.level >= 2);
  const means = usable.find((h) => h.rule.tags.has('means') || h.rule.tags.has('pills') || h.rule.tags.has('lethal'));
  if (wish && means) add('combo:wish+means', 3, ['suicide'], [wish, means]);
  const readiness = usable.find((h) => h.rule.tags.has('prep'));
  if (wish && readiness) add('combo:wish+ready', 3, ['suicide'], [wish, readiness]);
  return findings;
}

/** "今晚", "right now", "已经": a plan or act for today turns high into emergency. */
export function imminence(hits: readonly Hit[], combos: readonly Finding[], a: Analysis): Finding[] {
  if (!a.imminent) return [];
  const levelOf = (category: RiskCategory): number =>
    Math.max(0, ...hits.filter((h) => h.status === 'current' && h.rule.category === category).map((h) => h.level), ...combos.filter((c) => c.categories.includes(category)).map((c) => c.level));
  const out: Finding[] = [];
  for (const category of ['suicide', 'self_harm', 'violence'] as const) {
    const level = levelOf(category);
    if (level >= 3) out.push({ id: `imminent:${category}`, level: 4, categories: [category], phrases: [] });
    else if (level === 2 && category === 'suicide') out.push({ id: `imminent:${category}`, level: 3, categories: [category], phrases: [] });
  }
  return out;
}

