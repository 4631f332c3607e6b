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
/** Besides a wish, what makes one sign of settling affairs a plan: a goodbye, a sign-off, means made ready, a relative's alarm. */
const SETTLING_REASONS: readonly RuleTag[] = ['goodbye', 'farewell', 'prep', 'staged', 'alarm'];

/** What, beside medicine taken as a routine, says it was not one: a wish, a goodbye, too much, a symptom, poison, a hoard. */
const NOT_ROUTINE: readonly RuleTag[] = ['ideation', 'goodbye', 'farewell', 'excess', 'symptom', 'lethal', 'hoard', 'staged'];

// Helpers live at module level: closures made per message cost time under tsx (it names each one).
function nearBy(usable: readonly Hit[], anchor: Hit, tag: RuleTag): Hit | undefined {
  return usable.find((h) => h.rule.tags.has(tag) && Math.abs(h.clause - anchor.clause) <= COMBO_CLAUSE_DISTANCE);
}

function finding(id: string, level: RiskLevel, categories: RiskCategory[], parts: (Hit | undefined)[]): Finding {
  return { id, level, categories, phrases: parts.filter((p): p is Hit => p !== undefined).map((p) => p.phrase) };
}

/**
 * "Took all my meds this morning", "他按时吃药了": the day's medicine taken as a routine, with
 * nothing in the message that says otherwise (a count, a wish, a goodbye, too much, a symptom).
 */
function takenAsRoutine(usable: readonly Hit[], a: Analysis): boolean {
  if (!a.routine) return false;
  return !usable.some(
    (h) => (h.rule.tags.has('quantity') && !h.rule.tags.has('daily')) || (h.level >= 1 && h.rule.category !== null) || NOT_ROUTINE.some((t) => h.rule.tags.has(t)),
  );
}

