/** 0 none, 1 watch, 2 elevated, 3 high, 4 emergency (see shared/PRODUCT.md). */
export type RiskLevel = 0 | 1 | 2 | 3 | 4;

export const RISK_CATEGORIES = [
  'suicide',
  'self_harm',
  'overdose',
  'relapse',
  'craving',
  'acquiring',
  'violence',
  'dropout',
  'distress',
] as const;

export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Who is speaking: the participant themself or a family member. */
export type Speaker = 'self' | 'family';

export type TimeFrame = 'current' | 'past';

/** How callers name the speaker (matches the channel layer's vocabulary). */
export type SpeakerOption = 'participant' | 'family';

export type Lang = 'zh' | 'en';

export interface RiskEvidence {
  /** Matched text fragments, as normalised. */
  phrases: string[];
  /** Ids of the lexicon rules and combinations that fired. */
  rules: string[];
  /** Structured signals that contributed (check-ins, missed tests, context). */
  signals: string[];
  /** Free-text reasoning, from a model assessor only. */
  rationale?: string;
}

export interface RiskResult {
  level: RiskLevel;
  categories: RiskCategory[];
  speaker: Speaker;
  timeFrame: TimeFrame;
  evidence: RiskEvidence;
  /** "rules", "signals", "model" or a combination joined with '+'. */
  source: string;
}

export function toRiskLevel(n: number): RiskLevel {
  if (n <= 0) return 0;
  if (n >= 4) return 4;
  return Math.round(n) as RiskLevel;
}
