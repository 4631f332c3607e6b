import type { SqlDriver } from '../src/db/sql-driver.js';

const STATION_ID = 'bench-console-station';
const CASEWORKERS = 20;

export interface ConsolePopulation {
  /** Sees the whole station's queue. */
  supervisorId: string;
  /** The participant with the long history. */
  historyParticipantId: string;
  historyPseudonym: string;
  openEscalations: number;
  historyMessages: number;
}

const now = `(now() AT TIME ZONE 'UTC')`;
const participantId = (g: string) => `md5('bench-con-p-' || ${g})::uuid::text`;
const caseworkerId = (g: string) => `md5('bench-con-cw-' || ${g})::uuid::text`;
const messageId = (g: string) => `md5('bench-con-m-' || ${g})::uuid::text`;
const escalationId = (g: string) => `md5('bench-con-e-' || ${g})::uuid::text`;
/** A few of the things people write when an escalation opens, of different lengths. */
const CRISIS_TEXTS = `ARRAY['我不想活了', '今天又用了，控制不住，不知道该怎么办', '我把药都攒起来了', '好累，想一了百了', '他又喝多了在打人，我很害怕']`;

/** A station, its supervisor and caseworkers, and one person per open escalation, each with the message and assessment that opened it. */
async function seedEscalations(sql: SqlDriver, escalations: number, base: Date): Promise<void> {
  const opened = `($1::timestamptz - g * interval '1 minute')`;
  const level = `(2 + g % 3)`;
  const text = `(${CRISIS_TEXTS})[1 + g % 5]`;
  await sql.query(
    `INSERT INTO "Participant" (id, "stationId", "caseworkerId", pseudonym, "displayName", programme, track, "programmeStart", "consentAt", "updatedAt")
     SELECT ${participantId('g')}, $1, ${caseworkerId(`(g % ${CASEWORKERS})`)}, 'C-' || g, 'P' || g, 'COMMUNITY_REHAB', 'DEPENDENT', DATE '2026-01-01', ${now}, ${now}
     FROM generate_series(0, $2::int - 1) g`,
    [STATION_ID, escalations],
  );
  await sql.query(
    `INSERT INTO "Message" (id, direction, channel, "channelMessageId", "participantId", kind, text, "createdAt")
     SELECT ${messageId('g')}, 'INBOUND', 'TELEGRAM', 'bench-con-' || g, ${participantId('g')}, 'TEXT', ${text}, ${opened} AT TIME ZONE 'UTC'
     FROM generate_series(0, $2::int - 1) g`,
    [base.toISOString(), escalations],
  );
  await sql.query(
    `INSERT INTO "RiskAssessment" (id, "messageId", "participantId", level, categories, speaker, "timeFrame", evidence, source, "createdAt")
     SELECT gen_random_uuid()::text, ${messageId('g')}, ${participantId('g')}, ${level}, ARRAY['suicide'], 'SELF', 'CURRENT',
            '{"phrases": ["不想活"]}'::jsonb, 'rules', ${opened} AT TIME ZONE 'UTC'
     FROM generate_series(0, $2::int - 1) g`,
    [base.toISOString(), escalations],
  );
  await sql.query(
    `INSERT INTO "Escalation" (id, "participantId", level, categories, status, "assignedToId", "ackDeadline", excerpt, "openedAt", "updatedAt")
     SELECT ${escalationId('g')}, ${participantId('g')}, ${level}, ARRAY['suicide'], 'OPEN',
            CASE WHEN g % 3 = 0 THEN ${caseworkerId(`(g % ${CASEWORKERS})`)} END,
            (${opened} + interval '30 minutes') AT TIME ZONE 'UTC',
            jsonb_build_object('entries', jsonb_build_array(jsonb_build_object('at', to_json(${opened}) #>> '{}', 'reporter', 'participant', 'level', ${level}, 'text', ${text}))),
            ${opened} AT TIME ZONE 'UTC', ${now}
     FROM generate_series(0, $2::int - 1) g`,
    [base.toISOString(), escalations],
  );
  await sql.query(
    `INSERT INTO "EscalationEvent" (id, "escalationId", type, "toLevel", "createdAt")
     SELECT gen_random_uuid()::text, ${escalationId('g')}, 'OPENED', ${level}, ${opened} AT TIME ZONE 'UTC'
     FROM generate_series(0, $2::int - 1) g`,
    [base.toISOString(), escalations],
  );
}

