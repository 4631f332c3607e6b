import type { OutboundMessage } from '../core/messages.js';
import type { Prisma, PrismaClient, Reminder, ReminderStatus } from '../generated/prisma/client.js';
import { asLocale, type Locale } from '../i18n/index.js';
import { PRIORITY, type OutboundItem } from '../outbox/enqueue.js';
import { enqueueOutboundBulk } from '../outbox/enqueue-bulk.js';
import { cadenceFor } from './cadence.js';
import { SCHEDULER_CHOICES } from './choices.js';
import type { SchedulerSettings } from './context.js';
import { buildDigest, digestText } from './digest.js';
import { appointmentWhat, formatWhen } from './format.js';
import { st } from './i18n/index.js';
import { appointmentKeyOffset, checkInKeyDate, followUpParentId, outboxKeys, reminderKeys } from './keys.js';
import { CheckInPlanner, expectedAppointmentWindowEnd, replanAppointment, type PlannedReminder } from './plan.js';
import { IDENTITY_SELECT, pickIdentity, STATUS_REASON, type IdentityRow } from './recipients.js';
import { Memo } from './memo.js';
import { appointmentOffsetsFor } from './options.js';
import { insertReminders } from './store.js';
import { atLocal, endOfQuietHours, inQuietHours, outsideQuietHours, parseTimeOfDay, startOfLocalDay, validZone, weekdayOf } from './time.js';

type Tx = Prisma.TransactionClient;

const HOUR_MS = 3600_000;
/** Windows that differ by more than this mean the plan is out of date. */
const DRIFT_MS = 60_000;

export interface DispatchResult {
  claimed: number;
  sent: number;
  skipped: number;
  cancelled: number;
  /** Moved to the end of quiet hours, or to a changed check-in time. */
  deferred: number;
  /** Appointments found moved and re-planned. */
  replanned: number;
  followUps: number;
}

const EMPTY: DispatchResult = { claimed: 0, sent: 0, skipped: 0, cancelled: 0, deferred: 0, replanned: 0, followUps: 0 };

type Outcome =
  | { kind: 'send'; identity: IdentityRow; message: OutboundMessage; followUp?: PlannedReminder }
  | { kind: 'close'; status: Extract<ReminderStatus, 'SKIPPED' | 'CANCELLED'>; reason: string }
  | { kind: 'defer'; dueAt: Date; windowEndsAt?: Date }
  | { kind: 'replan'; appointmentId: string };

const skip = (reason: string): Outcome => ({ kind: 'close', status: 'SKIPPED', reason });
const cancel = (reason: string): Outcome => ({ kind: 'close', status: 'CANCELLED', reason });

/**
 * Sends due reminders, in batches, until none are left or the time budget
 * is spent. Each batch is one transaction: the reminders are claimed with
 * FOR UPDATE SKIP LOCKED (another instance takes the next ones), their
 * outbound messages are stored (dedupe `reminder:<id>`) and the reminders
 * marked SENT together, so a crash sends nothing twice and loses nothing.
 */
export async function dispatchDue(prisma: PrismaClient, settings: SchedulerSettings, now: Date, deadline: number): Promise<DispatchResult> {
  const total = { ...EMPTY };
  for (;;) {
    const batch = await prisma.$transaction((tx) => dispatchBatch(tx, settings, now), { timeout: 120_000, maxWait: 10_000 });
    for (const key of Object.keys(total) as (keyof DispatchResult)[]) total[key] += batch[key];
    if (batch.claimed < settings.options.dispatchBatchSize || Date.now() > deadline) return total;
  }
}

