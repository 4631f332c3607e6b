import { DateTime } from 'luxon';
import { newPseudonym } from '../../core/pseudonym.js';
import { generatePassword, hashPassword } from '../../security/password.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { conversationContentRows } from '../../conversation/content/index.js';
import { HOTLINES, RELIEF_PROGRAMS, type SeedLocale } from './content.js';

const SEEDED_KEY = 'demo.seededAt';
const TIMEZONE = 'Asia/Shanghai';
const LOCALES: SeedLocale[] = ['zh-CN', 'zh-TW', 'en'];

export interface DemoLogin {
  role: string;
  login: string;
  password: string;
}

export type DemoSeedResult = { seeded: true; logins: DemoLogin[] } | { seeded: false; reason: 'already-seeded' | 'not-empty' };

type Tx = Prisma.TransactionClient;

const STAFF = [
  { role: 'ADMIN', login: 'admin', displayName: '管理员' },
  { role: 'SUPERVISOR', login: 'supervisor', displayName: '站长 陈静' },
  { role: 'CASEWORKER', login: 'caseworker', displayName: '社工 李芳' },
  { role: 'CASEWORKER', login: 'backup', displayName: '社工 张伟' },
] as const;

type StaffLogin = (typeof STAFF)[number]['login'];

/** Passwords are hashed before the transaction: scrypt is slow on purpose. */
async function prepareStaff() {
  return Promise.all(
    STAFF.map(async (account) => {
      const password = generatePassword();
      return { ...account, password, passwordHash: await hashPassword(password) };
    }),
  );
}

async function createStaff(tx: Tx, stationId: string, accounts: Awaited<ReturnType<typeof prepareStaff>>) {
  const ids = {} as Record<StaffLogin, string>;
  for (const { password: _password, ...account } of accounts) {
    const staff = await tx.staffUser.create({
      data: { ...account, stationId: account.role === 'ADMIN' ? null : stationId },
    });
    ids[account.login] = staff.id;
  }
  return ids;
}

function localDay(daysFromToday: number, hour: number, minute = 0): Date {
  return DateTime.now().setZone(TIMEZONE).startOf('day').plus({ days: daysFromToday }).set({ hour, minute }).toJSDate();
}

