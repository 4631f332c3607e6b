/**
 * The modifier layer: finds lexicon phrases in a normalised message and
 * decides, for each, whether it is denied, quoted, history, about someone
 * else, a joke, a fear or a handled craving, and caps its level accordingly.
 */
import type { CompiledRule, Lexicon, ModifierGroup, Occurring, RuleTag } from './lexicon-loader.js';
import { clauseIndexOf, findSpans, lastBefore, splitClauses, storyAt, type Span, type StoryCue } from './text-structure.js';
import type { RiskCategory, RiskLevel, Speaker, SpeakerOption } from './types.js';

/** Why a phrase counts for less than its lexicon level. */
export type HitStatus = 'current' | 'negated' | 'quoted' | 'past' | 'other' | 'hyperbole' | 'worry' | 'coped' | 'rescheduled' | 'resolved';

export interface Hit extends Span {
  rule: CompiledRule;
  phrase: string;
  clause: number;
  status: HitStatus;
  level: RiskLevel;
}

// ── Thresholds (see shared/PRODUCT.md for the scale) ──────────────────────
/** History of suicide, self-harm, overdose or violence stays on watch; history of use is nothing. */
const PAST_CAP_SERIOUS: RiskLevel = 1;
const PAST_CAP_OTHER: RiskLevel = 0;
/** A participant telling about someone else's wish to die: worth a look, not a crisis for them. */
const OTHER_PERSON_CAP_SUICIDE: RiskLevel = 2;
/** A participant telling that a friend used: watch only. */
const OTHER_PERSON_CAP_SUBSTANCE: RiskLevel = 1;
/** "累得想死😂", "kms lol": a figure of speech, but still watched. */
const HYPERBOLE_CAP: RiskLevel = 1;
/** "怕复吸", "担心他又去找上家": a fear, not an event. */
const WORRY_CAP: RiskLevel = 1;
/** A craving or offer the person handled ("有点想, 忍住了", "上家找我, 没理他") is PRODUCT.md's "mild craving handled". */
const COPING_CAP: RiskLevel = 1;
/** "尿检能不能改天": asking to move a test is not dropping out. */
const RESCHEDULE_CAP: RiskLevel = 1;
/** "送医院了，现在没事了": an overdose that is over still needs a caseworker, not an ambulance. */
const RESOLVED_CAP: RiskLevel = 2;
/** A media cue ("电视上") colours its own clause and this many after it. */
const MEDIA_CARRY_CLAUSES = 1;

const SERIOUS = new Set<RiskCategory>(['suicide', 'self_harm', 'overdose', 'violence']);
const OTHER_PERSON_SUICIDE = new Set<RiskCategory>(['suicide', 'self_harm']);
const OTHER_PERSON_SUBSTANCE = new Set<RiskCategory>(['relapse', 'craving']);
const HYPERBOLE_CATEGORIES = new Set<RiskCategory>(['suicide', 'self_harm', 'violence']);
const WORRY_CATEGORIES = new Set<RiskCategory>(['relapse', 'craving', 'acquiring', 'dropout']);
const REVIVABLE = new Set<RiskCategory>(['suicide', 'self_harm']);

const anchoredCache = new WeakMap<RegExp, RegExp>();
/** A non-global copy for `.test` on a prefix or suffix (global regexes keep state). */
function anchored(regex: RegExp): RegExp {
  let copy = anchoredCache.get(regex);
  if (!copy) {
    copy = new RegExp(regex.source, 'u');
    anchoredCache.set(regex, copy);
  }
  return copy;
}

export interface Analysis {
  text: string;
  /** Modifier groups that may occur in `text` (the others need not be tried). */
  modifiers: ReadonlySet<ModifierGroup>;
  clauses: Span[];
  speaker: Speaker;
  story: StoryCue[];
  media: Span[];
  quoteExits: Span[];
  subjects: (Span & { other: boolean })[];
  hyperbole: Span[];
  imminent: boolean;
  coping: boolean;
  resolved: boolean;
  reschedule: boolean;
  /** Daily medicine taken as a routine ("this morning", "按时"): see combinations.ts. */
  routine: boolean;
}

/** "以前天天" holds "前天": a cue that starts inside an earlier one is not a cue. */
function withoutOverlaps<T extends Span>(spans: T[]): T[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const s of sorted) if (kept.length === 0 || s.start >= (kept.at(-1)?.end ?? 0)) kept.push(s);
  return kept;
}

export function inferSpeaker(lex: Lexicon, masked: string, occurring: Occurring, speakerOption: SpeakerOption | undefined): Speaker {
  if (speakerOption === 'family') return 'family';
  if (speakerOption === 'participant') return 'self';
  return occurs(lex, 'family_subject', masked, occurring.modifiers) ? 'family' : 'self';
}

