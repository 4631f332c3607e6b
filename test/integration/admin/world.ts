// A small world for the console's route tests: two stations, every role,
// a person on each station, and escalations made to order.
import type { Hono } from 'hono';
import { schedulerSettings, type SchedulerSettings } from '../../../src/scheduler/index.js';
import { systemClock, type Clock } from '../../../src/core/clock.js';
import type { Database } from '../../../src/db/client.js';
import type { Prisma, StaffRole } from '../../../src/generated/prisma/client.js';
import { createHttpApp } from '../../../src/http/app.js';
import { hashPassword } from '../../../src/security/password.js';
import { createAdminApp } from '../../../src/admin/app.js';
import { createApiToken } from '../../../src/admin/accounts/create-token.js';
import { createSession } from '../../../src/admin/auth/sessions.js';
import type { ChannelAdapter } from '../../../src/channels/channel.js';
import { startEscalationNotifier, type EscalationNotifier } from '../../../src/admin/live/notifier.js';
import { testLogger } from '../../support/service.js';

export const PASSWORD = 'correct horse battery';

export const ROLES = ['admin', 'supervisor', 'caseworker', 'colleague', 'otherStation'] as const;
export type RoleName = (typeof ROLES)[number];

export interface World {
  stationA: string;
  stationB: string;
  staff: Record<RoleName, { id: string; login: string }>;
  participantA: string;
  participantB: string;
  pseudonymA: string;
  pseudonymB: string;
}

let sharedHash: Promise<string> | undefined;
/** scrypt is slow on purpose: one hash serves every fixture account. */
export function passwordHash(): Promise<string> {
  sharedHash ??= hashPassword(PASSWORD);
  return sharedHash;
}

export async function buildWorld(db: Database, suffix = ''): Promise<World> {
  const { prisma } = db;
  const passwordHashValue = await passwordHash();
  const stationA = (await prisma.station.create({ data: { name: `站A${suffix}`, region: 'test' } })).id;
  const stationB = (await prisma.station.create({ data: { name: `站B${suffix}`, region: 'test' } })).id;
  const accounts: Record<RoleName, { role: StaffRole; stationId: string | null; locale: string }> = {
    admin: { role: 'ADMIN', stationId: null, locale: 'en' },
    supervisor: { role: 'SUPERVISOR', stationId: stationA, locale: 'zh-CN' },
    caseworker: { role: 'CASEWORKER', stationId: stationA, locale: 'zh-CN' },
    colleague: { role: 'CASEWORKER', stationId: stationA, locale: 'en' },
    otherStation: { role: 'CASEWORKER', stationId: stationB, locale: 'zh-CN' },
  };
  const staff = {} as World['staff'];
  for (const name of ROLES) {
    const login = `${name}${suffix}`;
    const created = await prisma.staffUser.create({
      data: { login, displayName: `${name} 的名字`, passwordHash: passwordHashValue, ...accounts[name] },
    });
    staff[name] = { id: created.id, login };
  }
  const person = (stationId: string, caseworkerId: string, pseudonym: string): Prisma.ParticipantUncheckedCreateInput => ({
    stationId,
    caseworkerId,
    pseudonym,
    displayName: `真名${pseudonym}`,
    programme: 'COMMUNITY_REHAB',
    track: 'ABSTINENT',
    programmeStart: new Date('2026-01-05T00:00:00Z'),
  });
  const pseudonymA = `P-A${suffix}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const pseudonymB = `P-B${suffix}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
  const participantA = (await prisma.participant.create({ data: person(stationA, staff.caseworker.id, pseudonymA) })).id;
  const participantB = (await prisma.participant.create({ data: person(stationB, staff.otherStation.id, pseudonymB) })).id;
  return { stationA, stationB, staff, participantA, participantB, pseudonymA, pseudonymB };
}

export async function createEscalation(
  db: Database,
  participantId: string,
  options: { level?: number; status?: 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED'; text?: string; openedAt?: Date; ackDeadline?: Date } = {},
): Promise<{ id: string; number: number }> {
  const openedAt = options.openedAt ?? new Date();
  const escalation = await db.prisma.escalation.create({
    data: {
      participantId,
      level: options.level ?? 3,
      categories: ['suicide'],
      status: options.status ?? 'OPEN',
      ackDeadline: options.ackDeadline ?? new Date(openedAt.getTime() + 30 * 60_000),
      openedAt,
      excerpt: { entries: [{ at: openedAt.toISOString(), reporter: 'participant', level: options.level ?? 3, text: options.text ?? '我不想活了' }] },
      ...(options.status === 'RESOLVED' ? { resolvedAt: openedAt, outcome: 'CONTACTED' as const } : {}),
    },
  });
  await db.prisma.escalationEvent.create({ data: { escalationId: escalation.id, type: 'OPENED', toLevel: escalation.level, createdAt: openedAt } });
  return { id: escalation.id, number: escalation.number };
}

export interface Browser {
  cookie: string;
  csrf: string;
  sessionId: string;
}

/** A signed-in browser without going through scrypt: a session made directly. */
export async function signIn(db: Database, staffUserId: string): Promise<Browser> {
  const { token, session } = await createSession(db.prisma, staffUserId, new Date());
  return { cookie: `tx_admin=${token}`, csrf: session.csrfToken, sessionId: session.id };
}

export async function tokenFor(db: Database, name: string, staffLogin?: string): Promise<string> {
  const result = await createApiToken(db.prisma, { name, ...(staffLogin ? { staffLogin } : {}) }, new Date());
  if (!result.ok) throw new Error(`could not create a token: ${result.reason}`);
  return result.token;
}

export interface TestApp {
  app: Hono;
  notifier: EscalationNotifier;
  stop(): Promise<void>;
}

/** The admin app mounted on the service's own HTTP app, as the service will mount it. */
export interface TestAppOptions {
  publicUrl?: string;
  clock?: Clock;
  heartbeatMs?: number;
  channels?: ReadonlyMap<string, ChannelAdapter>;
  /** Called when the console enqueued outbound messages (the service wakes its dispatcher). */
  onOutboxChanged?: () => void;
  schedulerSettings?: SchedulerSettings;
}

export async function buildTestApp(db: Database, options: TestAppOptions = {}): Promise<TestApp> {
  const log = testLogger();
  const notifier = await startEscalationNotifier({ db, log });
  const app = createHttpApp({ log, bodyLimitBytes: 1_000_000, isReady: async () => undefined });
  app.route(
    '/',
    createAdminApp(
      {
        db,
        log,
        clock: options.clock ?? systemClock,
        notifier,
        channels: options.channels ?? new Map(),
        onOutboxChanged: options.onOutboxChanged ?? (() => undefined),
        schedulerSettings: options.schedulerSettings ?? schedulerSettings(),
        ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      },
      options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {},
    ),
  );
  return { app, notifier, stop: () => notifier.stop() };
}

/** A form POST from a signed-in browser. */
export function formPost(browser: Browser | undefined, fields: Record<string, string>, extraHeaders: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(browser ? { cookie: browser.cookie } : {}),
      ...extraHeaders,
    },
    body: new URLSearchParams({ ...(browser ? { _csrf: browser.csrf } : {}), ...fields }).toString(),
  };
}

export function get(browser: Browser | undefined, headers: Record<string, string> = {}): RequestInit {
  return { headers: { ...(browser ? { cookie: browser.cookie } : {}), ...headers } };
}
