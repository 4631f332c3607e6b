import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { StaffPrincipal } from '../access/principal.js';

export const REPORT_DIMENSIONS = ['station', 'caseworker'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** Stations without their own timezone use the schema's default. */
const FALLBACK_TIMEZONE = 'Asia/Shanghai';
const DEFAULT_DAYS = 30;
const MAX_DAYS = 400;

export interface ReportParams {
  by: ReportDimension;
  /** Days as the staff typed them, yyyy-MM-dd, both included. */
  fromDay: string;
  toDay: string;
  /** [from, to) in UTC, from the days in `timezone`. */
  from: Date;
  to: Date;
  timezone: string;
  /** Limited to one station: the chosen one for admins, their own for supervisors. */
  stationId: string | undefined;
}

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// Lenient like the queue filters: a bad value falls back to the default.
const QuerySchema = z.object({
  by: z.enum(REPORT_DIMENSIONS).catch('station'),
  from: DAY.optional().catch(undefined),
  to: DAY.optional().catch(undefined),
  station: z.string().trim().max(64).optional().catch(undefined),
});

function day(value: string | undefined, zone: string): DateTime | undefined {
  if (!value) return undefined;
  const parsed = DateTime.fromISO(value, { zone });
  return parsed.isValid ? parsed.startOf('day') : undefined;
}

/**
 * The report's range and scope. Days are read in the station's timezone
 * (the chosen station, else the viewer's own, else Asia/Shanghai).
 */
export async function parseReportParams(prisma: PrismaClient, viewer: StaffPrincipal, query: Record<string, string>, now: Date): Promise<ReportParams> {
  const parsed = QuerySchema.parse(query);
  const stationId = viewer.role === 'ADMIN' ? parsed.station || undefined : (viewer.stationId ?? undefined);
  const zoneStation = stationId ?? viewer.stationId;
  const stored = zoneStation ? (await prisma.station.findUnique({ where: { id: zoneStation }, select: { timezone: true } }))?.timezone : undefined;
  const timezone = stored && IANAZone.isValidZone(stored) ? stored : FALLBACK_TIMEZONE;
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  let last = day(parsed.to, timezone) ?? today;
  let first = day(parsed.from, timezone) ?? last.minus({ days: DEFAULT_DAYS - 1 });
  if (first > last) [first, last] = [last, first];
  if (last.diff(first, 'days').days > MAX_DAYS) first = last.minus({ days: MAX_DAYS });
  return {
    by: parsed.by,
    fromDay: first.toISODate() ?? '',
    toDay: last.toISODate() ?? '',
    from: first.toJSDate(),
    to: last.plus({ days: 1 }).toJSDate(),
    timezone,
    stationId,
  };
}

/** The same parameters as a query string, for links and the CSV exports. */
export function paramsToQuery(params: ReportParams): string {
  const search = new URLSearchParams({ by: params.by, from: params.fromDay, to: params.toDay });
  if (params.stationId) search.set('station', params.stationId);
  return search.toString();
}
