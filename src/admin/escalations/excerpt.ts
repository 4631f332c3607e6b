import { z } from 'zod';

const EntrySchema = z.object({
  at: z.string(),
  reporter: z.enum(['participant', 'family']).catch('participant'),
  level: z.number().int().catch(0),
  text: z.string().catch(''),
});

const ExcerptSchema = z.object({ entries: z.array(z.unknown()).catch([]) });

export type ExcerptEntry = z.infer<typeof EntrySchema>;

/** The messages kept on an escalation (Escalation.excerpt), oldest first; malformed entries are skipped. */
export function excerptEntries(excerpt: unknown): ExcerptEntry[] {
  const parsed = ExcerptSchema.safeParse(excerpt);
  if (!parsed.success) return [];
  return parsed.data.entries.flatMap((entry) => {
    const one = EntrySchema.safeParse(entry);
    return one.success ? [one.data] : [];
  });
}
