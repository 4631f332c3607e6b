import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import { asLocale } from '../i18n/index.js';
import type { SchedulerSettings } from './context.js';
import { st } from './i18n/index.js';
import { caseworkerLocale, raiseScheduleSignal } from './signals.js';

/** Transaction-level advisory lock: one instance closes check-in windows at a time. */
const CLOSE_LOCK_KEY = 72707380;
/**
 * Windows that closed longer ago than this (a longer downtime) are not
 * judged: it bounds the scan of sent reminders on every tick.
 */
const LOOKBACK_MS = 3 * 86_400_000;
const BATCH = 1000;

/** Marks a sent check-in reminder whose window closed without a check-in. */
export const UNANSWERED = 'unanswered';

export interface CloseResult {
  closed: number;
  answered: number;
  missed: number;
  signalled: number;
}

interface Candidate {
  id: string;
  participantId: string;
  sentAt: Date;
  windowEndsAt: Date;
}

/**
 * Sent check-in reminders whose window has closed get their outcome: the
 * first check-in inside the window (answeredAt), or "unanswered". When a
 * participant's run of unanswered reminders reaches the threshold, a
 * level-2 dropout signal goes to triage, once per run: each reminder is
 * closed once, so the run passes the threshold once.
 */
export async function closeCheckInWindows(prisma: PrismaClient, settings: SchedulerSettings, now: Date): Promise<CloseResult> {
  const total: CloseResult = { closed: 0, answered: 0, missed: 0, signalled: 0 };
  for (let round = 0; round < 50; round++) {
    const result = await prisma.$transaction((tx) => closeBatch(tx, settings, now), { timeout: 60_000, maxWait: 10_000 });
    if (!result) break;
    total.closed += result.closed;
    total.answered += result.answered;
    total.missed += result.missed;
    total.signalled += result.signalled;
    if (result.closed < BATCH) break;
  }
  return total;
}

async function closeBatch(tx: Prisma.TransactionClient, settings: SchedulerSettings, now: Date): Promise<CloseResult | undefined> {
  const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${CLOSE_LOCK_KEY}) AS locked`;
  if (!lock?.locked) return undefined;
  const candidates = await tx.$queryRaw<Candidate[]>`
    SELECT id, "participantId", "sentAt", "windowEndsAt" FROM "Reminder"
    WHERE kind = 'CHECK_IN' AND status = 'SENT' AND "answeredAt" IS NULL AND "skipReason" IS NULL
      AND "participantId" IS NOT NULL AND "sentAt" IS NOT NULL
      AND "windowEndsAt" <= ${now} AND "dueAt" > ${new Date(now.getTime() - LOOKBACK_MS)}
    ORDER BY "dueAt"
    LIMIT ${BATCH}`;
  if (candidates.length === 0) return { closed: 0, answered: 0, missed: 0, signalled: 0 };

  const from = new Date(Math.min(...candidates.map((c) => c.sentAt.getTime())));
  const to = new Date(Math.max(...candidates.map((c) => c.windowEndsAt.getTime())));
  const checkIns = await tx.checkIn.findMany({
    where: { participantId: { in: [...new Set(candidates.map((c) => c.participantId))] }, createdAt: { gte: from, lte: to } },
    select: { participantId: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  const byParticipant = new Map<string, Date[]>();
  for (const c of checkIns) byParticipant.set(c.participantId, [...(byParticipant.get(c.participantId) ?? []), c.createdAt]);

  const missed: Candidate[] = [];
  let answered = 0;
  for (const candidate of candidates) {
    const first = byParticipant
      .get(candidate.participantId)
      ?.find((at) => at.getTime() >= candidate.sentAt.getTime() && at.getTime() <= candidate.windowEndsAt.getTime());
    if (first) {
      answered += (await tx.reminder.updateMany({ where: { id: candidate.id, answeredAt: null }, data: { answeredAt: first } })).count;
    } else {
      missed.push(candidate);
    }
  }
  if (missed.length > 0) {
    await tx.reminder.updateMany({ where: { id: { in: missed.map((m) => m.id) }, skipReason: null }, data: { skipReason: UNANSWERED } });
  }

  let signalled = 0;
  const threshold = settings.options.missedStreak;
  const newlyMissed = new Map<string, Set<string>>();
  for (const m of missed) newlyMissed.set(m.participantId, (newlyMissed.get(m.participantId) ?? new Set()).add(m.id));
  for (const [participantId, fresh] of newlyMissed) {
    const recent = await tx.reminder.findMany({
      where: { participantId, kind: 'CHECK_IN', status: 'SENT', OR: [{ answeredAt: { not: null } }, { skipReason: UNANSWERED }] },
      orderBy: { dueAt: 'desc' },
      take: threshold + fresh.size,
      select: { id: true, skipReason: true },
    });
    const run: string[] = [];
    for (const r of recent) {
      if (r.skipReason !== UNANSWERED) break;
      run.push(r.id);
    }
    const before = run.length - run.filter((id) => fresh.has(id)).length;
    if (before < threshold && run.length >= threshold) {
      const locale = asLocale(await caseworkerLocale(tx, participantId));
      await raiseScheduleSignal(tx, settings.escalation, {
        participantId,
        signals: { missedCheckInStreak: run.length },
        summary: st(locale, 'signal.missedCheckIns', { count: run.length }),
        source: `reminder:${run[0] ?? ''}`,
        now,
      });
      signalled++;
    }
  }
  return { closed: candidates.length, answered, missed: missed.length, signalled };
}
