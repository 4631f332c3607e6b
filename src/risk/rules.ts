import { combinations, imminence, type Finding } from './combinations.js';
import { analyse, cappedLevel, classifyHit, findHits, inferSpeaker, modifierSpans, occurs, revive } from './hit-context.js';
import { getLexicon, type Lexicon } from './lexicon-loader.js';
import { normalizeText } from './normalize.js';
import { blankOut, clauseIndexOf } from './text-structure.js';
import type { Lang, RiskCategory, RiskLevel, RiskResult, Speaker, SpeakerOption } from './types.js';
import { RISK_CATEGORIES } from './types.js';

export interface AssessRulesOptions {
  speaker?: SpeakerOption;
  /** Accepted for symmetry with the CLI; matching always runs zh and en because messages mix them. */
  lang?: Lang;
}

/**
 * The rules' result and what they noticed about the message, for a later
 * layer (the learned classifier's guard) that must not second-guess them.
 */
export interface RulesReading {
  result: RiskResult;
  /** The message as the rules read it (traditional folded, regional words rewritten). */
  normalised: string;
  /** A matched phrase was discounted as negated, quoted, history, someone else's, a joke, a fear, handled… */
  softened: boolean;
  /** A figure-of-speech cue ("累死了😂", "lol") anywhere in the message. */
  hyperbole: boolean;
  /** The rules scored nothing and the message says a risk has stopped or has an ordinary explanation ("我已经不碰了", "不过她一直在健身"). */
  reassured: boolean;
}

function sortCategories(categories: Iterable<RiskCategory>): RiskCategory[] {
  const set = new Set(categories);
  return RISK_CATEGORIES.filter((c) => set.has(c));
}

function noRisk(speaker: Speaker): RiskResult {
  return { level: 0, categories: [], speaker, timeFrame: 'current', evidence: { phrases: [], rules: [], signals: [] }, source: 'rules' };
}

/** Scores one message with the curated lexicons only. Pure and fast (no I/O after the first load). */
export function assessRules(text: string, opts: AssessRulesOptions = {}, lexicon: Lexicon = getLexicon()): RiskResult {
  return readRules(text, opts, lexicon).result;
}

/** assessRules, with what the rules noticed along the way (see RulesReading). */
export function readRules(text: string, opts: AssessRulesOptions = {}, lexicon: Lexicon = getLexicon()): RulesReading {
  const normalised = normalizeText(text, lexicon.traditional, lexicon.traditionalChars, lexicon.synonyms);
  const inNormalised = lexicon.gate.open(normalised);
  const hyperbole = occurs(lexicon, 'hyperbole', normalised, inNormalised.modifiers);
  const benign = modifierSpans(lexicon, 'benign', normalised, inNormalised);
  const masked = blankOut(normalised, benign);
  // Blanking can only remove phrases, but a literal with a space could straddle the blank: read the masked text again.
  const inMasked = benign.length === 0 ? inNormalised : lexicon.gate.open(masked);
  const speaker = inferSpeaker(lexicon, masked, inMasked, opts.speaker);
  const hits = findHits(lexicon, masked, inMasked, speaker);
  // Risk words the rules read as ordinary (benign: a knife in a kitchen task, charcoal for a grill) explain the message as much as a reassurance does.
  const reassured = (level: number): boolean => level === 0 && (benign.length > 0 || occurs(lexicon, 'reassurance', normalised, inNormalised.modifiers));
  if (hits.length === 0) return { result: noRisk(speaker), normalised, softened: false, hyperbole, reassured: reassured(0) };
  const a = analyse(lexicon, normalised, masked, speaker, inNormalised, inMasked);
  for (const h of hits) h.clause = clauseIndexOf(a.clauses, h.start);
  for (const h of hits) h.status = classifyHit(lexicon, a, h);
  revive(hits);
  for (const h of hits) h.level = cappedLevel(h);

  const combos = combinations(hits, a);
  const findings: Finding[] = [...combos, ...imminence(hits, combos, a)];
  const contributing = hits.filter((h) => h.level >= 1 && h.rule.category !== null);
  let level = 0;
  const categories: RiskCategory[] = [];
  const phrases: string[] = [];
  const rules: string[] = [];
  for (const h of contributing) {
    level = Math.max(level, h.level);
    if (h.rule.category) categories.push(h.rule.category);
    phrases.push(h.phrase);
    rules.push(h.status === 'current' ? h.rule.id : `${h.status}:${h.rule.id}`);
  }
  for (const f of findings) {
    level = Math.max(level, f.level);
    categories.push(...f.categories);
    phrases.push(...f.phrases);
    rules.push(f.id);
  }
  for (const h of hits) if (h.rule.level >= 1 && h.level === 0) rules.push(`${h.status}:${h.rule.id}`);

  const hasCurrent = contributing.some((h) => h.status !== 'past') || findings.length > 0;
  const hasPast = hits.some((h) => h.status === 'past' && h.rule.level >= 1);
  const result: RiskResult = {
    level: level as RiskLevel,
    categories: level === 0 ? [] : sortCategories(categories),
    speaker: a.speaker,
    timeFrame: !hasCurrent && hasPast ? 'past' : 'current',
    evidence: { phrases: [...new Set(phrases)], rules: [...new Set(rules)], signals: [] },
    source: 'rules',
  };
  const softened = hits.some((h) => h.status !== 'current' && h.rule.level >= 1);
  return { result, normalised, softened, hyperbole, reassured: reassured(result.level) };
}
