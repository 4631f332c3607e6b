import { describe, expect, it } from 'vitest';
import { ADMIN_CATALOGS, ADMIN_LOCALES, ADMIN_SECTIONS, adminLocale, localeFromAcceptLanguage, translator } from '../../../src/admin/i18n/index.js';
import { categoryLabel, formatDuration, levelLabel } from '../../../src/admin/i18n/labels.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console catalogs', () => {
  const zhCN: Record<string, string> = ADMIN_CATALOGS['zh-CN'];
  const reference = Object.keys(zhCN).sort();

  it('no two areas define the same key', () => {
    const total = ADMIN_SECTIONS.reduce((sum, section) => sum + Object.keys(section['zh-CN']).length, 0);
    expect(reference.length).toBe(total);
  });

  it.each(ADMIN_LOCALES)('%s has exactly the reference keys, none empty, with the same placeholders', (locale) => {
    const catalog = ADMIN_CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual(reference);
    for (const key of reference) {
      const text = catalog[key as keyof typeof catalog];
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(zhCN[key] ?? ''));
    }
  });

  it('English texts are not left in Chinese', () => {
    for (const [key, text] of Object.entries(ADMIN_CATALOGS.en)) expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en');
    expect(t('detail.title', { number: 42 })).toBe('Escalation #42');
    expect(t('detail.title')).toBe('Escalation #{number}');
  });

  it('maps staff locales to the two console languages', () => {
    expect(adminLocale('en')).toBe('en');
    expect(adminLocale('en-GB')).toBe('en');
    expect(adminLocale('zh-TW')).toBe('zh-CN');
    expect(adminLocale(undefined)).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('zh-CN,zh;q=0.9')).toBe('zh-CN');
    expect(localeFromAcceptLanguage(undefined)).toBe('zh-CN');
  });

  it('labels levels, categories and durations', () => {
    const en = translator('en');
    expect(levelLabel(en, 4)).toBe('Level 4 · emergency');
    expect(levelLabel(en, 9)).toBe('9');
    expect(categoryLabel(translator('zh-CN'), 'overdose')).toBe('过量');
    expect(categoryLabel(en, 'new_category')).toBe('new_category');
    expect(formatDuration(en, 5 * 60_000 + 59_000)).toBe('5 min');
    expect(formatDuration(en, 125 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(en, 50 * 3600_000)).toBe('2 d 2 h');
  });
});
