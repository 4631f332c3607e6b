import { RISK_CATEGORIES, type RiskCategory, type RiskLevel, type RiskResult } from './types.js';

export interface CheckInSignal {
  /** 1 (very bad) to 5 (very good). */
  mood: number;
  /** 0 (none) to 10 (overwhelming). */
  craving: number;
  usedSinceLast: boolean;
  /** Methadone dose taken today; null or absent when not on methadone or not asked. */
  doseTaken?: boolean | null;
}

export interface RecentAssessment {
  maxLevel: RiskLevel;
  minutesAgo: number;
}

export interface RiskSignals {
  checkIn?: CheckInSignal;
  missedCheckInStreak?: number;
  missedDrugTest?: boolean;
  /** The person sent STOP (opt-out) right after a distressed message. */
  stopAfterDistress?: boolean;
  /** Earlier assessments in this conversation. */
  recent?: RecentAssessment[];
  /** The rules' result for the message being handled, for recent-context raising. */
  currentText?: RiskResult;
}

// ── Thresholds ────────────────────────────────────────────────────────────
/** Check-in craving at or above this is strong craving (level 2). */
export const CRAVING_ELEVATED = 7;
/** Check-in craving at or above this (and below CRAVING_ELEVATED) is watched (level 1). */
export const CRAVING_WATCH = 4;
/** Mood at or below this is elevated (level 2): the lowest answer on the 1–5 scale. */
export const MOOD_ELEVATED = 1;
/** Mood at or below this (and above MOOD_ELEVATED) is watched (level 1). */
export const MOOD_WATCH = 2;
/** This many missed check-ins in a row is dropping out (level 2). */
export const MISSED_CHECKIN_STREAK_ELEVATED = 3;
/** This many missed check-ins in a row is watched (level 1). */
export const MISSED_CHECKIN_STREAK_WATCH = 2;
/** An earlier worrying message within this many minutes colours a short distressed reply. */
export const RECENT_CONTEXT_MINUTES = 60;
/** An earlier message at or above this level makes later distress count. */
export const RECENT_CONTEXT_MIN_LEVEL: RiskLevel = 2;
/** Recent context raises a message at most to this level (a model or a person may go higher). */
export const RECENT_CONTEXT_MAX_RAISE: RiskLevel = 3;
/** Categories of the current message that recent context can raise. */
const CONTEXT_SENSITIVE = new Set<RiskCategory>(['distress', 'suicide', 'self_harm', 'dropout']);

interface SignalFinding {
  level: RiskLevel;
  category: RiskCategory;
  signal: string;
}

function checkInFindings(c: CheckInSignal): SignalFinding[] {
  const out: SignalFinding[] = [];
  if (c.craving >= CRAVING_ELEVATED) out.push({ level: 2, category: 'craving', signal: `checkin.craving=${c.craving}` });
  else if (c.craving >= CRAVING_WATCH) out.push({ level: 1, category: 'craving', signal: `checkin.craving=${c.craving}` });
  if (c.usedSinceLast) out.push({ level: 2, category: 'relapse', signal: 'checkin.used' });
  if (c.mood <= MOOD_ELEVATED) out.push({ level: 2, category: 'distress', signal: `checkin.mood=${c.mood}` });
  else if (c.mood <= MOOD_WATCH) out.push({ level: 1, category: 'distress', signal: `checkin.mood=${c.mood}` });
  if (c.doseTaken === false) out.push({ level: 2, category: 'dropout', signal: 'checkin.missed_dose' });
  return out;
}

/** Whether earlier messages could change this message's level: only then need they be read. */
export function recentContextCanRaise(current: RiskResult | undefined): current is RiskResult {
  if (!current || current.level === 0 || current.level >= RECENT_CONTEXT_MAX_RAISE) return false;
  return current.categories.some((c) => CONTEXT_SENSITIVE.has(c));
}

function recentContextFinding(s: RiskSignals): SignalFinding | undefined {
  const current = s.currentText;
  if (!recentContextCanRaise(current)) return undefined;
  const earlier = (s.recent ?? []).filter((r) => r.minutesAgo >= 0 && r.minutesAgo <= RECENT_CONTEXT_MINUTES && r.maxLevel >= RECENT_CONTEXT_MIN_LEVEL);
  if (earlier.length === 0) return undefined;
  const earlierMax = Math.max(...earlier.map((r) => r.maxLevel));
  const raised = Math.min(Math.max(earlierMax, current.level + 1), RECENT_CONTEXT_MAX_RAISE) as RiskLevel;
  if (raised <= current.level) return undefined;
  const category = current.categories.includes('suicide') ? 'suicide' : 'distress';
  return { level: raised, category, signal: `context.after_level_${earlierMax}` };
}

/** Scores structured signals (check-ins, missed tests, conversation context). Source "signals". */
export function assessSignals(s: RiskSignals): RiskResult {
  const findings: SignalFinding[] = [];
  if (s.checkIn) findings.push(...checkInFindings(s.checkIn));
  const streak = s.missedCheckInStreak ?? 0;
  if (streak >= MISSED_CHECKIN_STREAK_ELEVATED) findings.push({ level: 2, category: 'dropout', signal: `missed_checkins=${streak}` });
  else if (streak >= MISSED_CHECKIN_STREAK_WATCH) findings.push({ level: 1, category: 'dropout', signal: `missed_checkins=${streak}` });
  if (s.missedDrugTest) findings.push({ level: 2, category: 'dropout', signal: 'missed_drug_test' });
  if (s.stopAfterDistress) findings.push({ level: 2, category: 'dropout', signal: 'stop_after_distress' });
  const context = recentContextFinding(s);
  if (context) findings.push(context);

  const level = Math.max(0, ...findings.map((f) => f.level)) as RiskLevel;
  const categories = new Set(findings.filter((f) => f.level > 0).map((f) => f.category));
  return {
    level,
    categories: RISK_CATEGORIES.filter((c) => categories.has(c)),
    speaker: s.currentText?.speaker ?? 'self',
    timeFrame: 'current',
    evidence: { phrases: [], rules: [], signals: findings.map((f) => f.signal) },
    source: 'signals',
  };
}
