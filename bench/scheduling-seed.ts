import type { SqlDriver } from '../src/db/sql-driver.js';

/** Telegram chat id of scheduling participant g is this plus g... */
export const SCHEDULING_CHAT_BASE = 5_000_000;
/** ...and of caseworker g (who gets the morning digest) this plus g. */
const CASEWORKER_CHAT_BASE = 8_000_000;

/** One caseworker per this many participants. */
const CASELOAD = 100;
/** One appointment (class, test or visit) per this many participants... */
const PEOPLE_PER_APPOINTMENT = 50;
/** ...with this many attendees: a fifth of the participants have one tomorrow. */
const ATTENDEES = 10;

export interface SchedulingPopulation {
  stationId: string;
  participants: number;
  appointments: number;
  attendees: number;
}

/**
 * A station with `participants` people linked on Telegram, daily check-ins
 * at a few different times, caseworkers linked on Telegram, and appointments tomorrow at
 * 10:00 station time for a fifth of them. One INSERT … SELECT per table:
 * ids are md5 hashes of the row number, so every table can name the others'
 * rows without reading them back.
 */
export async function seedSchedulingPopulation(sql: SqlDriver, participants: number, appointmentsStartAt: Date): Promise<SchedulingPopulation> {
  const stationId = 'bench-scheduling-station';
  const caseworkers = Math.max(1, Math.ceil(participants / CASELOAD));
  const appointments = Math.floor(participants / PEOPLE_PER_APPOINTMENT);
  const attendees = appointments * ATTENDEES;
  const now = `(now() AT TIME ZONE 'UTC')`;
  const participantId = (g: string) => `md5('bench-sched-p-' || ${g})::uuid::text`;
  const caseworkerId = (g: string) => `md5('bench-sched-cw-' || ${g})::uuid::text`;
  const appointmentId = (g: string) => `md5('bench-sched-a-' || ${g})::uuid::text`;

  await sql.query(
    `INSERT INTO "Station" (id, name, region, timezone, "updatedAt") VALUES ($1, 'Bench scheduling', 'CN-Bench', 'Asia/Shanghai', ${now})`,
    [stationId],
  );
  await sql.query(
    `INSERT INTO "StaffUser" (id, "stationId", role, login, "displayName", "passwordHash", "updatedAt")
     SELECT ${caseworkerId('g')}, $1, 'CASEWORKER', 'bench-sched-cw-' || g, 'CW ' || g, 'x', ${now}
     FROM generate_series(0, $2::int - 1) g`,
    [stationId, caseworkers],
  );
  await sql.query(
    `INSERT INTO "Participant" (id, "stationId", "caseworkerId", pseudonym, "displayName", programme, track, "riskTier",
                                "programmeStart", "consentAt", "checkInCadence", "checkInTime", "updatedAt")
     SELECT ${participantId('g')}, $1, ${caseworkerId('(g % $2::int)')}, 'S-' || g, 'P' || g, 'COMMUNITY_REHAB',
            ((ARRAY['ABSTINENT', 'DEPENDENT', 'METHADONE'])[1 + g % 3])::"Track",
            ((ARRAY['LOW', 'MEDIUM', 'HIGH'])[1 + g % 3])::"RiskTier",
            DATE '2026-01-01', ${now}, 'daily', (ARRAY['09:00', '10:00', '14:30', '19:00'])[1 + g % 4], ${now}
     FROM generate_series(0, $3::int - 1) g`,
    [stationId, caseworkers, participants],
  );
  await sql.query(
    `INSERT INTO "ChannelIdentity" (id, channel, "externalId", "chatId", "participantId")
     SELECT gen_random_uuid()::text, 'TELEGRAM', ($1::int + g)::text, ($1::int + g)::text, ${participantId('g')}
     FROM generate_series(0, $2::int - 1) g`,
    [SCHEDULING_CHAT_BASE, participants],
  );
  await sql.query(
    `INSERT INTO "ChannelIdentity" (id, channel, "externalId", "chatId", "staffUserId")
     SELECT gen_random_uuid()::text, 'TELEGRAM', ($1::int + g)::text, ($1::int + g)::text, ${caseworkerId('g')}
     FROM generate_series(0, $2::int - 1) g`,
    [CASEWORKER_CHAT_BASE, caseworkers],
  );
  await sql.query(
    `INSERT INTO "Appointment" (id, "stationId", kind, title, "startsAt", place, "updatedAt")
     SELECT ${appointmentId('g')}, $1, ((ARRAY['URINE_TEST', 'CLASS', 'CASEWORKER_VISIT'])[1 + g % 3])::"AppointmentKind",
            'Bench ' || g, $2::timestamptz AT TIME ZONE 'UTC', 'Room ' || (g % 10), ${now}
     FROM generate_series(0, $3::int - 1) g`,
    [stationId, appointmentsStartAt.toISOString(), appointments],
  );
  await sql.query(
    `INSERT INTO "AppointmentAttendee" ("appointmentId", "participantId")
     SELECT ${appointmentId(`(g / ${ATTENDEES})`)}, ${participantId('g')}
     FROM generate_series(0, $1::int - 1) g`,
    [attendees],
  );
  // A server's autovacuum analyses after a load like this; the embedded database never does, so neither do we there.
  if (sql.kind === 'postgresql') await sql.exec('ANALYZE');
  return { stationId, participants, appointments, attendees };
}