export function combinations(hits: readonly Hit[], a: Analysis): Finding[] {
  const usable = hits.filter((h) => USABLE.has(h.status));
  if (usable.length === 0) return [];
  const findings: Finding[] = [];
  const routine = takenAsRoutine(usable, a);
  for (const act of usable.filter((h) => h.rule.tags.has('act'))) {
    const lethal = nearBy(usable, act, 'lethal');
    // As a routine, the only quantity in the message is the day's medicine (takenAsRoutine): no quantity at all.
    const quantity = routine ? undefined : nearBy(usable, act, 'quantity');
    const excess = nearBy(usable, act, 'excess');
    const pills = nearBy(usable, act, 'pills');
    const drug = nearBy(usable, act, 'drug');
    if (lethal) findings.push(finding('combo:act+lethal', 4, ['suicide', 'overdose'], [act, lethal]));
    if (quantity && (pills ?? drug)) findings.push(finding('combo:act+quantity', 4, pills ? ['overdose', 'suicide'] : ['overdose'], [act, quantity, pills ?? drug]));
    const symptom = nearBy(usable, act, 'symptom');
    if (excess && (pills ?? drug)) findings.push(finding(symptom ? 'combo:act+excess+symptom' : 'combo:act+excess', symptom ? 4 : 3, ['overdose'], [act, excess, pills ?? drug, symptom]));
    const swallowed = nearBy(usable, act, 'swallowed');
    if (swallowed && symptom && (pills ?? drug)) findings.push(finding('combo:swallowed+symptom', 3, ['overdose'], [swallowed, symptom, pills ?? drug]));
    // "已经吃了 一整瓶 好困 然后就不回了": a count swallowed and a symptom, with no medicine named, is an
    // overdose when a relative reports it or the person has stopped answering.
    if (quantity && symptom && !(pills ?? drug) && (a.speaker === 'family' || usable.some((h) => h.rule.tags.has('unreachable'))))
      findings.push(finding('combo:act+quantity+symptom', 4, ['overdose'], [act, quantity, symptom]));
    const hoard = nearBy(usable, act, 'hoard');
    if (hoard && (pills ?? drug)) findings.push(finding('combo:act+hoard', 4, ['overdose', 'suicide'], [act, hoard, pills ?? drug]));
    const intent = usable.find((h) => h.status === 'current' && (h.rule.tags.has('goodbye') || (h.rule.tags.has('ideation') && h.level >= 3)));
    if (intent && (pills ?? drug ?? lethal)) findings.push(finding('combo:intent+act', 4, ['suicide', 'overdose'], [intent, act, pills ?? drug ?? lethal]));
    // A relative writing that the person "has taken pills" is reporting an ingestion.
    if (a.speaker === 'family' && pills && !routine) findings.push(finding('combo:family+act+pills', 3, ['overdose'], [act, pills]));
  }
  for (const prep of usable.filter((h) => h.rule.tags.has('prep'))) {
    const quantity = nearBy(usable, prep, 'quantity');
    const pills = nearBy(usable, prep, 'pills');
    const means = nearBy(usable, prep, 'means') ?? nearBy(usable, prep, 'lethal');
    if (quantity && pills) findings.push(finding('combo:prep+quantity+pills', 3, ['suicide'], [prep, quantity, pills]));
    if (prep.rule.tags.has('hoard') && pills) findings.push(finding('combo:hoard+pills', 3, ['suicide'], [prep, pills]));
    if (means) findings.push(finding('combo:prep+means', 3, ['suicide'], [prep, means]));
  }
  // Means made ready and within reach ("绳子挂好了", "pills laid out"): preparation
  // on its own; with a wish, a goodbye, a method or "now" it is happening today.
  for (const staged of usable.filter((h) => h.rule.tags.has('staged'))) {
    const object = nearBy(usable, staged, 'means') ?? nearBy(usable, staged, 'pills') ?? nearBy(usable, staged, 'lethal');
    if (!object) continue;
    const resolve = usable.find(
      (h) => h !== staged && h.status === 'current' && (h.rule.tags.has('ideation') || h.rule.tags.has('goodbye') || h.rule.tags.has('method') || h.rule.tags.has('farewell')),
    );
    if (resolve || a.imminent) findings.push(finding('combo:staged+intent', 4, ['suicide'], [staged, object, resolve]));
    // "人在天台了" (staged without `prep`) says nothing on its own; pills poured out do.
    else if (staged.rule.tags.has('prep')) findings.push(finding('combo:staged+means', 3, ['suicide'], [staged, object]));
  }
  // Settling affairs (pets given away, passwords handed over, "万一我不在了"): two
  // signs, or one with a wish, a goodbye or a farewell, is preparation.
  const settling = usable.filter((h) => h.rule.tags.has('settling'));
  if (settling.some((h) => h.status === 'current')) {
    const reason = usable.find(
      (h) => h.status === 'current' && !h.rule.tags.has('settling') && (SETTLING_REASONS.some((t) => h.rule.tags.has(t)) || (h.rule.tags.has('ideation') && h.level >= 2)),
    );
    if (new Set(settling.map((h) => h.phrase)).size >= 2 || reason) findings.push(finding('combo:settling', 3, ['suicide'], [...settling, reason]));
  }
  // A goodbye sent and the person now unreachable: happening now. A plain farewell
  // (level 2: "发了告别的消息" may be a move abroad) counts only by water, a height or means.
  const place = usable.find((h) => h.rule.tags.has('means') || h.rule.tags.has('staged') || h.rule.tags.has('pills'));
  const goodbye = usable.find((h) => h.status === 'current' && h.rule.tags.has('goodbye') && (h.level >= 3 || (h.level >= 2 && place)));
  const unreachable = usable.find((h) => h.rule.tags.has('unreachable'));
  if (goodbye && unreachable) findings.push(finding('combo:goodbye+unreachable', 4, ['suicide'], [goodbye, unreachable, place]));
  const wish = usable.find((h) => h.status === 'current' && h.rule.tags.has('ideation') && h.level >= 2);
  const means = usable.find((h) => h.rule.tags.has('means') || h.rule.tags.has('pills') || h.rule.tags.has('lethal'));
  if (wish && means) findings.push(finding('combo:wish+means', 3, ['suicide'], [wish, means]));
  const readiness = usable.find((h) => h.rule.tags.has('prep'));
  if (wish && readiness) findings.push(finding('combo:wish+ready', 3, ['suicide'], [wish, readiness]));
  return findings;
}

function currentLevelOf(category: RiskCategory, hits: readonly Hit[], combos: readonly Finding[]): number {
  let level = 0;
  for (const h of hits) if (h.status === 'current' && h.rule.category === category) level = Math.max(level, h.level);
  for (const c of combos) if (c.categories.includes(category)) level = Math.max(level, c.level);
  return level;
}

/** "今晚", "right now", "已经": a plan or act for today turns high into emergency. */
export function imminence(hits: readonly Hit[], combos: readonly Finding[], a: Analysis): Finding[] {
  if (!a.imminent) return [];
  const out: Finding[] = [];
  for (const category of ['suicide', 'self_harm', 'violence'] as const) {
    const level = currentLevelOf(category, hits, combos);
    if (level >= 3) out.push({ id: `imminent:${category}`, level: 4, categories: [category], phrases: [] });
    else if (level === 2 && category === 'suicide') out.push({ id: `imminent:${category}`, level: 3, categories: [category], phrases: [] });
  }
  return out;
}

