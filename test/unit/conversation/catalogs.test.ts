import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CONVERSATION_CATALOGS, tr } from '../../../src/conversation/i18n/index.js';
import { LOCALES } from '../../../src/i18n/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('conversation catalogs', () => {
  const reference = Object.keys(CONVERSATION_CATALOGS['zh-CN']).sort();

  it.each(LOCALES)('%s has every key of zh-CN, none empty', (locale) => {
    expect(Object.keys(CONVERSATION_CATALOGS[locale]).sort()).toEqual(reference);
    for (const [key, text] of Object.entries(CONVERSATION_CATALOGS[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
  });

  it.each(LOCALES)('%s uses the same placeholders as zh-CN', (locale) => {
    for (const key of reference) {
      const k = key as keyof (typeof CONVERSATION_CATALOGS)['zh-CN'];
      expect(placeholders(CONVERSATION_CATALOGS[locale][k]), `${locale} ${key}`).toEqual(placeholders(CONVERSATION_CATALOGS['zh-CN'][k]));
    }
  });

  it.each(LOCALES)('%s date patterns are valid luxon formats', (locale) => {
    const date = DateTime.fromISO('2026-03-05T10:00:00', { zone: 'Asia/Shanghai' }).setLocale(locale);
    const formatted = date.toFormat(tr(locale, 'fmt.date'));
    expect(formatted).toMatch(/5/);
    expect(formatted).not.toMatch(/Invalid/);
    expect(date.toFormat(tr(locale, 'fmt.time'))).toBe('10:00');
  });

  it('choice labels fit LINE quick replies (20 characters)', () => {
    for (const locale of LOCALES) {
      for (const key of reference) {
        if (!/^(menu\.(?!participant$|family$)|checkIn\.(mood|used|dose)\.|checkIn\.(skip|craving\.0)$|hotlines\.(crisis|psychological|drug|family)$|relief\.(start|others|offerYes|offerNo)$|family\.visitAsk$|free\.moreRelief$)/.test(key)) continue;
        const text = tr(locale, key as keyof (typeof CONVERSATION_CATALOGS)['zh-CN'], { name: '王小军', n: 5 });
        expect(text.length, `${locale} ${key}: ${text}`).toBeLessThanOrEqual(20);
      }
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(tr('en', 'checkIn.days', { days: 12 })).toBe('You have stayed drug-free for 12 days.');
    expect(tr('zh-CN', 'checkIn.days')).toContain('{days}');
  });
});
