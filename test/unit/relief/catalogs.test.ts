import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/index.js';
import { RELIEF_CATALOGS } from '../../../src/relief/i18n/index.js';
import { reliefStatusText } from '../../../src/relief/status-message.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('relief status catalogs', () => {
  const reference = Object.keys(RELIEF_CATALOGS['zh-CN']).sort();

  it.each(LOCALES)('%s has every key of zh-CN, none empty, with the same placeholders', (locale) => {
    const catalog: Record<string, string> = RELIEF_CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual(reference);
    for (const key of reference) {
      const text = catalog[key] ?? '';
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders((RELIEF_CATALOGS['zh-CN'] as Record<string, string>)[key] ?? ''));
    }
  });

  it('English texts are not left in Chinese', () => {
    for (const [key, text] of Object.entries(RELIEF_CATALOGS.en)) expect(/[\u4e00-\u9fff]/.test(text), key).toBe(false);
  });

  it('names the programme and adds the note on its own line only when there is one', () => {
    expect(reliefStatusText('zh-CN', { status: 'APPROVED', programTitle: '临时救助' })).toBe('好消息：你申请的“临时救助”已经批下来了。具体怎么领取，社工会和你说。');
    expect(reliefStatusText('en', { status: 'SUBMITTED', programTitle: 'medical assistance', note: '  bring the receipts ' })).toBe(
      'Your application for medical assistance has been submitted. We are waiting for the decision and will tell you as soon as we hear.\n\nFrom your caseworker: bring the receipts',
    );
    expect(reliefStatusText('zh-TW', { status: 'DECLINED', programTitle: '臨時救助', note: '   ' })).not.toContain('社工留言');
  });
});
