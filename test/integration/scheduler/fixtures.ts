import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Prisma, PrismaClient, Track } from '../../../src/generated/prisma/client.js';
import { DEFAULT_ACK_POLICY } from '../../../src/escalation/policy.js';
import { createScheduler, type Scheduler, type SchedulerOptions } from '../../../src/scheduler/index.js';
import { testLogger } from '../../support/service.js';

export const SH = 'Asia/Shanghai';

/** An instant from a local "YYYY-MM-DDTHH:mm" in a zone. */
export function at(local: string, zone = SH): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toJSDate();
}

/** Everything the scheduler tests create, gone: each test starts from an empty database. */
export async function wipe(prisma: PrismaClient): Promise<void> {
  await prisma.$executeRawUnsafe('TRUNCATE "Station", "StaffUser", "SystemSetting", "Reminder", "OutboxMessage", "Broadcast", "SensitivePeriod" CASCADE');
}

export function scheduler(prisma: PrismaClient, options: Partial<SchedulerOptions> = {}, consoleUrl?: string): Scheduler {
  return createScheduler({
    prisma,
    log: testLogger(),
    escalation: { policy: DEFAULT_ACK_POLICY, consoleUrl },
    // Tests move the clock freely: plan on every tick unless a test says otherwise.
    options: { planEveryMinutes: 0, ...options },
  });
}

export async function station(prisma: PrismaClient, timezone = SH, name = '示范指导站'): Promise<string> {
  return (await prisma.station.create({ data: { name, region: 'test', timezone } })).id;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export type IdentityState = 'ok' | 'opted-out' | 'unreachable' | 'none' | 'two';

async function identities(
  prisma: PrismaClient,
  owner: Pick<Prisma.ChannelIdentityUncheckedCreateInput, 'participantId' | 'familyMemberId' | 'staffUserId'>,
  state: IdentityState,
): Promise<string[]> {
  if (state === 'none') return [];
  const count = state === 'two' ? 2 : 1;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const external = `u-${unique()}`;
    const row = await prisma.channelIdentity.create({
      data: {
        ...owner,
        channel: i === 0 ? 'WEB' : 'TELEGRAM',
        externalId: external,
        chatId: external,
        reachable: state !== 'unreachable',
        optedOutAt: state === 'opted-out' ? new Date('2020-01-01T00:00:00Z') : null,
      },
    });
    ids.push(row.id);
  }
  return ids;
}

export async function staff(
  prisma: PrismaClient,
  stationId: string,
  input: { role?: 'CASEWORKER' | 'SUPERVISOR'; locale?: string; identity?: IdentityState; displayName?: string } = {},
): Promise<{ id: string; identityIds: string[] }> {
  const row = await prisma.staffUser.create({
    data: {
      stationId,
      role: input.role ?? 'CASEWORKER',
      login: `staff-${unique()}`,
      displayName: input.displayName ?? '社工 李芳',
      passwordHash: 'x',
      locale: input.locale ?? 'zh-CN',
    },
  });
  return { id: row.id, identityIds: await identities(prisma, { staffUserId: row.id }, input.identity ?? 'ok') };
}

export interface ParticipantInput {
  track?: Track;
  caseworkerId?: string;
  checkInCadence?: string | null;
  checkInTime?: string;
  mutedUntil?: Date | null;
  status?: 'ACTIVE' | 'PAUSED' | 'COMPLETED' | 'OPTED_OUT';
  identity?: IdentityState;
  locale?: string;
  displayName?: string;
  birthday?: string;
  familyChangeAt?: Date;
  familyChangeNote?: string;
  riskTier?: 'LOW' | 'MEDIUM' | 'HIGH';
}

export async function participant(prisma: PrismaClient, stationId: string, input: ParticipantInput = {}): Promise<{ id: string; pseudonym: string; identityIds: string[] }> {
  const pseudonym = `P-${randomUUID().slice(0, 8).toUpperCase()}`;
  const row = await prisma.participant.create({
    data: {
      stationId,
      caseworkerId: input.caseworkerId ?? null,
      pseudonym,
      displayName: input.displayName ?? '小王',
      programme: 'COMMUNITY_REHAB',
      track: input.track ?? 'DEPENDENT',
      riskTier: input.riskTier ?? 'MEDIUM',
      programmeStart: new Date('2026-01-05T00:00:00Z'),
      checkInCadence: input.checkInCadence ?? null,
      checkInTime: input.checkInTime ?? '09:00',
      mutedUntil: input.mutedUntil ?? null,
      status: input.status ?? 'ACTIVE',
      locale: input.locale ?? 'zh-CN',
      birthday: input.birthday ? new Date(`${input.birthday}T00:00:00Z`) : null,
      familyChangeAt: input.familyChangeAt ?? null,
      familyChangeNote: input.familyChangeNote ?? null,
    },
  });
  return { id: row.id, pseudonym, identityIds: await identities(prisma, { participantId: row.id }, input.identity ?? 'ok') };
}

export async function familyMember(prisma: PrismaClient, participantId: string, identity: IdentityState = 'ok'): Promise<{ id: string; identityIds: string[] }> {
  const row = await prisma.familyMember.create({ data: { participantId, displayName: '王阿姨', relation: '母亲' } });
  return { id: row.id, identityIds: await identities(prisma, { familyMemberId: row.id }, identity) };
}

export async function appointment(
  prisma: PrismaClient,
  stationId: string,
  input: { kind?: 'URINE_TEST' | 'HAIR_TEST' | 'CLASS' | 'METHADONE_DOSE' | 'CASEWORKER_VISIT' | 'OTHER'; startsAt: Date; place?: string | null; topic?: string; attendees: string[] },
): Promise<string> {
  const row = await prisma.appointment.create({
    data: {
      stationId,
      kind: input.kind ?? 'URINE_TEST',
      startsAt: input.startsAt,
      place: input.place === undefined ? '示范指导站 尿检室' : input.place,
      topic: input.topic ?? null,
      attendees: { create: input.attendees.map((participantId) => ({ participantId })) },
    },
  });
  return row.id;
}

export async function reminders(prisma: PrismaClient, where: Prisma.ReminderWhereInput = {}) {
  return prisma.reminder.findMany({ where, orderBy: [{ dueAt: 'asc' }, { dedupeKey: 'asc' }] });
}

export async function outboxFor(prisma: PrismaClient, identityIds: string[]) {
  return prisma.outboxMessage.findMany({ where: { identityId: { in: identityIds } }, orderBy: [{ createdAt: 'asc' }, { nextAttemptAt: 'asc' }] });
}

export function text(payload: Prisma.JsonValue): string {
  return (payload as { text?: string }).text ?? '';
}

export function choices(payload: Prisma.JsonValue): { label: string; value: string }[] {
  return (payload as { choices?: { label: string; value: string }[] }).choices ?? [];
}
