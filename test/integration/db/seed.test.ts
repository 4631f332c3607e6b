import { expect, it } from 'vitest';
import { seedDemo } from '../../../src/db/seed/demo.js';
import { verifyPassword } from '../../../src/security/password.js';
import { describeEachDatabase } from '../../support/database.js';

describeEachDatabase('demo seed', (db) => {
  it('creates a station, staff, one participant per track with family, appointments and content', async () => {
    const result = await seedDemo(db().prisma);
    if (!result.seeded) throw new Error(`not seeded: ${result.reason}`);
    const prisma = db().prisma;

    const station = await prisma.station.findFirstOrThrow();
    expect(station.timezone).toBe('Asia/Shanghai');

    expect(result.logins.map((l) => l.role).sort()).toEqual(['ADMIN', 'CASEWORKER', 'CASEWORKER', 'SUPERVISOR']);
    const admin = await prisma.staffUser.findUniqueOrThrow({ where: { login: 'admin' } });
    const adminPassword = result.logins.find((l) => l.login === 'admin')?.password ?? '';
    expect(await verifyPassword(adminPassword, admin.passwordHash)).toBe(true);
    expect(await verifyPassword('wrong', admin.passwordHash)).toBe(false);

    const participants = await prisma.participant.findMany({ include: { familyMembers: true } });
    expect(participants.map((p) => p.track).sort()).toEqual(['ABSTINENT', 'DEPENDENT', 'METHADONE']);
    for (const p of participants) {
      expect(p.familyMembers).toHaveLength(1);
      expect(p.caseworkerId).not.toBeNull();
      expect(p.pseudonym).toMatch(/^P-[2-9A-Z]{5}$/);
    }

    const now = Date.now();
    const appointments = await prisma.appointment.findMany({ include: { attendees: true } });
    expect(appointments.some((a) => a.kind === 'CLASS' && a.attendees.length === 3)).toBe(true);
    expect(appointments.some((a) => a.kind === 'URINE_TEST')).toBe(true);
    for (const a of appointments) {
      expect(a.startsAt.getTime()).toBeGreaterThan(now - 86_400_000);
      expect(a.startsAt.getTime()).toBeLessThan(now + 8 * 86_400_000);
    }

    const hotline = await prisma.contentEntry.findFirstOrThrow({ where: { kind: 'HOTLINE', key: 'cn-12356', locale: 'en' } });
    expect(hotline.phone).toBe('12356');
    expect(hotline.verifyBeforeLaunch).toBe(true);
    for (const locale of ['zh-CN', 'en']) {
      const programs = await prisma.contentEntry.findMany({ where: { kind: 'RELIEF_PROGRAM', locale } });
      expect(programs.map((p) => p.key).sort()).toEqual([
        'EMPLOYMENT_ASSISTANCE',
        'MEDICAL_ASSISTANCE',
        'MINIMUM_LIVING',
        'TEMPORARY_RELIEF',
      ]);
    }
  });

  it('does not seed twice', async () => {
    expect(await seedDemo(db().prisma)).toEqual({ seeded: false, reason: 'already-seeded' });
    expect(await db().prisma.station.count()).toBe(1);
  });

  it('leaves a database that holds a station but was never seeded alone', async () => {
    const prisma = db().prisma;
    await prisma.systemSetting.deleteMany({});
    expect(await seedDemo(prisma)).toEqual({ seeded: false, reason: 'not-empty' });
    expect(await prisma.station.count()).toBe(1);
  });
});
