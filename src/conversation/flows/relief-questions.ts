import type { ReliefProgramKey } from '../choices.js';
import type { ConversationKey } from '../i18n/index.js';

export interface PrescreenQuestion {
  /** Stored as the answer's key in ReliefRequest.answers. */
  id: string;
  key: ConversationKey;
  /** The answer that points towards qualifying. */
  fits: boolean;
}

/**
 * A short yes/no pre-screen per programme. It only suggests whether applying
 * is worth it; the local office decides. NEEDS LOCAL REVIEW before launch.
 */
export const PRESCREEN: Record<ReliefProgramKey, readonly PrescreenQuestion[]> = {
  TEMPORARY_RELIEF: [
    { id: 'sudden', key: 'relief.q.TEMPORARY_RELIEF.sudden', fits: true },
    { id: 'basicNeeds', key: 'relief.q.TEMPORARY_RELIEF.basicNeeds', fits: true },
    { id: 'noOtherHelp', key: 'relief.q.TEMPORARY_RELIEF.noOtherHelp', fits: true },
  ],
  MINIMUM_LIVING: [
    { id: 'lowIncome', key: 'relief.q.MINIMUM_LIVING.lowIncome', fits: true },
    { id: 'noMajorAssets', key: 'relief.q.MINIMUM_LIVING.noMajorAssets', fits: true },
    { id: 'localHukou', key: 'relief.q.MINIMUM_LIVING.localHukou', fits: true },
  ],
  MEDICAL_ASSISTANCE: [
    { id: 'highCosts', key: 'relief.q.MEDICAL_ASSISTANCE.highCosts', fits: true },
    { id: 'insured', key: 'relief.q.MEDICAL_ASSISTANCE.insured', fits: true },
    { id: 'hardship', key: 'relief.q.MEDICAL_ASSISTANCE.hardship', fits: true },
  ],
  EMPLOYMENT_ASSISTANCE: [
    { id: 'unemployed', key: 'relief.q.EMPLOYMENT_ASSISTANCE.unemployed', fits: true },
    { id: 'workingAge', key: 'relief.q.EMPLOYMENT_ASSISTANCE.workingAge', fits: true },
    { id: 'training', key: 'relief.q.EMPLOYMENT_ASSISTANCE.training', fits: true },
  ],
};

/** "likely" when every answer points towards qualifying, else "unsure" (never "no": the office decides). */
export function prescreenResult(program: ReliefProgramKey, answers: Record<string, boolean>): 'likely' | 'unsure' {
  return PRESCREEN[program].every((q) => answers[q.id] === q.fits) ? 'likely' : 'unsure';
}
