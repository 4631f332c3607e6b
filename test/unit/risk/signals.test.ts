import { describe, expect, it } from 'vitest';
import { combineRisk } from '../../../src/risk/combine.js';
import { assessText } from '../../../src/risk/assess.js';
import {
  CRAVING_ELEVATED,
  MISSED_CHECKIN_STREAK_ELEVATED,
  RECENT_CONTEXT_MINUTES,
  assessSignals,
  type CheckInSignal,
} from '../../../src/risk/signals.js';

const calm: CheckInSignal = { mood: 4, craving: 1, usedSinceLast: false };

describe('assessSignals', () => {
  it('is level 0 for a calm check-in', () => {
    const r = assessSignals({ checkIn: calm });
    expect(r).toMatchObject({ level: 0, categories: [], source: 'signals' });
  });

  it('treats craving at the threshold as elevated, below it as watch', () => {
    expect(assessSignals({ checkIn: { ...calm, craving: CRAVING_ELEVATED } })).toMatchObject({ level: 2, categories: ['craving'] });
    expect(assessSignals({ checkIn: { ...calm, craving: CRAVING_ELEVATED - 1 } }).level).toBe(1);
  });

  it('treats reported use as relapse (level 2)', () => {
    const r = assessSignals({ checkIn: { ...calm, usedSinceLast: true } });
    expect(r).toMatchObject({ level: 2, categories: ['relapse'] });
    expect(r.evidence.signals).toContain('checkin.used');
  });

  it('treats mood 1 as elevated distress', () => {
    expect(assessSignals({ checkIn: { ...calm, mood: 1 } })).toMatchObject({ level: 2, categories: ['distress'] });
    expect(assessSignals({ checkIn: { ...calm, mood: 2 } }).level).toBe(1);
  });

  it('treats a missed methadone dose as dropout, and an unknown dose as nothing', () => {
    expect(assessSignals({ checkIn: { ...calm, doseTaken: false } })).toMatchObject({ level: 2, categories: ['dropout'] });
    expect(assessSignals({ checkIn: { ...calm, doseTaken: null } }).level).toBe(0);
    expect(assessSignals({ checkIn: { ...calm, doseTaken: true } }).level).toBe(0);
  });

  it('treats a streak of missed check-ins and a missed drug test as dropout', () => {
    expect(assessSignals({ missedCheckInStreak: MISSED_CHECKIN_STREAK_ELEVATED })).toMatchObject({ level: 2, categories: ['dropout'] });
    expect(assessSignals({ missedCheckInStreak: MISSED_CHECKIN_STREAK_ELEVATED - 1 }).level).toBe(1);
    expect(assessSignals({ missedCheckInStreak: 1 }).level).toBe(0);
    expect(assessSignals({ missedDrugTest: true })).toMatchObject({ level: 2, categories: ['dropout'] });
  });

  it('treats STOP right after distress as elevated', () => {
    expect(assessSignals({ stopAfterDistress: true }).level).toBe(2);
  });

  it('combines several signals into the highest level with every category', () => {
    const r = assessSignals({ checkIn: { mood: 1, craving: 9, usedSinceLast: true }, missedDrugTest: true });
    expect(r.level).toBe(2);
    expect(r.categories).toEqual(['relapse', 'craving', 'dropout', 'distress']);
  });
});

describe('recent context', () => {
  const shortDistress = assessText('算了吧');
  const earlierHigh = [{ maxLevel: 3 as const, minutesAgo: 20 }];

  it('raises a short distressed message after an earlier worrying one', () => {
    expect(shortDistress.level).toBe(1);
    const signals = assessSignals({ currentText: shortDistress, recent: earlierHigh });
    expect(signals.level).toBe(3);
    expect(combineRisk(shortDistress, signals).level).toBe(3);
    expect(signals.evidence.signals).toEqual(['context.after_level_3']);
  });

  it('raises to level 2 after an earlier level-2 message', () => {
    const r = assessSignals({ currentText: assessText('没意思'), recent: [{ maxLevel: 2, minutesAgo: 5 }] });
    expect(r.level).toBe(2);
  });

  it('does not raise after the window, after a calm message, or a message with no distress', () => {
    expect(assessSignals({ currentText: shortDistress, recent: [{ maxLevel: 3, minutesAgo: RECENT_CONTEXT_MINUTES + 1 }] }).level).toBe(0);
    expect(assessSignals({ currentText: shortDistress, recent: [{ maxLevel: 1, minutesAgo: 5 }] }).level).toBe(0);
    expect(assessSignals({ currentText: assessText('好的，谢谢'), recent: earlierHigh }).level).toBe(0);
  });

  it('caps the raise at level 3 even after an emergency', () => {
    expect(assessSignals({ currentText: shortDistress, recent: [{ maxLevel: 4, minutesAgo: 2 }] }).level).toBe(3);
  });
});
