import { describe, expect, it } from 'vitest';
import { getLexicon } from '../../../src/risk/lexicon-loader.js';
import { detectLang, normalizeText } from '../../../src/risk/normalize.js';
import { expectCase, row } from './helpers.js';

describe('normalisation', () => {
  const { traditional } = getLexicon();

  it('folds full-width, traditional characters, case, quotes and repeated punctuation', () => {
    expect(normalizeText('ＫＭＳ！！！', traditional)).toBe('kms!');
    expect(normalizeText('我想自殺', traditional)).toBe('我想自杀');
    expect(normalizeText('I don’t want to live', traditional)).toBe("i don't want to live");
    expect(normalizeText('自 杀 算 了', traditional)).toBe('自杀算了');
    expect(normalizeText('a\u200bb', traditional)).toBe('ab');
  });

  it('detects Chinese by any CJK character', () => {
    expect(detectLang('OK明天尿检见')).toBe('zh');
    expect(detectLang('see you at the test')).toBe('en');
  });

  it.each([
    row('我想自殺', 3, 'suicide'),
    row('我已經吞了一整瓶安眠藥', 4, 'overdose'),
    row('自 杀 算 了', 3, 'suicide'),
    row('我想自．杀', 3, 'suicide'),
    row('不想活了。。。。。', 3, 'suicide'),
    row('我想kill myself', 3, 'suicide'),
    row('I relapsed 昨天又溜了', 2, 'relapse'),
    row('他OD了，叫不醒！！', 4, 'overdose'),
    row('ＯＫ，收到', 0),
    row('明天幾點驗尿？', 0),
    row('昨天又呼麻了', 2, 'relapse'),
    row('他最近又在用安非他命', 2, 'relapse', 'family'),
    row('我不想去驗尿了', 2, 'dropout'),
  ])('matches after normalising: $text → $level', expectCase);
});
