import { z } from 'zod';

export const QUEUE_STATUSES = ['active', 'OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export interface QueueFilters {
  status: QueueStatus;
  /** Minimum level. */
  level?: number;
  /** Admins only; others are limited to their station anyway. */
  stationId?: string;
  /** Only the staff member's caseload. */
  mine: boolean;
}

// Pages are lenient: a bad value in the address bar falls back to the default.
const PageQuerySchema = z.object({
  status: z.enum(QUEUE_STATUSES).catch('active'),
  level: z.coerce.number().int().min(1).max(4).optional().catch(undefined),
  station: z.string().trim().max(64).optional().catch(undefined),
  mine: z.string().optional().catch(undefined),
});

export function parseQueueFilters(query: Record<string, string>): QueueFilters {
  const parsed = PageQuerySchema.parse(query);
  return {
    status: parsed.status,
    ...(parsed.level ? { level: parsed.level } : {}),
    ...(parsed.station ? { stationId: parsed.station } : {}),
    mine: parsed.mine === '1',
  };
}

/** The same filters as a query string, for the list fragment and links. */
export function filtersToQuery(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'active') params.set('status', filters.status);
  if (filters.level) params.set('level', String(filters.level));
  if (filters.stationId) params.set('station', filters.stationId);
  if (filters.mine) params.set('mine', '1');
  const query = params.toString();
  return query ? `?${query}` : '';
}
