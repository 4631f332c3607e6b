import { z } from 'zod';
import { LOCALES } from '../../i18n/index.js';

export const CONTENT_KINDS = ['HOTLINE', 'RELIEF_PROGRAM', 'FAQ', 'FAMILY_GUIDE'] as const;
export const SCOPE_TYPES = ['global', 'region', 'station'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

/** The fields every save has. Tags keep `kw:` and `audience:` entries the chat uses. */
export const ContentFields = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(4000),
  phone: optionalText(40),
  hours: optionalText(100),
  tags: z
    .string()
    .max(4000)
    .optional()
    .transform((v) => [...new Set((v ?? '').split(/[,，\n]/).map((tag) => tag.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(80)).max(60)),
  sortOrder: z.coerce.number().int().min(0).max(9999).catch(0),
  verifyBeforeLaunch: z.literal('on').optional().transform((v) => v === 'on'),
});

/** What identifies an entry; fixed once it exists. */
export const ContentIdentity = z.object({
  kind: z.enum(CONTENT_KINDS),
  key: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/),
  locale: z.enum(LOCALES),
  scopeType: z.enum(SCOPE_TYPES).default('station'),
  region: z.string().trim().regex(/^[A-Za-z0-9-]{1,40}$/).optional().or(z.literal('').transform(() => undefined)),
  stationId: z.string().trim().max(64).optional(),
});

export type ContentFieldValues = z.infer<typeof ContentFields>;
export type ContentIdentityValues = z.infer<typeof ContentIdentity>;

/** The scope string an admin chose; undefined when the chosen kind of scope lacks its value. */
export function chosenScope(identity: ContentIdentityValues): string | undefined {
  switch (identity.scopeType) {
    case 'global':
      return 'global';
    case 'region':
      return identity.region ? `region:${identity.region}` : undefined;
    case 'station':
      return identity.stationId ? `station:${identity.stationId}` : undefined;
  }
}
