import { Prisma, type PrismaClient } from '../../generated/prisma/client.js';
import type { ReportDimension, ReportParams } from './range.js';

/** A row's group: one station or caseworker (null: people without a caseworker), or every group together. */
export type ReportGroup = { kind: 'all' } | { kind: 'one'; id: string | null; name: string | null };

export interface CheckInRow {
  group: ReportGroup;
  /** Check-in prompts sent (kind CHECK_IN, status SENT, due in the range); follow-ups are not counted again. */
  sent: number;
  answered: number;
  /** Sent, not answered, and still inside their window: left out of the rate. */
  pending: number;
  /** answered / (sent − pending); null when nothing could have been answered. */
  rate: number | null;
}

export interface AttendanceRow {
  group: ReportGroup;
  attended: number;
  missed: number;
  excused: number;
  /** Past appointments with no attendance recorded yet. */
  unrecorded: number;
  /** attended / (attended + missed); null when neither was recorded. */
  rate: number | null;
}

export interface EscalationRow {
  group: ReportGroup;
  /** null: every level together. */
  level: number | null;
  opened: number;
  acknowledged: number;
  /** Time from opening to acknowledgement, in seconds, over the acknowledged ones. */
  ackMedianSec: number | null;
  ackP90Sec: number | null;
  /** Steps up the tiers (RE_ESCALATED events) and the escalations that took at least one. */
  reescalations: number;
  reescalated: number;
}

export interface Report {
  checkIns: CheckInRow[];
  attendance: AttendanceRow[];
  escalations: EscalationRow[];
}

// Whitelisted identifiers: the only SQL built from a parameter.
const GROUP_COLUMN: Record<ReportDimension, Prisma.Sql> = {
  station: Prisma.raw('p."stationId"'),
  caseworker: Prisma.raw('p."caseworkerId"'),
};

