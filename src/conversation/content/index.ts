import type { Prisma } from '../../generated/prisma/client.js';
import { LOCALES } from '../../i18n/index.js';
import { RELIEF_PROGRAMS as RELIEF_SEED_TEXT } from '../../db/seed/content.js';
import type { ReliefProgramKey } from '../choices.js';
import { FAMILY_GUIDES } from './family-guides.js';
import { FAQ } from './faq.js';
import { OVERDOSE_GUIDE } from './overdose.js';
import type { SeedContent } from './types.js';

export type { SeedContent } from './types.js';
export { FAMILY_GUIDES } from './family-guides.js';
export { FAQ } from './faq.js';
export { OVERDOSE_GUIDE } from './overdose.js';

/** The FAQ and family guides this module brings; a station may override each by key. */
export const CONVERSATION_SEED_CONTENT: readonly SeedContent[] = [...FAQ, ...FAMILY_GUIDES, OVERDOSE_GUIDE];

const RELIEF_KEYWORDS: Record<ReliefProgramKey, readonly string[]> = {
  TEMPORARY_RELIEF: ['临时救助', '臨時救助', '救助', '急用钱', '急用錢', '没钱', '沒錢', '困难', '困難', 'temporary relief', 'emergency money', 'no money', 'hardship'],
  MINIMUM_LIVING: ['低保', '最低生活保障', '生活费', '生活費', 'minimum living', 'dibao', 'welfare', 'benefits'],
  MEDICAL_ASSISTANCE: ['医疗救助', '醫療救助', '医药费', '醫藥費', '住院费', '住院費', 'medical assistance', 'medical bills', 'hospital bills'],
  EMPLOYMENT_ASSISTANCE: ['就业援助', '就業援助', '就业', '就業', 'employment assistance'],
};

/** The relief programmes' seed text (from the demo seed), as fallback when no row exists. */
export const RELIEF_SEED: readonly SeedContent[] = RELIEF_SEED_TEXT.map((program) => ({
  kind: 'RELIEF_PROGRAM',
  key: program.key,
  audience: 'participant',
  keywords: RELIEF_KEYWORDS[program.key],
  verifyBeforeLaunch: true,
  text: program.text,
}));

/**
 * The seed content as ContentEntry rows (global scope, every locale, marked
 * verifyBeforeLaunch, keywords as `kw:` tags), for a seed script to insert.
 */
export function conversationContentRows(): Prisma.ContentEntryCreateManyInput[] {
  return CONVERSATION_SEED_CONTENT.flatMap((entry, index) =>
    LOCALES.map((locale) => ({
      kind: entry.kind,
      key: entry.key,
      locale,
      scope: 'global',
      title: entry.text[locale].title,
      body: entry.text[locale].body,
      tags: [`audience:${entry.audience}`, ...entry.keywords.map((k) => `kw:${k}`)],
      verifyBeforeLaunch: true,
      sortOrder: index,
    })),
  );
}
