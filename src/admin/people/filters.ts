import { z } from 'zod';
import { PersonStatus, RiskTier, Track } from '../../generated/prisma/enums.js';

export const REACH_FILTERS = ['unreachable', 'unlinked'] as const;
export type ReachFilter = (typeof REACH_FILTERS)[number];

export interface PeopleFilters {
  /** A fragment of the pseudonym, name or phone number. Never logged. */
  q?: string;
  stationId?: string;
  caseworkerId?: string;
  track?: Track;
  riskTier?: RiskTier;
  status?: PersonStatus;
  /** unreachable: every linked chat account is unreachable; unlinked: no chat account yet. */
  reach?: ReachFilter;
  page: number;
}

const text = z.string().trim().max(64);

/** The filters as the API takes them: a bad value is a 422. */
export const PeopleQuerySchema = z.object({
  q: text.optional(),
  station: text.optional(),
  caseworker: text.optional(),
  track: z.enum(Track).optional(),
  risk: z.enum(RiskTier).optional(),
  status: z.enum(PersonStatus).optional(),
  reach: z.enum(REACH_FILTERS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

// Pages are lenient: a bad value in the address bar falls back to no filter.
const PageQuerySchema = z.object({
  q: text.optional().catch(undefined),
  station: text.optional().catch(undefined),
  caseworker: text.optional().catch(undefined),
  track: z.enum(Track).optional().catch(undefined),
  risk: z.enum(RiskTier).optional().catch(undefined),
  status: z.enum(PersonStatus).optional().catch(undefined),
  reach: z.enum(REACH_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function toFilters(parsed: z.infer<typeof PeopleQuerySchema>): PeopleFilters {
  return {
    ...(parsed.q ? { q: parsed.q } : {}),
    ...(parsed.station ? { stationId: parsed.station } : {}),
    ...(parsed.caseworker ? { caseworkerId: parsed.caseworker } : {}),
    ...(parsed.track ? { track: parsed.track } : {}),
    ...(parsed.risk ? { riskTier: parsed.risk } : {}),
    ...(parsed.status ? { status: parsed.status } : {}),
    ...(parsed.reach ? { reach: parsed.reach } : {}),
    page: parsed.page,
  };
}

export function parsePeopleFilters(query: Record<string, string>): PeopleFilters {
  return toFilters(PageQuerySchema.parse({ page: 1, ...query }));
}

/** The same filters as a query string, for paging links. */
export function filtersToQuery(filters: PeopleFilters, page = filters.page): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.stationId) params.set('station', filters.stationId);
  if (filters.caseworkerId) params.set('caseworker', filters.caseworkerId);
  if (filters.track) params.set('track', filters.track);
  if (filters.riskTier) params.set('risk', filters.riskTier);
  if (filters.status) params.set('status', filters.status);
  if (filters.reach) params.set('reach', filters.reach);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `?${query}` : '';
}
