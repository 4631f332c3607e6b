import { z } from 'zod';
import type { ContentEntry, ContentKind, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { LOCALES, type Locale } from '../../i18n/index.js';
import type { ContentRights } from './access.js';
import { CONTENT_KINDS } from './forms.js';

export const CONTENT_STATUSES = ['active', 'retired', 'all'] as const;

export interface ContentFilters {
  kind?: ContentKind;
  locale?: Locale;
  /** Admins only: one station's own entries. */
  stationId?: string;
  status: (typeof CONTENT_STATUSES)[number];
  verifyOnly: boolean;
  search?: string;
}

const ListQuery = z.object({
  kind: z.enum(CONTENT_KINDS).optional().catch(undefined),
  locale: z.enum(LOCALES).optional().catch(undefined),
  station: z.string().trim().max(64).optional().catch(undefined),
  status: z.enum(CONTENT_STATUSES).catch('active'),
  verify: z.string().optional().catch(undefined),
  q: z.string().trim().max(80).optional().catch(undefined),
});

export function parseContentFilters(query: Record<string, string>): ContentFilters {
  const parsed = ListQuery.parse(query);
  return {
    ...(parsed.kind ? { kind: parsed.kind } : {}),
    ...(parsed.locale ? { locale: parsed.locale } : {}),
    ...(parsed.station ? { stationId: parsed.station } : {}),
    ...(parsed.q ? { search: parsed.q } : {}),
    status: parsed.status,
    verifyOnly: parsed.verify === '1',
  };
}

export const CONTENT_LIST_LIMIT = 300;

export async function listContent(prisma: PrismaClient, rights: ContentRights, filters: ContentFilters): Promise<ContentEntry[]> {
  const and: Prisma.ContentEntryWhereInput[] = [rights.read];
  if (filters.kind) and.push({ kind: filters.kind });
  if (filters.locale) and.push({ locale: filters.locale });
  if (filters.stationId && rights.isAdmin) and.push({ scope: `station:${filters.stationId}` });
  if (filters.status !== 'all') and.push({ active: filters.status === 'active' });
  if (filters.verifyOnly) and.push({ verifyBeforeLaunch: true });
  if (filters.search) and.push({ OR: [{ title: { contains: filters.search, mode: 'insensitive' } }, { key: { contains: filters.search, mode: 'insensitive' } }] });
  return prisma.contentEntry.findMany({
    where: { AND: and },
    orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { key: 'asc' }, { locale: 'asc' }, { scope: 'asc' }],
    take: CONTENT_LIST_LIMIT,
  });
}

export async function findReadableEntry(prisma: PrismaClient, rights: ContentRights, id: string): Promise<ContentEntry | null> {
  return prisma.contentEntry.findFirst({ where: { AND: [{ id }, rights.read] } });
}

/** Station names for scope labels. */
export async function stationNames(prisma: PrismaClient, where: Prisma.StationWhereInput): Promise<Map<string, string>> {
  const rows = await prisma.station.findMany({ where, select: { id: true, name: true } });
  return new Map(rows.map((s) => [s.id, s.name]));
}