async function dispatchBatch(tx: Tx, settings: SchedulerSettings, now: Date): Promise<DispatchResult> {
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Reminder"
    WHERE status = 'PENDING' AND "dueAt" <= ${now}
    ORDER BY "dueAt"
    LIMIT ${settings.options.dispatchBatchSize}
    FOR UPDATE SKIP LOCKED`;
  if (claimed.length === 0) return { ...EMPTY };
  const reminders = await tx.reminder.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: { dueAt: 'asc' } });
  const context = await loadContext(tx, reminders, settings, now);

  const outcomes: { reminder: Reminder; outcome: Outcome }[] = [];
  for (const reminder of reminders) outcomes.push({ reminder, outcome: await decide(tx, reminder, context, settings, now) });

  const result: DispatchResult = { ...EMPTY, claimed: reminders.length };
  const items: OutboundItem[] = [];
  const sentIds: string[] = [];
  const followUps: PlannedReminder[] = [];
  const closes = new Map<string, string[]>();
  const replans = new Set<string>();
  for (const { reminder, outcome } of outcomes) {
    switch (outcome.kind) {
      case 'send':
        items.push({
          identityId: outcome.identity.id,
          channel: outcome.identity.channel,
          message: outcome.message,
          priority: PRIORITY.reminder,
          isReply: false,
          dedupeKey: outboxKeys.reminder(reminder.id),
        });
        sentIds.push(reminder.id);
        if (outcome.followUp) followUps.push(outcome.followUp);
        break;
      case 'close': {
        const key = `${outcome.status}|${outcome.reason}`;
        closes.set(key, [...(closes.get(key) ?? []), reminder.id]);
        if (outcome.status === 'SKIPPED') result.skipped++;
        else result.cancelled++;
        break;
      }
      case 'defer':
        await tx.reminder.update({
          where: { id: reminder.id },
          data: { dueAt: outcome.dueAt, ...(outcome.windowEndsAt ? { windowEndsAt: outcome.windowEndsAt } : {}) },
        });
        result.deferred++;
        break;
      case 'replan':
        replans.add(outcome.appointmentId);
        break;
    }
  }
  await enqueueOutboundBulk(tx, items, now);
  if (sentIds.length > 0) {
    result.sent = (await tx.reminder.updateMany({ where: { id: { in: sentIds }, status: 'PENDING' }, data: { status: 'SENT', sentAt: now } })).count;
  }
  if (followUps.length > 0) result.followUps = await insertReminders(tx, followUps);
  for (const [key, ids] of closes) {
    const [status, reason] = key.split('|') as [ReminderStatus, string];
    await tx.reminder.updateMany({ where: { id: { in: ids }, status: 'PENDING' }, data: { status, skipReason: reason } });
  }
  for (const appointmentId of replans) {
    // Moved without a re-plan: plan for the new time, but keep the answers (we cannot tell why it moved).
    await replanAppointment(tx, appointmentId, now, settings, { resetAnswers: false });
    result.replanned++;
  }
  return result;
}

// ─── Context, loaded once per batch ───────────────────────────────────────

const PARTICIPANT_SELECT = {
  id: true,
  displayName: true,
  locale: true,
  status: true,
  mutedUntil: true,
  track: true,
  riskTier: true,
  checkInCadence: true,
  checkInTime: true,
  station: { select: { timezone: true } },
  identities: { select: IDENTITY_SELECT },
} as const satisfies Prisma.ParticipantSelect;

type ParticipantCtx = Prisma.ParticipantGetPayload<{ select: typeof PARTICIPANT_SELECT }>;

interface BatchContext {
  participants: Map<string, ParticipantCtx>;
  appointments: Map<string, AppointmentCtx>;
  staff: Map<string, StaffCtx>;
  /** Check-in times per participant, recent enough for every decision in the batch. */
  checkIns: Map<string, number[]>;
  parents: Map<string, { sentAt: Date | null; answeredAt: Date | null }>;
  planner: CheckInPlanner;
  /** Time arithmetic shared by the batch's reminders (`now` is fixed for the batch). */
  times: { timing: Memo<Outcome | undefined>; followUpDue: Memo<Date | undefined>; weekday: Memo<number>; dayStart: Memo<number> };
}

async function loadAppointments(tx: Tx, ids: string[], participantIds: string[]) {
  return tx.appointment.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      kind: true,
      title: true,
      topic: true,
      startsAt: true,
      place: true,
      status: true,
      station: { select: { timezone: true } },
      attendees: { where: { participantId: { in: participantIds } }, select: { participantId: true, status: true } },
    },
  });
}
type AppointmentCtx = Awaited<ReturnType<typeof loadAppointments>>[number];

async function loadStaff(tx: Tx, ids: string[]) {
  return tx.staffUser.findMany({
    where: { id: { in: ids } },
    select: { id: true, active: true, station: { select: { timezone: true } }, identities: { select: IDENTITY_SELECT } },
  });
}
type StaffCtx = Awaited<ReturnType<typeof loadStaff>>[number];

async function loadContext(tx: Tx, reminders: Reminder[], settings: SchedulerSettings, now: Date): Promise<BatchContext> {
  const ids = (pick: (r: Reminder) => string | null) => [...new Set(reminders.map(pick).filter((v): v is string => v !== null))];
  const participantIds = ids((r) => r.participantId);
  const participants = await tx.participant.findMany({ where: { id: { in: participantIds } }, select: PARTICIPANT_SELECT });
  const appointments = await loadAppointments(tx, ids((r) => r.appointmentId), participantIds);
  const staff = await loadStaff(tx, ids((r) => r.staffUserId));
  const parentIds = ids((r) => (r.kind === 'CHECK_IN_FOLLOW_UP' ? (followUpParentId(r.dedupeKey) ?? null) : null));
  const parents = await tx.reminder.findMany({ where: { id: { in: parentIds } }, select: { id: true, sentAt: true, answeredAt: true } });
  const checkInPeople = ids((r) => (r.kind === 'CHECK_IN' || r.kind === 'CHECK_IN_FOLLOW_UP' ? r.participantId : null));
  // Far enough back for "checked in today" and "since the reminder was sent".
  const since = new Date(now.getTime() - (Math.max(settings.options.checkInWindowHours, 24) + 24) * HOUR_MS);
  const checkIns = checkInPeople.length
    ? await tx.checkIn.findMany({ where: { participantId: { in: checkInPeople }, createdAt: { gte: since } }, select: { participantId: true, createdAt: true } })
    : [];
  const times = new Map<string, number[]>();
  for (const c of checkIns) times.set(c.participantId, [...(times.get(c.participantId) ?? []), c.createdAt.getTime()]);
  return {
    participants: new Map(participants.map((p) => [p.id, p])),
    appointments: new Map(appointments.map((a) => [a.id, a])),
    staff: new Map(staff.map((s) => [s.id, s])),
    checkIns: times,
    parents: new Map(parents.map((p) => [p.id, p])),
    planner: new CheckInPlanner(settings, now),
    times: { timing: new Memo(), followUpDue: new Memo(), weekday: new Memo(), dayStart: new Memo() },
  };
}

// ─── Decisions ────────────────────────────────────────────────────────────

/** Why a participant gets no reminder now, if anything. */
function participantHold(p: ParticipantCtx | undefined, now: Date): string | undefined {
  if (!p) return 'participant-missing';
  if (p.status !== 'ACTIVE') return STATUS_REASON[p.status];
  if (p.mutedUntil && p.mutedUntil.getTime() > now.getTime()) return 'muted';
  return undefined;
}

/** Stale, or held by quiet hours: the outcome, or undefined to send now. */
function timing(windowEndsAt: Date, zone: string, settings: SchedulerSettings, now: Date, ctx: BatchContext): Outcome | undefined {
  return ctx.times.timing.get(`${zone}|${windowEndsAt.getTime()}`, () => timingNow(windowEndsAt, zone, settings, now));
}

function timingNow(windowEndsAt: Date, zone: string, settings: SchedulerSettings, now: Date): Outcome | undefined {
  if (now.getTime() >= windowEndsAt.getTime()) return skip('stale');
  if (!inQuietHours(now, zone, settings.quiet)) return undefined;
  const end = endOfQuietHours(now, zone, settings.quiet);
  return end.getTime() < windowEndsAt.getTime() ? { kind: 'defer', dueAt: end } : skip('quiet-hours');
}

function checkInChoices(locale: Locale) {
  return [{ label: st(locale, 'checkIn.start'), value: SCHEDULER_CHOICES.startCheckIn }];
}

async function decide(tx: Tx, r: Reminder, ctx: BatchContext, settings: SchedulerSettings, now: Date): Promise<Outcome> {
  switch (r.kind) {
    case 'CHECK_IN':
      return decideCheckIn(r, ctx, settings, now);
    case 'CHECK_IN_FOLLOW_UP':
      return decideFollowUp(r, ctx, settings, now);
    case 'APPOINTMENT':
      return decideAppointment(r, ctx, settings, now);
    case 'DIGEST':
      return decideDigest(tx, r, ctx, settings, now);
  }
}

function decideCheckIn(r: Reminder, ctx: BatchContext, settings: SchedulerSettings, now: Date): Outcome {
  const p = r.participantId ? ctx.participants.get(r.participantId) : undefined;
  const hold = participantHold(p, now);
  if (hold || !p) return cancel(hold ?? 'participant-missing');
  const pick = pickIdentity(p.identities);
  if ('reason' in pick) return cancel(pick.reason);
  const zone = validZone(p.station.timezone, settings.options.defaultTimezone);
  let windowEndsAt = r.windowEndsAt;
  const date = checkInKeyDate(r.dedupeKey);
  if (date) {
    // The cadence or time may have changed since planning.
    if (!cadenceFor(p).has(ctx.times.weekday.get(date, () => weekdayOf(date)))) return cancel('cadence-changed');
    const slot = ctx.planner.slot(zone, date, parseTimeOfDay(p.checkInTime) ?? 9 * 60);
    if (Math.abs(slot.windowEndsAt.getTime() - r.windowEndsAt.getTime()) > DRIFT_MS) {
      if (slot.windowEndsAt.getTime() <= now.getTime()) return skip('stale');
      if (slot.placement.status !== 'PENDING') return skip('quiet-hours');
      if (slot.placement.dueAt.getTime() > now.getTime()) return { kind: 'defer', dueAt: slot.placement.dueAt, windowEndsAt: slot.windowEndsAt };
      windowEndsAt = slot.windowEndsAt;
    }
  }
  // The reminder's own day, even when quiet hours moved it to the next morning.
  const dayStart = date ? ctx.times.dayStart.get(`${zone}|${date}`, () => atLocal(date, 0, zone).getTime()) : startOfLocalDay(r.dueAt, zone).getTime();
  if ((ctx.checkIns.get(p.id) ?? []).some((at) => at >= dayStart && at <= now.getTime())) return cancel('already-checked-in');
  const held = timing(windowEndsAt, zone, settings, now, ctx);
  if (held) return held;
  const locale = asLocale(p.locale);
  let followUp: PlannedReminder | undefined;
  if (settings.options.followUpHours > 0) {
    const due = ctx.times.followUpDue.get(`${zone}|${windowEndsAt.getTime()}`, () =>
      outsideQuietHours(new Date(now.getTime() + settings.options.followUpHours * HOUR_MS), windowEndsAt, zone, settings.quiet),
    );
    if (due) {
      followUp = {
        kind: 'CHECK_IN_FOLLOW_UP',
        dedupeKey: reminderKeys.followUp(r.id),
        participantId: p.id,
        dueAt: due,
        windowEndsAt,
        createdAt: now,
      };
    }
  }
  return {
    kind: 'send',
    identity: pick.identity,
    message: { text: st(locale, 'checkIn.reminder', { name: p.displayName }), choices: checkInChoices(locale) },
    ...(followUp ? { followUp } : {}),
  };
}

function decideFollowUp(r: Reminder, ctx: BatchContext, settings: SchedulerSettings, now: Date): Outcome {
  const p = r.participantId ? ctx.participants.get(r.participantId) : undefined;
  const hold = participantHold(p, now);
  if (hold || !p) return cancel(hold ?? 'participant-missing');
  const pick = pickIdentity(p.identities);
  if ('reason' in pick) return cancel(pick.reason);
  const parentId = followUpParentId(r.dedupeKey);
  const parent = parentId ? ctx.parents.get(parentId) : undefined;
  if (parent?.answeredAt) return cancel('answered');
  const since = (parent?.sentAt ?? new Date(r.dueAt.getTime() - settings.options.followUpHours * HOUR_MS)).getTime();
  if ((ctx.checkIns.get(p.id) ?? []).some((at) => at >= since)) return cancel('answered');
  const zone = validZone(p.station.timezone, settings.options.defaultTimezone);
  const held = timing(r.windowEndsAt, zone, settings, now, ctx);
  if (held) return held;
  const locale = asLocale(p.locale);
  return {
    kind: 'send',
    identity: pick.identity,
    message: { text: st(locale, 'checkIn.followUp', { name: p.displayName }), choices: checkInChoices(locale) },
  };
}

const ANSWERED: Record<string, string> = {
  CONFIRMED: 'confirmed',
  RESCHEDULE_REQUESTED: 'reschedule-requested',
  ATTENDED: 'attendance-recorded',
  MISSED: 'attendance-recorded',
  EXCUSED: 'attendance-recorded',
};

function decideAppointment(r: Reminder, ctx: BatchContext, settings: SchedulerSettings, now: Date): Outcome {
  const a = r.appointmentId ? ctx.appointments.get(r.appointmentId) : undefined;
  if (!a) return cancel('appointment-missing');
  if (a.status === 'CANCELLED') return cancel('appointment-cancelled');
  if (a.status === 'DONE') return cancel('appointment-done');
  const zone = validZone(a.station.timezone, settings.options.defaultTimezone);
  const offset = appointmentKeyOffset(r.dedupeKey);
  const expected = offset === undefined ? undefined : expectedAppointmentWindowEnd(a.startsAt, offset, appointmentOffsetsFor(settings.options, a.kind), zone);
  if (!expected || Math.abs(expected.getTime() - r.windowEndsAt.getTime()) > DRIFT_MS) return { kind: 'replan', appointmentId: a.id };
  const attendee = a.attendees.find((x) => x.participantId === r.participantId);
  if (!attendee) return cancel('not-attending');
  const answered = ANSWERED[attendee.status];
  if (answered) return cancel(answered);
  const p = r.participantId ? ctx.participants.get(r.participantId) : undefined;
  const hold = participantHold(p, now);
  if (hold || !p) return cancel(hold ?? 'participant-missing');
  const pick = pickIdentity(p.identities);
  if ('reason' in pick) return cancel(pick.reason);
  const held = timing(new Date(Math.min(r.windowEndsAt.getTime(), a.startsAt.getTime())), zone, settings, now, ctx);
  if (held) return held;
  const locale = asLocale(p.locale);
  const text = st(locale, 'appt.reminder', {
    what: appointmentWhat(locale, a.kind, a.topic ?? a.title),
    when: formatWhen(a.startsAt, locale, zone, now),
    placeLine: a.place ? st(locale, 'appt.placeLine', { place: a.place }) : '',
  });
  return {
    kind: 'send',
    identity: pick.identity,
    message: {
      text,
      choices: [
        { label: st(locale, 'appt.confirm'), value: SCHEDULER_CHOICES.confirmAppointment(a.id) },
        { label: st(locale, 'appt.move'), value: SCHEDULER_CHOICES.rescheduleAppointment(a.id) },
      ],
    },
  };
}

async function decideDigest(tx: Tx, r: Reminder, ctx: BatchContext, settings: SchedulerSettings, now: Date): Promise<Outcome> {
  const staff = r.staffUserId ? ctx.staff.get(r.staffUserId) : undefined;
  if (!staff?.active) return cancel('inactive');
  const pick = pickIdentity(staff.identities);
  if ('reason' in pick) return cancel(pick.reason);
  const zone = validZone(staff.station?.timezone, settings.options.defaultTimezone);
  const held = timing(r.windowEndsAt, zone, settings, now, ctx);
  if (held) return held;
  const digest = await buildDigest(tx, staff.id, now, settings);
  if (!digest) return cancel('inactive');
  return { kind: 'send', identity: pick.identity, message: { text: digestText(digest, settings.escalation.consoleUrl) } };
}
