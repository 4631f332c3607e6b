import type { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/index.js';

export interface Hotline {
  title: string;
  phone: string;
  hours: string | null;
  tags: string[];
}

/**
 * Hotlines for a person: their station's own entries first, then their
 * region's, then the national ones (`region:CN`), filtered by tag.
 */
export async function hotlinesFor(
  tx: Prisma.TransactionClient,
  options: { locale: Locale; stationId: string | null; region?: string; tag?: string },
): Promise<Hotline[]> {
  const scopes = ['global', 'region:CN'];
  if (options.region) scopes.push(`region:${options.region}`);
  if (options.stationId) scopes.push(`station:${options.stationId}`);
  const rows = await tx.contentEntry.findMany({
    where: {
      kind: 'HOTLINE',
      locale: options.locale,
      active: true,
      scope: { in: scopes },
      ...(options.tag ? { tags: { has: options.tag } } : {}),
    },
    orderBy: [{ sortOrder: 'asc' }, { key: 'asc' }],
  });
  const rank = (scope: string) => (scope.startsWith('station:') ? 0 : scope === 'region:CN' || scope === 'global' ? 2 : 1);
  return rows
    .sort((a, b) => rank(a.scope) - rank(b.scope))
    .filter((row) => row.phone)
    .map((row) => ({ title: row.title, phone: row.phone ?? '', hours: row.hours, tags: row.tags }));
}

export function formatHotlines(hotlines: Hotline[]): string {
  return hotlines.map((h) => `☎ ${h.title}${h.hours ? `（${h.hours}）` : ''}`).join('\n');
}