function stationFilter(params: ReportParams): Prisma.Sql {
  return params.stationId ? Prisma.sql`AND p."stationId" = ${params.stationId}` : Prisma.empty;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

interface Keyed {
  key: string | null;
  isAll: boolean;
}

async function names(prisma: PrismaClient, by: ReportDimension, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows =
    by === 'station'
      ? await prisma.station.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : (await prisma.staffUser.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((s) => ({ id: s.id, name: s.displayName }));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function groupOf(row: Keyed, labels: Map<string, string>): ReportGroup {
  if (row.isAll) return { kind: 'all' };
  return { kind: 'one', id: row.key, name: row.key ? (labels.get(row.key) ?? null) : null };
}

/** Groups by name, people without a caseworker last, and the total at the end. */
function byGroup(a: ReportGroup, b: ReportGroup): number {
  const rank = (g: ReportGroup) => (g.kind === 'all' ? 2 : g.id === null ? 1 : 0);
  const diff = rank(a) - rank(b);
  if (diff !== 0) return diff;
  const nameOf = (g: ReportGroup) => (g.kind === 'one' ? (g.name ?? g.id ?? '') : '');
  return nameOf(a).localeCompare(nameOf(b), 'zh-CN');
}

type CheckInSql = Keyed & { sent: number; answered: number; pending: number };
type AttendanceSql = Keyed & { attended: number; missed: number; excused: number; unrecorded: number };
type EscalationSql = Keyed & {
  level: number | null;
  allLevels: boolean;
  opened: number;
  acknowledged: number;
  ackMedianSec: number | null;
  ackP90Sec: number | null;
  reescalations: number;
  reescalated: number;
};

function checkInSql(prisma: PrismaClient, params: ReportParams, now: Date): Promise<CheckInSql[]> {
  const key = GROUP_COLUMN[params.by];
  return prisma.$queryRaw<CheckInSql[]>`
    SELECT ${key} AS key, GROUPING(${key}) = 1 AS "isAll",
      count(*)::int AS sent,
      count(r."answeredAt")::int AS answered,
      (count(*) FILTER (WHERE r."answeredAt" IS NULL AND r."windowEndsAt" > ${now}))::int AS pending
    FROM "Reminder" r JOIN "Participant" p ON p.id = r."participantId"
    WHERE r.kind = 'CHECK_IN' AND r.status = 'SENT' AND r."dueAt" >= ${params.from} AND r."dueAt" < ${params.to} ${stationFilter(params)}
    GROUP BY GROUPING SETS ((${key}), ())`;
}

function attendanceSql(prisma: PrismaClient, params: ReportParams, now: Date): Promise<AttendanceSql[]> {
  const key = GROUP_COLUMN[params.by];
  // Only appointments that have started can have an attendance.
  const until = new Date(Math.min(params.to.getTime(), now.getTime()));
  return prisma.$queryRaw<AttendanceSql[]>`
    SELECT ${key} AS key, GROUPING(${key}) = 1 AS "isAll",
      (count(*) FILTER (WHERE a.status = 'ATTENDED'))::int AS attended,
      (count(*) FILTER (WHERE a.status = 'MISSED'))::int AS missed,
      (count(*) FILTER (WHERE a.status = 'EXCUSED'))::int AS excused,
      (count(*) FILTER (WHERE a.status IN ('INVITED', 'CONFIRMED', 'RESCHEDULE_REQUESTED')))::int AS unrecorded
    FROM "AppointmentAttendee" a
      JOIN "Appointment" ap ON ap.id = a."appointmentId"
      JOIN "Participant" p ON p.id = a."participantId"
    WHERE ap.status <> 'CANCELLED' AND ap."startsAt" >= ${params.from} AND ap."startsAt" < ${until} ${stationFilter(params)}
    GROUP BY GROUPING SETS ((${key}), ())`;
}

function escalationSql(prisma: PrismaClient, params: ReportParams): Promise<EscalationSql[]> {
  const key = GROUP_COLUMN[params.by];
  return prisma.$queryRaw<EscalationSql[]>`
    SELECT ${key} AS key, GROUPING(${key}) = 1 AS "isAll", e.level AS level, GROUPING(e.level) = 1 AS "allLevels",
      count(*)::int AS opened,
      count(e."acknowledgedAt")::int AS acknowledged,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (e."acknowledgedAt" - e."openedAt"))::float8) AS "ackMedianSec",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (e."acknowledgedAt" - e."openedAt"))::float8) AS "ackP90Sec",
      COALESCE(sum(re.steps), 0)::int AS reescalations,
      (count(*) FILTER (WHERE re.steps > 0))::int AS reescalated
    FROM "Escalation" e
      JOIN "Participant" p ON p.id = e."participantId"
      CROSS JOIN LATERAL (
        SELECT count(*) AS steps FROM "EscalationEvent" ev WHERE ev."escalationId" = e.id AND ev.type = 'RE_ESCALATED'
      ) re
    WHERE e."openedAt" >= ${params.from} AND e."openedAt" < ${params.to} ${stationFilter(params)}
    GROUP BY GROUPING SETS ((${key}, e.level), (${key}), (e.level), ())`;
}

/**
 * Check-in response, attendance and escalation handling for a range, per
 * station or per caseworker (the person's current caseworker), with a total
 * row. Everything is aggregated in SQL, percentiles included.
 */
export async function buildReport(prisma: PrismaClient, params: ReportParams, now: Date): Promise<Report> {
  const [checkIns, attendance, escalations] = await Promise.all([
    checkInSql(prisma, params, now),
    attendanceSql(prisma, params, now),
    escalationSql(prisma, params),
  ]);
  const ids = [...checkIns, ...attendance, ...escalations].flatMap((r) => (r.key && !r.isAll ? [r.key] : []));
  const labels = await names(prisma, params.by, [...new Set(ids)]);
  return {
    checkIns: checkIns
      .map((r) => ({ group: groupOf(r, labels), sent: r.sent, answered: r.answered, pending: r.pending, rate: ratio(r.answered, r.sent - r.pending) }))
      .filter((r) => r.group.kind === 'one' || r.sent > 0)
      .sort((a, b) => byGroup(a.group, b.group)),
    attendance: attendance
      .map((r) => ({
        group: groupOf(r, labels),
        attended: r.attended,
        missed: r.missed,
        excused: r.excused,
        unrecorded: r.unrecorded,
        rate: ratio(r.attended, r.attended + r.missed),
      }))
      .filter((r) => r.group.kind === 'one' || r.attended + r.missed + r.excused + r.unrecorded > 0)
      .sort((a, b) => byGroup(a.group, b.group)),
    escalations: escalations
      .map((r) => ({
        group: groupOf(r, labels),
        level: r.allLevels ? null : r.level,
        opened: r.opened,
        acknowledged: r.acknowledged,
        ackMedianSec: r.ackMedianSec,
        ackP90Sec: r.ackP90Sec,
        reescalations: r.reescalations,
        reescalated: r.reescalated,
      }))
      .filter((r) => r.group.kind === 'one' || r.opened > 0)
      .sort((a, b) => byGroup(a.group, b.group) || (b.level ?? 5) - (a.level ?? 5)),
  };
}
