import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { LexiconGate, type MayOccur } from './lexicon-gate.js';
import { normalizeText, type Synonyms, type TraditionalMap } from './normalize.js';
import { RISK_CATEGORIES, type Lang, type RiskCategory, type RiskLevel } from './types.js';

/** How a rule combines with others (documented in lexicons/suicide.yaml). */
export const RULE_TAGS = [
  'ideation',
  'method',
  'means',
  'pills',
  'lethal',
  'quantity',
  'excess',
  'prep',
  'hoard',
  'act',
  'swallowed',
  'symptom',
  'goodbye',
  'emergency',
  'revive',
  'drug',
  'staged',
  'farewell',
  'settling',
  'unreachable',
  'kept_open',
  'alarm',
  'daily',
] as const;
export type RuleTag = (typeof RULE_TAGS)[number];

const ruleSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['zh', 'en']),
    category: z.enum(RISK_CATEGORIES).nullable(),
    level: z.number().int().min(0).max(4),
    tags: z.array(z.enum(RULE_TAGS)).default([]),
    requires: z.array(z.enum(RULE_TAGS)).default([]),
    terms: z.array(z.string().min(1)).default([]),
    patterns: z.array(z.string().min(1)).default([]),
    negatable: z.boolean().default(true),
    speaker: z.literal('family').optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((r) => r.terms.length + r.patterns.length > 0, { message: 'a rule needs terms or patterns' });

const ruleFileSchema = z.object({ rules: z.array(ruleSchema).min(1) }).strict();

const cueListSchema = z.object({ zh: z.array(z.string().min(1)), en: z.array(z.string().min(1)) }).strict();

export const MODIFIER_GROUPS = [
  'negation_before',
  'negation_after',
  'negation_reply',
  'negation_next',
  'worry_before',
  'history',
  'current',
  'media',
  'quote_exit',
  'other_person',
  'first_person',
  'hyperbole',
  'imminence',
  'coping',
  'resolved',
  'reschedule',
  'family_subject',
  'benign',
  'reassurance',
  'routine',
] as const;
export type ModifierGroup = (typeof MODIFIER_GROUPS)[number];

/** The rules and modifier groups that may occur in a text. */
export type Occurring = MayOccur<ModifierGroup>;

const modifiersSchema = z.object(Object.fromEntries(MODIFIER_GROUPS.map((g) => [g, cueListSchema])) as Record<ModifierGroup, typeof cueListSchema>).strict();

const pairSchema = z.string().regex(/^.{2}$/u, 'each pair is two characters');
const traditionalSchema = z
  .object({
    pairs: z.array(pairSchema),
    /** A machine-generated table: pairs separated by whitespace (one string parses far faster than thousands of list items). */
    generated: z.string().optional(),
  })
  .strict();

const synonymsSchema = z.object({ synonyms: z.record(z.string().min(1), z.string().min(1)) }).strict();

/** Groups whose entries carry their own ^ / $ anchors: never wrapped in word boundaries. */
const ANCHORED_GROUPS: ReadonlySet<ModifierGroup> = new Set(['negation_before', 'negation_after', 'negation_reply', 'negation_next', 'worry_before']);

export interface CompiledRule {
  id: string;
  lang: Lang;
  /** True when a match must also start at a word boundary (English). */
  wordStart: boolean;
  category: RiskCategory | null;
  level: RiskLevel;
  tags: ReadonlySet<RuleTag>;
  requires: readonly RuleTag[];
  negatable: boolean;
  familyOnly: boolean;
  regex: RegExp;
}

export type CompiledModifiers = Record<ModifierGroup, RegExp>;

export interface Lexicon {
  rules: readonly CompiledRule[];
  /** Which rules (by index) and modifier groups could match a text: the others' regexes are not run. */
  gate: LexiconGate<ModifierGroup>;
  modifiers: CompiledModifiers;
  traditional: TraditionalMap;
  /** Matches any character that `traditional` maps, so normalising skips the rest quickly. */
  traditionalChars: RegExp;
  synonyms: Synonyms;
}

export class LexiconError extends Error {
  override name = 'LexiconError';
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\/]/g;
const escapeRegExp = (s: string): string => s.replace(REGEX_SPECIAL, '\\$&');

/**
 * English entries match whole words only ("ice" not in "police"). The start
 * boundary is checked by `findSpans` (see text-structure.ts), not by a
 * look-behind, which would stop V8 from scanning quickly for a first letter.
 */
const wrapEnglish = (alternation: string): string => `(?:${alternation})(?![a-z0-9])`;

/**
 * An English apostrophe in n't, 'm, 's and 've (in a term or a pattern) may be left out, as people type quickly or in a second
 * language ("dont", "im", "hes", "ive"). Not in 'll, 're or 'd, where dropping it makes another word
 * (ill, hell, were, shed).
 */