/** One person with `messages` messages (both ways, some from a family member), daily check-ins and assessments over the same months. */
async function seedHistory(sql: SqlDriver, id: string, messages: number, base: Date): Promise<void> {
  const at = `($1::timestamptz - g * interval '17 minutes') AT TIME ZONE 'UTC'`;
  await sql.query(
    `INSERT INTO "Participant" (id, "stationId", "caseworkerId", pseudonym, "displayName", programme, track, "programmeStart", "consentAt", "checkInCadence", "updatedAt")
     VALUES ($1, $2, ${caseworkerId('0')}, 'C-HISTORY', 'History', 'COMMUNITY_REHAB', 'DEPENDENT', DATE '2025-06-01', ${now}, 'daily', ${now})`,
    [id, STATION_ID],
  );
  await sql.query(
    `INSERT INTO "FamilyMember" (id, "participantId", "displayName", relation, "sharingScope", "updatedAt")
     VALUES ($1::text || '-family', $1, 'Family', 'mother', 'APPOINTMENTS', ${now})`,
    [id],
  );
  await sql.query(
    `INSERT INTO "ChannelIdentity" (id, channel, "externalId", "chatId", "participantId", "lastSeenAt")
     VALUES ($1::text || '-tg', 'TELEGRAM', '7000000', '7000000', $1, ${now})`,
    [id],
  );
  await sql.query(
    `INSERT INTO "Message" (id, direction, channel, "channelMessageId", "participantId", "familyMemberId", kind, text, "createdAt")
     SELECT md5('bench-con-h-' || g)::uuid::text, CASE WHEN g % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END::"Direction", 'TELEGRAM', 'bench-con-h-' || g,
            CASE WHEN g % 50 = 7 THEN NULL ELSE $2::text END, CASE WHEN g % 50 = 7 THEN $2::text || '-family' END, 'TEXT',
            CASE WHEN g % 2 = 0 THEN (${CRISIS_TEXTS})[1 + g % 5] || '，今天第' || g || '条' ELSE '谢谢你告诉我。要不要和社工聊一聊？' END, ${at}
     FROM generate_series(0, $3::int - 1) g`,
    [base.toISOString(), id, messages],
  );
  await sql.query(
    `INSERT INTO "RiskAssessment" (id, "messageId", "participantId", level, categories, speaker, "timeFrame", evidence, source, "createdAt")
     SELECT gen_random_uuid()::text, md5('bench-con-h-' || g)::uuid::text, $2, g % 3, ARRAY['craving'], 'SELF', 'CURRENT', '{}'::jsonb, 'rules', ${at}
     FROM generate_series(0, $3::int - 1, 10) g`,
    [base.toISOString(), id, messages],
  );
  await sql.query(
    `INSERT INTO "CheckIn" (id, "participantId", mood, craving, "usedSinceLast", "createdAt")
     SELECT gen_random_uuid()::text, $2, 1 + g % 5, g % 4, g % 30 = 0, ($1::timestamptz - g * interval '1 day') AT TIME ZONE 'UTC'
     FROM generate_series(0, 89) g`,
    [base.toISOString(), id],
  );
}

/**
 * The console's worst day: `escalations` open escalations on one station
 * and one person with `messages` messages, in bulk SQL (ids are md5 hashes
 * of the row number, so each table names the others' rows without reading them).
 */
export async function seedConsolePopulation(sql: SqlDriver, escalations: number, messages: number, base: Date): Promise<ConsolePopulation> {
  const supervisorId = 'bench-console-supervisor';
  const historyParticipantId = 'bench-console-history';
  await sql.query(`INSERT INTO "Station" (id, name, region, timezone, "updatedAt") VALUES ($1, 'Bench console', 'CN-Bench', 'Asia/Shanghai', ${now})`, [STATION_ID]);
  await sql.query(
    `INSERT INTO "StaffUser" (id, "stationId", role, login, "displayName", "passwordHash", locale, "updatedAt")
     VALUES ($1, $2, 'SUPERVISOR', 'bench-console-supervisor', 'Supervisor', 'x', 'zh-CN', ${now})`,
    [supervisorId, STATION_ID],
  );
  await sql.query(
    `INSERT INTO "StaffUser" (id, "stationId", role, login, "displayName", "passwordHash", "updatedAt")
     SELECT ${caseworkerId('g')}, $1, 'CASEWORKER', 'bench-con-cw-' || g, 'CW ' || g, 'x', ${now}
     FROM generate_series(0, $2::int - 1) g`,
    [STATION_ID, CASEWORKERS],
  );
  await seedEscalations(sql, escalations, base);
  await seedHistory(sql, historyParticipantId, messages, base);
  // A server's autovacuum analyses after a load like this; the embedded database never does, so neither do we there.
  if (sql.kind === 'postgresql') await sql.exec('ANALYZE');
  return { supervisorId, historyParticipantId, historyPseudonym: 'C-HISTORY', openEscalations: escalations, historyMessages: messages };
}
