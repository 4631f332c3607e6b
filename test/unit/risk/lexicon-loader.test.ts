import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON_DIR, LexiconError, getLexicon, loadLexicon } from '../../../src/risk/lexicon-loader.js';

const dirs: string[] = [];
function copyLexicon(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
  cpSync(DEFAULT_LEXICON_DIR, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lexicon loader', () => {
  it('loads, validates and caches the shipped lexicons', () => {
    const lex = getLexicon();
    expect(lex.rules.length).toBeGreaterThan(40);
    expect(getLexicon()).toBe(lex);
    expect(new Set(lex.rules.map((r) => r.lang))).toEqual(new Set(['zh', 'en']));
    expect(lex.traditional.get('殺')).toBe('杀');
  });

  it('fails loudly on an unknown category', () => {
    const dir = copyLexicon();
    writeFileSync(path.join(dir, 'extra.yaml'), 'rules:\n  - id: bad\n    lang: zh\n    category: sadness\n    level: 2\n    terms: [难过]\n');
    expect(() => loadLexicon(dir)).toThrow(LexiconError);
    expect(() => loadLexicon(dir)).toThrow(/extra\.yaml/);
  });

  it('fails loudly on a broken pattern, naming the rule', () => {
    const dir = copyLexicon();
    writeFileSync(path.join(dir, 'extra.yaml'), "rules:\n  - id: broken.pattern\n    lang: zh\n    category: distress\n    level: 1\n    patterns: ['(未闭合']\n");
    expect(() => loadLexicon(dir)).toThrow(/broken\.pattern/);
  });

  it('fails loudly on duplicate ids, duplicate keys, unknown fields and a missing modifiers file', () => {
    const dup = copyLexicon();
    writeFileSync(path.join(dup, 'extra.yaml'), 'rules:\n  - id: zh.distress\n    lang: zh\n    category: distress\n    level: 1\n    terms: [难过]\n');
    expect(() => loadLexicon(dup)).toThrow(/duplicate rule id/);

    const keys = copyLexicon();
    writeFileSync(path.join(keys, 'extra.yaml'), 'rules:\n  - id: a\n    id: b\n    lang: zh\n    category: distress\n    level: 1\n    terms: [难过]\n');
    expect(() => loadLexicon(keys)).toThrow(LexiconError);

    const unknown = copyLexicon();
    writeFileSync(path.join(unknown, 'extra.yaml'), 'rules:\n  - id: c\n    lang: zh\n    category: distress\n    level: 1\n    weight: 5\n    terms: [难过]\n');
    expect(() => loadLexicon(unknown)).toThrow(LexiconError);

    const missing = copyLexicon();
    rmSync(path.join(missing, 'modifiers.yaml'));
    expect(() => loadLexicon(missing)).toThrow(/modifiers\.yaml/);
  });

  it('keeps every lexicon file readable: each rule file starts with a comment for reviewers', () => {
    for (const file of ['suicide.yaml', 'substances.yaml', 'self-harm.yaml', 'violence.yaml', 'dropout.yaml', 'distress.yaml', 'family.yaml', 'modifiers.yaml', 'traditional.yaml', 'synonyms.yaml']) {
      expect(readFileSync(path.join(DEFAULT_LEXICON_DIR, file), 'utf8').startsWith('#')).toBe(true);
    }
  });
});
