import { Prisma, type AppointmentKind, type ReminderKind, type ReminderStatus, type RiskTier, type Track } from '../generated/prisma/client.js';

/**
 * The planning pass's bulk reads and writes, in SQL: Prisma's createMany and
 * relation filters cost about a millisecond per row on the embedded
 * database, which is minutes for 100,000 people; one INSERT … SELECT FROM
 * unnest(…) is a fraction of a second per batch on both databases.
 */

type Tx = Prisma.TransactionClient;

export interface ReminderRow {
  kind: ReminderKind;
  dedupeKey: string;
  participantId?: string | null;
  staffUserId?: string | null;
  appointmentId?: string | null;
  dueAt: Date;
  windowEndsAt: Date;
  status?: ReminderStatus;
  skipReason?: string | null;
  createdAt: Date;
}

/** Rows written per statement. */
const INSERT_CHUNK = 5000;

/** Creates the rows whose dedupe keys are new; returns how many were created. */
export async function insertReminders(tx: Tx, rows: readonly ReminderRow[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    created += await tx.$executeRaw`
      INSERT INTO "Reminder" (id, kind, "dedupeKey", "participantId", "staffUserId", "appointmentId", "dueAt", "windowEndsAt", status, "skipReason", "createdAt")
      SELECT gen_random_uuid()::text, r.kind::"ReminderKind", r.key, r.participant, r.staff, r.appointment,
             r.due AT TIME ZONE 'UTC', r.window_end AT TIME ZONE 'UTC', r.status::"ReminderStatus", r.reason, r.created AT TIME ZONE 'UTC'
      FROM unnest(
        ${chunk.map((r) => r.kind)}::text[],
        ${chunk.map((r) => r.dedupeKey)}::text[],
        ${chunk.map((r) => r.participantId ?? null)}::text[],
        ${chunk.map((r) => r.staffUserId ?? null)}::text[],
        ${chunk.map((r) => r.appointmentId ?? null)}::text[],
        ${chunk.map((r) => r.dueAt.toISOString())}::timestamptz[],
        ${chunk.map((r) => r.windowEndsAt.toISOString())}::timestamptz[],
        ${chunk.map((r) => r.status ?? 'PENDING')}::text[],
        ${chunk.map((r) => r.skipReason ?? null)}::text[],
        ${chunk.map((r) => r.createdAt.toISOString())}::timestamptz[]
      ) AS r(kind, key, participant, staff, appointment, due, window_end, status, reason, created)
      ON CONFLICT ("dedupeKey") DO NOTHING`;
  }
  return created;
}

export interface EligibleParticipant {
  id: string;
  stationId: string;
  track: Track;
  riskTier: RiskTier;
  checkInCadence: string | null;
  checkInTime: string;
  mutedUntil: Date | null;
  /** Dedupe keys of check-in reminders already planned from `plannedSince` on. */
  planned: string[];
}

/** A chat account that can receive non-reply messages. */
const SENDABLE = Prisma.sql`EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."participantId" = p.id AND i.reachable AND i."optedOutAt" IS NULL)`;

/**
 * One page of participants by id, with whether each can get check-in
 * reminders (active, with a chat account that can receive them). The page
 * is taken by primary key first and filtered after, so the plan does not
 * depend on table statistics: they lag a bulk change (the embedded
 * database's upkeep analyses every ten minutes), and a join planned without
 * them read every identity for every page. `next` is the cursor for the
 * following page.
 */
export async function participantPage(
  tx: Tx,
  input: { after: string | undefined; limit: number; plannedSince: Date },
): Promise<{ eligible: EligibleParticipant[]; next: string | undefined; scanned: number }> {
  const { after, limit, plannedSince } = input;
  const rows = await tx.$queryRaw<(EligibleParticipant & { status: string; sendable: boolean })[]>`
    SELECT p.id, p."stationId", p.track::text AS track, p."riskTier"::text AS "riskTier", p."checkInCadence", p."checkInTime", p."mutedUntil", p.status::text AS status,
           EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."participantId" = p.id AND i.reachable AND i."optedOutAt" IS NULL) AS sendable,
           ARRAY(SELECT r."dedupeKey" FROM "Reminder" r
                 WHERE r."participantId" = p.id AND r.kind = 'CHECK_IN' AND r."dueAt" >= ${plannedSince}) AS planned
    FROM (SELECT * FROM "Participant" WHERE ${after === undefined ? Prisma.sql`TRUE` : Prisma.sql`id > ${after}`} ORDER BY id LIMIT ${limit}) p
    ORDER BY p.id`;
  const eligible = rows
    .filter((r) => r.status === 'ACTIVE' && r.sendable)
    .map(({ id, stationId, track, riskTier, checkInCadence, checkInTime, mutedUntil, planned }) => ({
      id,
      stationId,
      track,
      riskTier,
      checkInCadence,
      checkInTime,
      mutedUntil,
      planned: planned ?? [],
    }));
  return { eligible, next: rows.length === limit ? rows[rows.length - 1]?.id : undefined, scanned: rows.length };
}

export interface AttendeeToRemind {
  appointmentId: string;
  kind: AppointmentKind;
  stationId: string;
  startsAt: Date;
  participantId: string;
  mutedUntil: Date | null;
  /** Dedupe keys of this person's reminders for this appointment that exist already. */
  planned: string[];
}

/**
 * One page (by appointment and participant) of attendees still to be
 * reminded: the appointment is scheduled and ahead, the attendee has not
 * answered, and the participant is active and can receive reminders.
 */
export async function attendeesToRemind(
  tx: Tx,
  input: { now: Date; until?: Date; appointmentIds?: string[]; after?: { appointmentId: string; participantId: string }; limit: number },
): Promise<AttendeeToRemind[]> {
  const { now, until, appointmentIds, after, limit } = input;
  return tx.$queryRaw<AttendeeToRemind[]>`
    SELECT a.id AS "appointmentId", a.kind::text AS kind, a."stationId", a."startsAt", t."participantId", p."mutedUntil",
           ARRAY(SELECT r."dedupeKey" FROM "Reminder" r
                 WHERE r."participantId" = t."participantId" AND r.kind = 'APPOINTMENT' AND r."appointmentId" = a.id) AS planned
    FROM "Appointment" a
    JOIN "AppointmentAttendee" t ON t."appointmentId" = a.id
    JOIN "Participant" p ON p.id = t."participantId"
    WHERE a.status = 'SCHEDULED' AND a."startsAt" > ${now}
      AND ${until ? Prisma.sql`a."startsAt" <= ${until}` : Prisma.sql`TRUE`}
      AND ${appointmentIds ? Prisma.sql`a.id = ANY(${appointmentIds}::text[])` : Prisma.sql`TRUE`}
      AND ${after ? Prisma.sql`(a.id, t."participantId") > (${after.appointmentId}, ${after.participantId})` : Prisma.sql`TRUE`}
      AND t.status = 'INVITED' AND p.status = 'ACTIVE' AND ${SENDABLE}
    ORDER BY a.id, t."participantId"
    LIMIT ${limit}`;
}
