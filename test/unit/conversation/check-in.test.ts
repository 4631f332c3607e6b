import { describe, expect, it } from 'vitest';
import { checkInSummary, encouragementKey, question } from '../../../src/conversation/flows/check-in.js';
import { LOCALES } from '../../../src/i18n/index.js';

const calm = { mood: 4, craving: 1, used: false, doseTaken: null };

describe('check-in', () => {
  it('picks the encouragement that matters most', () => {
    expect(encouragementKey(calm)).toBe('checkIn.encourage.good');
    expect(encouragementKey({ ...calm, craving: 5 })).toBe('checkIn.encourage.someCraving');
    expect(encouragementKey({ ...calm, mood: 2 })).toBe('checkIn.encourage.lowMood');
    expect(encouragementKey({ ...calm, doseTaken: false, mood: 1 })).toBe('checkIn.encourage.missedDose');
    expect(encouragementKey({ ...calm, craving: 9, doseTaken: false })).toBe('checkIn.encourage.highCraving');
    expect(encouragementKey({ ...calm, used: true, craving: 9 })).toBe('checkIn.encourage.used');
  });

  it('summarises for staff in their language', () => {
    expect(checkInSummary('zh-CN', { mood: 2, craving: 8, used: true, doseTaken: false })).toBe('签到：心情 2/5，心瘾 8/10，上次签到后使用：是，今日美沙酮：否');
    expect(checkInSummary('en', { ...calm, craving: 3 })).toBe('Check-in: mood 4/5, craving 3/10, used since last check-in: no');
  });

  it.each(LOCALES)('offers short answers in %s; on numbered channels the nth craving choice is n', (locale) => {
    const craving = question(locale, 'craving').choices;
    expect(craving).toHaveLength(11);
    craving.slice(0, 10).forEach((choice, index) => expect(choice.value).toBe(`ci:c:${index + 1}`));
    expect(craving[10]?.value).toBe('ci:c:0');
    const mood = question(locale, 'mood').choices;
    mood.forEach((choice, index) => {
      expect(choice.value).toBe(`ci:m:${index + 1}`);
      expect(choice.label.startsWith(String(index + 1))).toBe(true);
    });
    for (const step of ['mood', 'craving', 'used', 'dose', 'note'] as const) {
      for (const choice of question(locale, step).choices) expect(Buffer.byteLength(choice.value)).toBeLessThan(64);
    }
  });
});
