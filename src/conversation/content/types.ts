import type { Locale } from '../../i18n/index.js';

/**
 * Seed content written by the team. A station can replace any entry with a
 * ContentEntry row of the same kind and key (per locale); rows win. Every
 * entry needs local review before launch.
 */
export interface SeedContent {
  kind: 'FAQ' | 'FAMILY_GUIDE' | 'RELIEF_PROGRAM';
  key: string;
  /** Who it is written for; the rule answerer prefers entries for the asker. */
  audience: 'participant' | 'family' | 'both';
  /** Words that suggest this entry, in any language (ContentEntry rows carry them as `kw:` tags). */
  keywords: readonly string[];
  verifyBeforeLaunch: true;
  text: Record<Locale, { title: string; body: string }>;
}
