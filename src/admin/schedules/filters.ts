import { z } from 'zod';
import type { AppointmentKind, AppointmentStatus } from '../../generated/prisma/client.js';
import { addDays, atLocal } from '../../scheduler/time.js';
import { APPOINTMENT_KINDS, IsoDate } from './schema.js';

export const VIEWS = ['week', 'list'] as const;
export type ScheduleView = (typeof VIEWS)[number];

export const STATUS_FILTERS = ['SCHEDULED', 'CANCELLED', 'DONE', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ScheduleFilters {
  view: ScheduleView;
  kind?: AppointmentKind | undefined;
  /** Admins choose any station; others are limited to theirs anyway. */
  stationId?: string | undefined;
  /** Local dates (station time), inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  status: StatusFilter;
  /** Any local date in the week to show. */
  week?: string | undefined;
}

// Pages are lenient: a bad value in the address bar falls back to the default.
const PageQuery = z.object({
  view: z.enum(VIEWS).catch('week'),
  kind: z.enum(APPOINTMENT_KINDS).optional().catch(undefined),
  station: z.string().trim().max(64).optional().catch(undefined),
  from: IsoDate.optional().catch(undefined),
  to: IsoDate.optional().catch(undefined),
  status: z.enum(STATUS_FILTERS).catch('all'),
  week: IsoDate.optional().catch(undefined),
});

export function parseScheduleFilters(query: Record<string, string>): ScheduleFilters {
  const parsed = PageQuery.parse(query);
  return {
    view: parsed.view,
    status: parsed.status,
    ...(parsed.kind ? { kind: parsed.kind } : {}),
    ...(parsed.station ? { stationId: parsed.station } : {}),
    ...(parsed.from ? { from: parsed.from } : {}),
    ...(parsed.to ? { to: parsed.to } : {}),
    ...(parsed.week ? { week: parsed.week } : {}),
  };
}

export function statusOf(filter: StatusFilter): AppointmentStatus | undefined {
  return filter === 'all' ? undefined : filter;
}

/** Default list range: today and the next four weeks. */
export const LIST_DAYS = 28;

/** The list's range as instants: from the start of `from` to the end of `to`, local time. */
export function listRange(filters: ScheduleFilters, today: string, zone: string): { from: string; to: string; start: Date; end: Date } {
  const from = filters.from ?? today;
  const to = filters.to && filters.to >= from ? filters.to : addDays(from, LIST_DAYS - 1);
  return { from, to, start: atLocal(from, 0, zone), end: atLocal(addDays(to, 1), 0, zone) };
}

/** The same filters as a query string, for links (prev/next week, switching views). */
export function filtersToQuery(filters: ScheduleFilters, change: Partial<ScheduleFilters> = {}): string {
  const f = { ...filters, ...change };
  const params = new URLSearchParams();
  params.set('view', f.view);
  if (f.kind) params.set('kind', f.kind);
  if (f.stationId) params.set('station', f.stationId);
  if (f.status !== 'all') params.set('status', f.status);
  if (f.view === 'list') {
    if (f.from) params.set('from', f.from);
    if (f.to) params.set('to', f.to);
  } else if (f.week) params.set('week', f.week);
  return `?${params.toString()}`;
}
