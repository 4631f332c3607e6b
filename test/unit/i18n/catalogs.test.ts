import { describe, expect, it } from 'vitest';
import { CATALOGS, LOCALES, t } from '../../../src/i18n/index.js';

describe('message catalogs', () => {
  const reference = Object.keys(CATALOGS['zh-CN']).sort();

  it.each(LOCALES)('%s has every key, none empty', (locale) => {
    expect(Object.keys(CATALOGS[locale]).sort()).toEqual(reference);
    for (const [key, text] of Object.entries(CATALOGS[locale])) expect(text.trim(), key).not.toBe('');
  });

  it.each(LOCALES)('%s uses the same placeholders as zh-CN', (locale) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of reference) {
      const k = key as keyof (typeof CATALOGS)['zh-CN'];
      expect(placeholders(CATALOGS[locale][k]), `${locale} ${key}`).toEqual(placeholders(CATALOGS['zh-CN'][k]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'link.privacyNotice', { name: 'Wang' })).toContain('You are connected, Wang.');
    expect(t('en', 'link.privacyNotice')).toContain('{name}');
  });

  it('crisis templates name the emergency number and the hotlines in every language', () => {
    for (const locale of LOCALES) {
      const text = t(locale, 'crisis.high', { emergency: '120', hotlines: '☎ 12356' });
      expect(text).toContain('120');
      expect(text).toContain('12356');
      expect(t(locale, 'crisis.emergencyFamily', { emergency: '120' })).toMatch(/120/);
    }
  });
});
