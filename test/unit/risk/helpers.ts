import { assessText } from '../../../src/risk/assess.js';
import type { RiskCategory, RiskLevel, SpeakerOption } from '../../../src/risk/types.js';

export interface Case {
  text: string;
  level: RiskLevel;
  /** A category the result must include (when level > 0). */
  category?: RiskCategory;
  speaker?: SpeakerOption;
}

/** Runs one table row: the level must match exactly, and the category (if given) must be present. */
export function expectCase(c: Case): void {
  const result = assessText(c.text, c.speaker ? { speaker: c.speaker } : {});
  const summary = `${c.text} → level ${result.level} [${result.categories.join(',')}] rules: ${result.evidence.rules.join(' ')}`;
  if (result.level !== c.level) throw new Error(`expected level ${c.level}: ${summary}`);
  if (c.category && !result.categories.includes(c.category)) throw new Error(`expected category ${c.category}: ${summary}`);
}

/** Shorthand for a table row. */
export const row = (text: string, level: RiskLevel, category?: RiskCategory, speaker?: SpeakerOption): Case => ({ text, level, category, speaker });