/** Every match of a modifier group, or none without running it when the gate says it cannot occur. */
export function modifierSpans(lex: Lexicon, group: ModifierGroup, text: string, occurring: Occurring): Span[] {
  return occurring.modifiers.has(group) ? findSpans(lex.modifiers[group], text) : [];
}

/** Whether a modifier group matches `text`, a message or a part of one whose gate let `groups` through. */
export function occurs(lex: Lexicon, group: ModifierGroup, text: string, groups: ReadonlySet<ModifierGroup>): boolean {
  return groups.has(group) && anchored(lex.modifiers[group]).test(text);
}

/** "朋友家", "他那里": a place, not the subject of what follows ("在朋友家嗨了一下"). */
const PLACE_AFTER = /^(?:家|那里|那儿|那边|这里|这边)/;

/** "跟朋友", "with my friend", "找他": a companion or object, not the subject of what follows. */
const COMPANION_BEFORE = /(?:[跟和与同陪给叫找约问帮].{0,3}|\bwith (?:my |a |some |an )?|\bfor |\bto )$/;

/**
 * `inNormalised` and `inMasked` are what the gate found in each form of the
 * message: history, current and hyperbole cues are read in the normalised
 * text (a benign phrase can hold one), the rest in the masked text.
 */
export function analyse(lex: Lexicon, normalised: string, masked: string, speaker: Speaker, inNormalised: Occurring, inMasked: Occurring): Analysis {
  const story: StoryCue[] = [];
  for (const s of modifierSpans(lex, 'history', normalised, inNormalised)) story.push({ start: s.start, end: s.end, kind: 'history' });
  for (const s of modifierSpans(lex, 'current', normalised, inNormalised)) story.push({ start: s.start, end: s.end, kind: 'current' });
  const subjects: (Span & { other: boolean })[] = [];
  for (const s of modifierSpans(lex, 'other_person', masked, inMasked)) {
    const companion = COMPANION_BEFORE.test(masked.slice(Math.max(0, s.start - 5), s.start));
    if (!companion && !PLACE_AFTER.test(masked.slice(s.end, s.end + 2))) subjects.push({ start: s.start, end: s.end, other: true });
  }
  for (const s of modifierSpans(lex, 'first_person', masked, inMasked)) subjects.push({ start: s.start, end: s.end, other: false });
  return {
    text: masked,
    modifiers: inMasked.modifiers,
    clauses: splitClauses(masked),
    speaker,
    story: withoutOverlaps(story),
    media: modifierSpans(lex, 'media', masked, inMasked),
    quoteExits: modifierSpans(lex, 'quote_exit', masked, inMasked),
    subjects: subjects.sort((a, b) => a.start - b.start || b.end - a.end),
    hyperbole: modifierSpans(lex, 'hyperbole', normalised, inNormalised),
    imminent: occurs(lex, 'imminence', masked, inMasked.modifiers),
    coping: occurs(lex, 'coping', masked, inMasked.modifiers),
    resolved: occurs(lex, 'resolved', masked, inMasked.modifiers),
    reschedule: occurs(lex, 'reschedule', masked, inMasked.modifiers),
    routine: occurs(lex, 'routine', masked, inMasked.modifiers),
  };
}

/** Every rule match in `text` (the masked message), among the rules the gate let through. */
export function findHits(lex: Lexicon, text: string, occurring: Occurring, speaker: Speaker): Hit[] {
  const hits: Hit[] = [];
  let needsTags = false;
  for (const index of occurring.rules) {
    const rule = lex.rules[index];
    if (!rule || (rule.familyOnly && speaker !== 'family')) continue;
    for (const span of findSpans(rule.regex, text, rule.wordStart)) {
      hits.push({ start: span.start, end: span.end, rule, phrase: text.slice(span.start, span.end).trim(), clause: 0, status: 'current', level: rule.level });
      needsTags ||= rule.requires.length > 0;
    }
  }
  if (!needsTags) return hits;
  const present = new Set<RuleTag>();
  for (const h of hits) for (const tag of h.rule.tags) present.add(tag);
  return hits.filter((h) => h.rule.requires.length === 0 || h.rule.requires.some((t) => present.has(t)));
}

/** "自杀？不会的" (a question answered no) or "自杀的人真傻，我才不会" (a short self-denial next). */
function deniedInReply(lex: Lexicon, a: Analysis, hit: Hit): boolean {
  const clause = a.clauses[hit.clause];
  const next = a.clauses[hit.clause + 1];
  if (!clause || !next) return false;
  const nextText = a.text.slice(next.start, next.end);
  if (occurs(lex, 'negation_next', nextText, a.modifiers)) return true;
  return a.text.slice(clause.start, clause.end).trimEnd().endsWith('?') && occurs(lex, 'negation_reply', nextText, a.modifiers);
}

