import type { ContentEntry, ContentKind, Prisma } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/index.js';
import { CONVERSATION_SEED_CONTENT, RELIEF_SEED } from './index.js';
import type { SeedContent } from './types.js';

export interface ContentScope {
  locale: Locale;
  stationId: string | null;
  /** The station's region, e.g. "CN-Hunan". */
  region?: string | null;
}

export interface ResolvedEntry {
  kind: ContentKind;
  key: string;
  title: string;
  body: string;
  phone: string | null;
  hours: string | null;
  tags: string[];
  keywords: string[];
  audience: 'participant' | 'family' | 'both';
  source: 'db' | 'seed';
}

const SEEDS: readonly SeedContent[] = [...CONVERSATION_SEED_CONTENT, ...RELIEF_SEED];

/** The scopes that apply to a person, like hotlinesFor: station, then region, then national. */
export function scopesFor(scope: ContentScope): string[] {
  const scopes = ['global', 'region:CN'];
  if (scope.region) scopes.push(`region:${scope.region}`);
  if (scope.stationId) scopes.push(`station:${scope.stationId}`);
  return scopes;
}

function scopeRank(scope: string): number {
  if (scope.startsWith('station:')) return 0;
  return scope === 'global' || scope === 'region:CN' ? 2 : 1;
}

function seedFor(kind: ContentKind, key: string): SeedContent | undefined {
  return SEEDS.find((s) => s.kind === kind && s.key === key);
}

function fromSeed(seed: SeedContent, locale: Locale): ResolvedEntry {
  const text = seed.text[locale];
  return {
    kind: seed.kind,
    key: seed.key,
    title: text.title,
    body: text.body,
    phone: null,
    hours: null,
    tags: [],
    keywords: [...seed.keywords],
    audience: seed.audience,
    source: 'seed',
  };
}

type Row = ContentEntry;

function fromRow(row: Row): ResolvedEntry {
  const seed = seedFor(row.kind, row.key);
  const kw = row.tags.filter((t) => t.startsWith('kw:')).map((t) => t.slice(3));
  const audienceTag = row.tags.find((t) => t.startsWith('audience:'))?.slice(9);
  const audience = audienceTag === 'participant' || audienceTag === 'family' || audienceTag === 'both' ? audienceTag : (seed?.audience ?? 'both');
  return {
    kind: row.kind,
    key: row.key,
    title: row.title,
    body: row.body,
    phone: row.phone,
    hours: row.hours,
    tags: row.tags,
    keywords: kw.length ? kw : [...(seed?.keywords ?? [])],
    audience,
    source: 'db',
  };
}

/** The best row per kind and key: the station's own before its region's before national ones. */
function bestPerKey(rows: Row[]): Row[] {
  const best = new Map<string, Row>();
  for (const row of rows) {
    const id = `${row.kind}:${row.key}`;
    const current = best.get(id);
    if (!current || scopeRank(row.scope) < scopeRank(current.scope)) best.set(id, row);
  }
  return [...best.values()];
}

/** One entry by kind and key: a ContentEntry row if there is one for the person, else the seed. */
export async function findEntry(
  tx: Prisma.TransactionClient,
  kind: ContentKind,
  key: string,
  scope: ContentScope,
): Promise<ResolvedEntry | undefined> {
  const rows = await tx.contentEntry.findMany({
    where: { kind, key, locale: scope.locale, active: true, scope: { in: scopesFor(scope) } },
  });
  const [row] = bestPerKey(rows);
  if (row) return fromRow(row);
  const seed = seedFor(kind, key);
  return seed ? fromSeed(seed, scope.locale) : undefined;
}

/** Every entry of these kinds for the person: rows, plus seeds whose key no row has. */
export async function loadEntries(tx: Prisma.TransactionClient, kinds: ContentKind[], scope: ContentScope): Promise<ResolvedEntry[]> {
  const rows = await tx.contentEntry.findMany({
    where: { kind: { in: kinds }, locale: scope.locale, active: true, scope: { in: scopesFor(scope) } },
    orderBy: ENTRY_ORDER,
  });
  return resolveEntries(rows, kinds, scope);
}

/** The order entries are offered in; rows given to `entriesFrom` must be sorted so. */
export const ENTRY_ORDER = [{ sortOrder: 'asc' }, { key: 'asc' }] satisfies Prisma.ContentEntryOrderByWithRelationInput[];

/** `loadEntries` over rows already in memory (active rows of every kind, in ENTRY_ORDER). */
export function entriesFrom(rows: readonly Row[], kinds: ContentKind[], scope: ContentScope): ResolvedEntry[] {
  const scopes = new Set(scopesFor(scope));
  const matching = rows.filter((row) => row.active && kinds.includes(row.kind) && row.locale === scope.locale && scopes.has(row.scope));
  return resolveEntries(matching, kinds, scope);
}

function resolveEntries(rows: Row[], kinds: ContentKind[], scope: ContentScope): ResolvedEntry[] {
  const entries = bestPerKey(rows).map(fromRow);
  const present = new Set(entries.map((e) => `${e.kind}:${e.key}`));
  for (const seed of SEEDS) {
    if (kinds.includes(seed.kind) && !present.has(`${seed.kind}:${seed.key}`)) entries.push(fromSeed(seed, scope.locale));
  }
  return entries;
}
