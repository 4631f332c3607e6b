import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { PrismaClient } from '../src/db/client.js';

export const BENCH_TIMEZONE = 'Asia/Shanghai';

/**
 * A time of day (HH:MM, station time) twelve hours from now. Bench
 * participants check in, and caseworkers get their digest, at this time, so
 * the day's check-in wave (a message to every participant at once) never
 * falls inside a measurement: it used to land in the latency run or not
 * depending on the minute the service started, and put seconds on its tail.
 */
export function timeOfDayAwayFromNow(): string {
  return DateTime.now().setZone(BENCH_TIMEZONE).plus({ hours: 12 }).toFormat('HH:mm');
}

export interface BenchPeople {
  stationId: string;
  /** Telegram chat ids of the linked participants, in order. */
  participantChats: number[];
  /** When participants check in and caseworkers get their digest (station time): away from the measurements. */
  checkInTime: string;
  /** Telegram chat ids of the caseworkers who get alerts. */
  caseworkerChats: Set<number>;
}

const PARTICIPANT_CHAT_BASE = 1_000_000;
const CASEWORKER_CHAT_BASE = 9_000_000;

/**
 * A station with `caseworkers` caseworkers (each linked on Telegram) and
 * `participants` participants linked on Telegram, spread evenly over them.
 */
export async function seedBenchPeople(prisma: PrismaClient, participants: number, caseworkers: number, checkInTime: string): Promise<BenchPeople> {
  const station = await prisma.station.create({ data: { name: 'Bench station', region: 'CN-Bench', timezone: BENCH_TIMEZONE } });
  const staffIds = Array.from({ length: caseworkers }, () => randomUUID());
  await prisma.staffUser.createMany({
    data: staffIds.map((id, i) => ({
      id,
      stationId: station.id,
      role: 'CASEWORKER' as const,
      login: `bench-cw-${i}`,
      displayName: `CW ${i}`,
      passwordHash: 'x',
    })),
  });
  const people = Array.from({ length: participants }, (_, i) => ({
    id: randomUUID(),
    stationId: station.id,
    caseworkerId: staffIds[i % caseworkers] ?? null,
    pseudonym: `B-${i}`,
    displayName: `P${i}`,
    programme: 'COMMUNITY_REHAB' as const,
    track: 'ABSTINENT' as const,
    programmeStart: new Date('2026-01-01'),
    consentAt: new Date(),
    checkInTime,
  }));
  for (let i = 0; i < people.length; i += 5000) await prisma.participant.createMany({ data: people.slice(i, i + 5000) });
  const identities = [
    ...people.map((p, i) => ({ channel: 'TELEGRAM' as const, externalId: String(PARTICIPANT_CHAT_BASE + i), chatId: String(PARTICIPANT_CHAT_BASE + i), participantId: p.id })),
    ...staffIds.map((id, i) => ({ channel: 'TELEGRAM' as const, externalId: String(CASEWORKER_CHAT_BASE + i), chatId: String(CASEWORKER_CHAT_BASE + i), staffUserId: id })),
  ];
  for (let i = 0; i < identities.length; i += 5000) await prisma.channelIdentity.createMany({ data: identities.slice(i, i + 5000) });
  return {
    stationId: station.id,
    participantChats: people.map((_, i) => PARTICIPANT_CHAT_BASE + i),
    checkInTime,
    caseworkerChats: new Set(staffIds.map((_, i) => CASEWORKER_CHAT_BASE + i)),
  };
}