function isQuoted(a: Analysis, hit: Hit): boolean {
  // A cue inside the phrase counts too ("昨晚梦到自己又吸了").
  const cue = lastBefore(a.media, hit.end);
  if (!cue) return false;
  const cueClause = clauseIndexOf(a.clauses, cue.start);
  if (hit.clause - cueClause > MEDIA_CARRY_CLAUSES) return false;
  const exited = a.quoteExits.some((e) => e.start >= cue.end && e.start < hit.end);
  const speakerInLaterClause = a.subjects.some((s) => !s.other && s.start < hit.end && clauseIndexOf(a.clauses, s.start) > cueClause);
  return !exited && !speakerInLaterClause;
}

function isAboutSomeoneElse(a: Analysis, hit: Hit): boolean {
  // A phrase that opens with the writer as its subject ("i used on friday") is theirs, whoever an earlier sentence was about.
  if (a.subjects.some((s) => s.start === hit.start && !s.other)) return false;
  return lastBefore(a.subjects, hit.start)?.other === true;
}

function hasHyperbole(a: Analysis, hit: Hit): boolean {
  const lastClause = a.clauses.length - 1;
  return a.hyperbole.some((h) => {
    const c = clauseIndexOf(a.clauses, h.start);
    return c === hit.clause || c === lastClause;
  });
}

export function classifyHit(lex: Lexicon, a: Analysis, hit: Hit): HitStatus {
  const { rule } = hit;
  const clause = a.clauses[hit.clause] ?? { start: 0, end: a.text.length };
  const prefix = a.text.slice(clause.start, hit.start);
  const suffix = a.text.slice(hit.end, clause.end);
  const m = a.modifiers;
  if (rule.negatable && (occurs(lex, 'negation_before', prefix, m) || occurs(lex, 'negation_after', suffix, m) || deniedInReply(lex, a, hit))) return 'negated';
  // A relative reporting what the person keeps saying ("他总说'活着没劲'") reports a sign, not a saying.
  if (!(rule.familyOnly && rule.tags.has('ideation')) && isQuoted(a, hit)) return 'quoted';
  if (storyAt(a.story, a.clauses, hit.clause, hit) === 'history') return 'past';
  const category = rule.category;
  if (category === null || rule.level === 0) return 'current';
  const emergency = rule.tags.has('emergency');
  if (a.speaker === 'self' && !emergency && (OTHER_PERSON_SUICIDE.has(category) || OTHER_PERSON_SUBSTANCE.has(category)) && isAboutSomeoneElse(a, hit)) return 'other';
  if (!emergency && !rule.tags.has('method') && HYPERBOLE_CATEGORIES.has(category) && hasHyperbole(a, hit)) return 'hyperbole';
  if (WORRY_CATEGORIES.has(category) && occurs(lex, 'worry_before', prefix, m)) return 'worry';
  // A way back to supply kept open (the number not deleted, "not yet") is not undone by a refusal beside it.
  if ((category === 'craving' || category === 'acquiring') && a.coping && !rule.tags.has('kept_open')) return 'coped';
  if (category === 'dropout' && a.reschedule) return 'rescheduled';
  if (category === 'overdose' && a.resolved) return 'resolved';
  return 'current';
}

/** The most a phrase can count for, given why it was softened. */
function capFor(status: HitStatus, category: RiskCategory | null): RiskLevel {
  switch (status) {
    case 'current':
      return 4;
    case 'negated':
    case 'quoted':
      return 0;
    case 'past':
      return category !== null && SERIOUS.has(category) ? PAST_CAP_SERIOUS : PAST_CAP_OTHER;
    case 'other':
      return category !== null && OTHER_PERSON_SUICIDE.has(category) ? OTHER_PERSON_CAP_SUICIDE : OTHER_PERSON_CAP_SUBSTANCE;
    case 'hyperbole':
      return HYPERBOLE_CAP;
    case 'worry':
      return WORRY_CAP;
    case 'coped':
      return COPING_CAP;
    case 'rescheduled':
      return RESCHEDULE_CAP;
    case 'resolved':
      return RESOLVED_CAP;
  }
}

export function cappedLevel(hit: Hit): RiskLevel {
  return Math.min(hit.rule.level, capFor(hit.status, hit.rule.category)) as RiskLevel;
}

/** "我又有那种想法了" after "以前想过自杀": the earlier phrase is current again. */
export function revive(hits: Hit[]): void {
  if (!hits.some((h) => h.status === 'current' && h.rule.tags.has('revive'))) return;
  for (const h of hits) {
    if ((h.status === 'past' || h.status === 'quoted') && h.rule.category !== null && REVIVABLE.has(h.rule.category)) h.status = 'current';
  }
}