const optionalApostrophes = (escaped: string): string => escaped.replace(/'(?=(?:t|m|s|ve)(?![a-z]))/g, "'?");

function compile(source: string, where: string): RegExp {
  try {
    return new RegExp(source, 'gu');
  } catch (err) {
    throw new LexiconError(`${where}: invalid pattern: ${(err as Error).message}`);
  }
}

function alternation(terms: readonly string[], patterns: readonly string[], traditional: TraditionalMap, where: string): string {
  const literal = terms.map((t) => normalizeText(t, traditional));
  for (const [i, t] of literal.entries()) if (t.length === 0) throw new LexiconError(`${where}: term ${i} is empty after normalising`);
  // Longest first, so the most specific phrase is the one reported.
  const escaped = [...new Set(literal)].sort((a, b) => b.length - a.length).map((t) => optionalApostrophes(escapeRegExp(t)));
  for (const p of patterns) compile(p, `${where}: pattern ${JSON.stringify(p)}`);
  return [...escaped, ...patterns.map((p) => `(?:${optionalApostrophes(p)})`)].join('|');
}

function readYaml(file: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'), { uniqueKeys: true });
  } catch (err) {
    throw new LexiconError(`${path.basename(file)}: ${(err as Error).message}`);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new LexiconError(`${path.basename(file)}: ${issues}`);
  }
  return parsed.data;
}

function loadTraditional(file: string): TraditionalMap {
  const { pairs, generated } = validate(traditionalSchema, readYaml(file), file);
  const extra = (generated ?? '').split(/\s+/).filter((p) => p.length > 0);
  const bad = extra.find((p) => !pairSchema.safeParse(p).success);
  if (bad !== undefined) throw new LexiconError(`${path.basename(file)}: generated: ${JSON.stringify(bad)} is not two characters`);
  const map = new Map<string, string>();
  // The curated pairs win over the generated table.
  for (const pair of [...extra, ...pairs]) {
    const [from, to] = [...pair] as [string, string];
    if (from !== to) map.set(from, to);
  }
  return map;
}

function loadSynonyms(file: string, traditional: TraditionalMap): Synonyms {
  const { synonyms } = validate(synonymsSchema, readYaml(file), file);
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(synonyms)) map.set(normalizeText(from, traditional), normalizeText(to, traditional));
  const alternatives = [...map.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { map, regex: compile(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'synonyms.yaml') };
}

function loadModifiers(file: string, traditional: TraditionalMap): CompiledModifiers {
  const data = validate(modifiersSchema, readYaml(file), file);
  const compiled = {} as CompiledModifiers;
  for (const group of MODIFIER_GROUPS) {
    const { zh, en } = data[group];
    const where = `modifiers.yaml ${group}`;
    const parts: string[] = [];
    if (zh.length > 0) parts.push(`(?:${alternation([], zh, traditional, `${where}.zh`)})`);
    if (en.length > 0) {
      const enAlt = alternation([], en, traditional, `${where}.en`);
      parts.push(ANCHORED_GROUPS.has(group) ? `(?:${enAlt})` : `(?<![a-z0-9'])${wrapEnglish(enAlt)}`);
    }
    compiled[group] = compile(parts.join('|') || '(?!)', where);
  }
  return compiled;
}

function loadRules(files: readonly string[], traditional: TraditionalMap): CompiledRule[] {
  const rules: CompiledRule[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const { rules: raw } = validate(ruleFileSchema, readYaml(file), file);
    for (const r of raw) {
      const where = `${path.basename(file)} ${r.id}`;
      if (seen.has(r.id)) throw new LexiconError(`${where}: duplicate rule id`);
      seen.add(r.id);
      const alt = alternation(r.terms, r.patterns, traditional, where);
      rules.push({
        id: r.id,
        lang: r.lang,
        category: r.category,
        level: r.level as RiskLevel,
        tags: new Set(r.tags),
        requires: r.requires,
        negatable: r.negatable,
        familyOnly: r.speaker === 'family',
        wordStart: r.lang === 'en',
        regex: compile(r.lang === 'en' ? wrapEnglish(alt) : alt, where),
      });
    }
  }
  return rules;
}

const SPECIAL_FILES: ReadonlySet<string> = new Set(['modifiers.yaml', 'traditional.yaml', 'synonyms.yaml']);

export const DEFAULT_LEXICON_DIR = fileURLToPath(new URL('./lexicons/', import.meta.url));

/** Reads, validates and compiles every lexicon file in `dir`. Throws LexiconError on any problem. */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  for (const required of ['modifiers.yaml', 'traditional.yaml', 'synonyms.yaml']) {
    if (!files.includes(required)) throw new LexiconError(`${dir}: missing ${required}`);
  }
  const traditional = loadTraditional(path.join(dir, 'traditional.yaml'));
  const synonyms = loadSynonyms(path.join(dir, 'synonyms.yaml'), traditional);
  const modifiers = loadModifiers(path.join(dir, 'modifiers.yaml'), traditional);
  const ruleFiles = files.filter((f) => !SPECIAL_FILES.has(f)).map((f) => path.join(dir, f));
  const rules = loadRules(ruleFiles, traditional);
  if (rules.length === 0) throw new LexiconError(`${dir}: no rules`);
  const traditionalChars = traditional.size > 0 ? new RegExp(`[${[...traditional.keys()].join('')}]`, 'gu') : /(?!)/g;
  const gate = new LexiconGate(rules.map((r) => r.regex), modifiers, MODIFIER_GROUPS);
  return { rules, gate, modifiers, traditional, traditionalChars, synonyms };
}

let cached: Lexicon | undefined;

/** The default lexicon, loaded once per process. */
export function getLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}
