import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/i18n/index.js';
import { SCHEDULER_CATALOGS, st, type SchedulerKey } from '../../../src/scheduler/i18n/index.js';

describe('scheduler catalogs', () => {
  const reference = Object.keys(SCHEDULER_CATALOGS['zh-CN']).sort() as SchedulerKey[];
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each(LOCALES)('%s has every key, none empty', (locale) => {
    expect(Object.keys(SCHEDULER_CATALOGS[locale]).sort()).toEqual(reference);
    for (const [key, text] of Object.entries(SCHEDULER_CATALOGS[locale])) expect(text.trim() || key === 'digest.separator', key).toBeTruthy();
  });

  it.each(LOCALES)('%s uses the same placeholders as zh-CN', (locale) => {
    for (const key of reference) expect(placeholders(SCHEDULER_CATALOGS[locale][key]), `${locale} ${key}`).toEqual(placeholders(SCHEDULER_CATALOGS['zh-CN'][key]));
  });

  it('fills placeholders', () => {
    expect(st('en', 'checkIn.reminder', { name: 'Wang' })).toContain('Hi Wang');
    expect(st('zh-CN', 'signal.missedCheckIns', { count: 3 })).toBe('连续 3 次没有回应签到提醒');
  });

  it('never judges: no blaming words in participant texts', () => {
    for (const locale of LOCALES) {
      for (const key of ['checkIn.reminder', 'checkIn.followUp', 'appt.reminder'] as const) {
        expect(SCHEDULER_CATALOGS[locale][key]).not.toMatch(/必须|违规|处罚|must|violation|penalt/i);
      }
    }
  });
});
