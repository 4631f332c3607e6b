import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KeywordGate } from '../../../src/risk/keyword-gate.js';
import { getLexicon, MODIFIER_GROUPS } from '../../../src/risk/lexicon-loader.js';
import { normalizeText } from '../../../src/risk/normalize.js';
import { requiredLiterals } from '../../../src/risk/required-literals.js';

const sorted = (xs: string[] | null): string[] | null => (xs === null ? null : [...xs].sort());

describe('requiredLiterals', () => {
  it('lists the alternatives of a plain alternation', () => {
    expect(sorted(requiredLiterals('不想活|想死'))).toEqual(['不想活', '想死']);
  });

  it('multiplies out small groups and optional parts into longer literals', () => {
    expect(sorted(requiredLiterals('(?:吸|溜)(?:了)?冰'))).toEqual(['吸了冰', '吸冰', '溜了冰', '溜冰']);
  });

  it('keeps the best fixed run around wildcards and look-arounds', () => {
    expect(requiredLiterals('(?:想|要).{0,4}跳楼(?!梯)')).toEqual(['跳楼']);
    expect(sorted(requiredLiterals('(?<![a-z0-9\'])(?:pick(?:ing)? up)(?![a-z0-9])'))).toEqual(['pick up', 'picking up']);
  });

  it('expands small character classes and keeps required repetitions', () => {
    expect(sorted(requiredLiterals('[一二两]瓶'))).toEqual(['一瓶', '两瓶', '二瓶']);
    expect(requiredLiterals('\\d+片安眠药')).toEqual(['片安眠药']);
    expect(requiredLiterals('(?:药)+')).toEqual(['药']);
  });

  it('gives no gate when a match may hold no fixed text', () => {
    expect(requiredLiterals('\\d+|刀')).toBeNull();
    expect(requiredLiterals('(?:刀)?')).toBeNull();
    expect(requiredLiterals('[^a]')).toBeNull();
    expect(requiredLiterals('(a)\\1')).toEqual(['a']);
    expect(requiredLiterals('(?i:abc)')).toBeNull(); // a construct it does not read: always run
  });
});

describe('KeywordGate', () => {
  it('opens exactly the regexes whose literals occur, including literals inside other literals', () => {
    const gate = new KeywordGate(['she said', 'he', '自杀|轻生', '\\d+']);
    expect(gate.open('she said no')).toEqual([0, 1, 3]);
    expect(gate.open('我不想轻生')).toEqual([2, 3]);
    expect(gate.open('ok')).toEqual([3]);
  });

  it('forgets what it saw in the previous text', () => {
    const gate = new KeywordGate(['abc', 'bcd']);
    expect(gate.open('xabcd')).toEqual([0, 1]);
    expect(gate.open('xbcdx')).toEqual([1]);
    expect(gate.open('')).toEqual([]);
  });
});

describe('the lexicon gate never hides a match', () => {
  const lex = getLexicon();
  const dir = new URL('../../fixtures/risk/', import.meta.url);
  const fixtureTexts = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter((l) => l.trim() !== ''))
    .map((l) => (JSON.parse(l) as { text: string }).text);
  // Texts built from the lexicons' own phrases, run together and cut at odd places, reach rules the fixtures miss.
  const phrases = lex.rules.flatMap((r) => r.regex.source.split('|').filter((p) => /^[^\\()[\]?*+{}.^$]+$/.test(p)));
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const madeUp = Array.from({ length: 400 }, () => {
    const parts = Array.from({ length: 1 + random(4) }, () => phrases[random(phrases.length)] ?? '');
    const joined = parts.join(['', ' ', '，', '了'][random(4)] ?? '');
    return joined.slice(random(3), joined.length - random(3));
  });
  const texts = [...fixtureTexts, ...madeUp].map((t) => normalizeText(t, lex.traditional, lex.traditionalChars, lex.synonyms));

  it('for every rule and modifier group, over the fixtures and made-up texts', () => {
    const misses: string[] = [];
    for (const text of texts) {
      const open = lex.gate.open(text);
      lex.rules.forEach((rule, i) => {
        rule.regex.lastIndex = 0;
        if (rule.regex.test(text) && !open.rules.includes(i)) misses.push(`${rule.id}: ${text}`);
      });
      for (const group of MODIFIER_GROUPS) {
        const regex = new RegExp(lex.modifiers[group].source, 'u');
        if (regex.test(text) && !open.modifiers.has(group)) misses.push(`${group}: ${text}`);
      }
    }
    expect(misses).toEqual([]);
    expect(texts.length).toBeGreaterThan(1000);
  });
});
