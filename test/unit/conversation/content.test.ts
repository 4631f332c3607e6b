import { describe, expect, it } from 'vitest';
import { conversationContentRows, CONVERSATION_SEED_CONTENT, OVERDOSE_GUIDE } from '../../../src/conversation/content/index.js';
import { LOCALES } from '../../../src/i18n/index.js';

describe('seed content', () => {
  it('has every entry in every language, marked for local review', () => {
    const keys = CONVERSATION_SEED_CONTENT.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of CONVERSATION_SEED_CONTENT) {
      expect(entry.verifyBeforeLaunch).toBe(true);
      expect(entry.keywords.length, entry.key).toBeGreaterThan(2);
      for (const locale of LOCALES) {
        expect(entry.text[locale].title.trim(), `${entry.key} ${locale}`).not.toBe('');
        expect(entry.text[locale].body.trim(), `${entry.key} ${locale}`).not.toBe('');
      }
    }
  });

  it('covers the family guides the menu needs', () => {
    const guides = CONVERSATION_SEED_CONTENT.filter((e) => e.kind === 'FAMILY_GUIDE').map((e) => e.key).sort();
    expect(guides).toEqual(['family-overdose', 'family-relapse-signs', 'family-self-care', 'family-support', 'family-visiting']);
  });

  it.each(LOCALES)('the overdose steps in %s: emergency number, stay, recovery position, naloxone', (locale) => {
    const body = OVERDOSE_GUIDE.text[locale].body;
    expect(body).toContain('{emergency}');
    const expected = {
      'zh-CN': [/一个人/, /侧躺|复原卧位/, /纳洛酮/],
      'zh-TW': [/一個人/, /側躺|復甦姿勢/, /納洛酮/],
      en: [/alone/, /recovery position/, /naloxone/],
    }[locale];
    for (const pattern of expected) expect(body).toMatch(pattern);
  });

  it('can be written as ContentEntry rows with keyword tags', () => {
    const rows = conversationContentRows();
    expect(rows).toHaveLength(CONVERSATION_SEED_CONTENT.length * LOCALES.length);
    const row = rows.find((r) => r.key === 'faq-sleep' && r.locale === 'en');
    expect(row?.tags).toEqual(expect.arrayContaining(['audience:participant', 'kw:insomnia']));
    expect(rows.every((r) => r.verifyBeforeLaunch === true && r.scope === 'global')).toBe(true);
  });
});