function date(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

async function createPeople(tx: Tx, stationId: string, caseworkerId: string, backupId: string) {
  const people = [
    {
      displayName: '王小军',
      programme: 'COMMUNITY_REHAB',
      track: 'ABSTINENT',
      riskTier: 'MEDIUM',
      birthday: '1991-12-03',
      recoveryStartDate: '2025-06-18',
      family: { displayName: '王阿姨', relation: '母亲' },
    },
    {
      displayName: '刘强',
      programme: 'COMMUNITY_TREATMENT',
      track: 'DEPENDENT',
      riskTier: 'HIGH',
      birthday: '1988-04-21',
      recoveryStartDate: '2026-10-02',
      family: { displayName: '刘梅', relation: '妻子' },
    },
    {
      displayName: '赵国华',
      programme: 'COMMUNITY_TREATMENT',
      track: 'METHADONE',
      riskTier: 'MEDIUM',
      birthday: '1979-09-09',
      recoveryStartDate: '2024-03-01',
      family: { displayName: '赵磊', relation: '儿子' },
    },
  ] as const;
  const ids: string[] = [];
  for (const person of people) {
    const created = await tx.participant.create({
      data: {
        stationId,
        caseworkerId,
        backupCaseworkerId: backupId,
        pseudonym: newPseudonym(),
        displayName: person.displayName,
        programme: person.programme,
        track: person.track,
        riskTier: person.riskTier,
        birthday: date(person.birthday),
        programmeStart: date('2026-01-05'),
        programmeEnd: date('2029-01-04'),
        recoveryStartDate: date(person.recoveryStartDate),
        consentAt: new Date(),
        familyMembers: { create: { ...person.family, consentAt: new Date() } },
      },
    });
    ids.push(created.id);
  }
  return ids;
}

async function createAppointments(tx: Tx, stationId: string, participantIds: string[], createdById: string) {
  const [abstinent, dependent, methadone] = participantIds as [string, string, string];
  const individual = [
    { kind: 'URINE_TEST', participantId: dependent, startsAt: localDay(1, 9, 30), place: '示范指导站 尿检室' },
    { kind: 'URINE_TEST', participantId: abstinent, startsAt: localDay(3, 10), place: '示范指导站 尿检室' },
    { kind: 'HAIR_TEST', participantId: dependent, startsAt: localDay(5, 14), place: '市强制隔离戒毒所 检测中心' },
    { kind: 'CASEWORKER_VISIT', participantId: methadone, startsAt: localDay(2, 15), place: '家访' },
    ...[0, 1, 2, 3, 4, 5, 6].map((day) => ({
      kind: 'METHADONE_DOSE' as const,
      participantId: methadone,
      startsAt: localDay(day, 8),
      place: '市美沙酮维持治疗门诊',
    })),
  ] as const;
  for (const appointment of individual) {
    await tx.appointment.create({
      data: {
        stationId,
        kind: appointment.kind,
        startsAt: appointment.startsAt,
        place: appointment.place,
        createdById,
        attendees: { create: { participantId: appointment.participantId } },
      },
    });
  }
  const daysToSaturday = (6 - DateTime.now().setZone(TIMEZONE).weekday + 7) % 7 || 7;
  await tx.appointment.create({
    data: {
      stationId,
      kind: 'CLASS',
      title: '每月集中教育（4课时）',
      topic: '戒毒常识：我为什么会开始吸毒？',
      startsAt: localDay(daysToSaturday, 9),
      endsAt: localDay(daysToSaturday, 12, 30),
      place: '示范指导站 多功能教室',
      createdById,
      attendees: { create: participantIds.map((participantId) => ({ participantId })) },
    },
  });
}

async function createContent(tx: Tx) {
  for (const hotline of HOTLINES) {
    for (const locale of LOCALES) {
      const text = hotline.text[locale];
      await tx.contentEntry.create({
        data: {
          kind: 'HOTLINE',
          key: hotline.key,
          locale,
          scope: `region:${hotline.region}`,
          title: text.title,
          body: text.body,
          hours: text.hours,
          phone: hotline.phone,
          tags: hotline.tags,
        },
      });
    }
  }
  // FAQs, family guides and the overdose steps the conversation falls back to.
  await tx.contentEntry.createMany({ data: conversationContentRows(), skipDuplicates: true });
  for (const [index, program] of RELIEF_PROGRAMS.entries()) {
    for (const locale of LOCALES) {
      const text = program.text[locale];
      await tx.contentEntry.create({
        data: { kind: 'RELIEF_PROGRAM', key: program.key, locale, title: text.title, body: text.body, sortOrder: index },
      });
    }
  }
}

/**
 * Seeds a demo station with staff, three participants (one per track) with a
 * family member each, the coming week's appointments, and the hotline and
 * relief content. Runs once: a database that was seeded, or that already
 * holds a station, is left alone.
 */
export async function seedDemo(prisma: PrismaClient): Promise<DemoSeedResult> {
  // Checked again in the transaction; here it spares every later start the hashing.
  if (await prisma.systemSetting.findUnique({ where: { key: SEEDED_KEY } })) return { seeded: false, reason: 'already-seeded' };
  if ((await prisma.station.count()) > 0) return { seeded: false, reason: 'not-empty' };
  const accounts = await prepareStaff();
  return prisma.$transaction(
    async (tx) => {
      if (await tx.systemSetting.findUnique({ where: { key: SEEDED_KEY } })) {
        return { seeded: false, reason: 'already-seeded' } as const;
      }
      if ((await tx.station.count()) > 0) return { seeded: false, reason: 'not-empty' } as const;
      const station = await tx.station.create({
        data: {
          name: '衡阳市示范指导站（演示）',
          region: 'CN-Hunan',
          timezone: TIMEZONE,
          hotline: '0734-0000000（演示号码）',
          emergencyNumber: '120',
          drugCounsellingNumber: '0734-0000001（演示号码）',
          reliefOfficeNumber: '0734-0000002（演示号码）',
        },
      });
      const ids = await createStaff(tx, station.id, accounts);
      const participantIds = await createPeople(tx, station.id, ids.caseworker, ids.backup);
      await createAppointments(tx, station.id, participantIds, ids.caseworker);
      await createContent(tx);
      await tx.systemSetting.create({ data: { key: SEEDED_KEY, value: new Date().toISOString() } });
      const logins = accounts.map(({ role, login, password }) => ({ role, login, password }));
      return { seeded: true, logins } as const;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
