import type { Clock } from '../core/clock.js';
import type { EscalationContext } from '../escalation/open-or-raise.js';
import type { BroadcastAudience, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../log/logger.js';
import { createRecurringAppointments, recordAttendance, type RecordedStatus, type RecurringAppointmentsInput } from './appointments.js';
import { previewBroadcast, sendBroadcast } from './broadcast.js';
import { schedulerSettings, type SchedulerSettings } from './context.js';
import { buildDigest } from './digest.js';
import { dispatchDue, type DispatchResult } from './dispatch.js';
import type { SchedulerOptions } from './options.js';
import { startPeriodic } from './periodic.js';
import { planAppointmentReminders, planCheckIns, planDigests, replanAppointment, replanChangedParticipants, replanCheckIns } from './plan.js';
import { closeCheckInWindows, type CloseResult } from './streaks.js';

type Tx = Prisma.TransactionClient;

export interface SchedulerDeps {
  prisma: PrismaClient;
  log: Logger;
  /** Ack policy and console URL, for escalations opened by missed check-ins and tests. */
  escalation: EscalationContext;
  options?: Partial<SchedulerOptions>;
  /** New outbound rows were stored: wake the dispatcher. */
  onOutboxChanged?: () => void;
}

export interface PlanReport {
  checkIns: { participants: number; created: number; ms: number };
  appointments: { appointments: number; created: number; ms: number };
  digests: { staff: number; created: number; ms: number };
  /** Participants edited since the previous pass whose coming check-ins were re-planned. */
  replannedParticipants: number;
  ms: number;
}

export interface TickReport {
  /** Undefined when the planning pass was not due (or another instance holds it). */
  planned?: PlanReport;
  closed?: CloseResult;
  dispatched?: DispatchResult;
  /** Steps that failed; the others still ran. */
  errors: string[];
  ms: number;
}

export interface Scheduler {
  readonly settings: SchedulerSettings;
  /** One round: plan (when due), close check-in windows, send what is due. */
  tick(now: Date): Promise<TickReport>;
  /** The planning pass; `force` ignores the interval and the other instances' lease. */
  plan(now: Date, options?: { force?: boolean }): Promise<PlanReport | undefined>;
  closeCheckIns(now: Date): Promise<CloseResult>;
  dispatch(now: Date): Promise<DispatchResult>;
  /** Ticks on the configured cron expression until stopped. */
  start(clock: Clock): { stop(): Promise<void> };

  // The standalone functions with this scheduler's settings.
  /** Plans a new appointment's reminders (or a new attendee's) now instead of at the next pass; answers are kept. */
  planAppointment(tx: Tx, appointmentId: string, now: Date): ReturnType<typeof planAppointmentReminders>;
  /** After a move (startsAt changed) or cancellation: fresh reminders, earlier answers reset. */
  replanAppointment(tx: Tx, appointmentId: string, now: Date): ReturnType<typeof replanAppointment>;
  replanCheckIns(tx: Tx, participantId: string, now: Date): ReturnType<typeof replanCheckIns>;
  createRecurringAppointments(tx: Tx, input: RecurringAppointmentsInput): ReturnType<typeof createRecurringAppointments>;
  recordAttendance(
    tx: Tx,
    appointmentId: string,
    participantId: string,
    status: RecordedStatus,
    result: string | null | undefined,
    now: Date,
  ): ReturnType<typeof recordAttendance>;
  buildDigest(tx: Tx, staffId: string, now: Date): ReturnType<typeof buildDigest>;
  previewBroadcast(tx: Tx, input: { stationId: string; audience: BroadcastAudience; now?: Date }): ReturnType<typeof previewBroadcast>;
  sendBroadcast(tx: Tx, broadcastId: string, now: Date): ReturnType<typeof sendBroadcast>;
}

const PLAN_KEY = 'scheduler.planning';
/** Another instance's planning pass is presumed dead after this long. */
const PLAN_LEASE_MS = 10 * 60_000;

interface PlanState {
  /** Scheduler clock: when the last pass finished. */
  doneAt?: string;
  /** Scheduler clock: a pass in progress holds the lease until then. */
  leaseUntil?: string;
  /** Wall clock (ms) when the last finished pass started: Participant.updatedAt is wall-clock time. */
  wallStartedAt?: number;
}

function readState(value: Prisma.JsonValue): PlanState {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as PlanState) : {};
}

/**
 * The scheduler. All its state is in the database (Reminder rows with unique
 * dedupe keys, OutboxMessage rows with unique dedupe keys, one SystemSetting
 * row for the planning lease), so ticks are idempotent, a crash loses and
 * repeats nothing, and several instances can tick the same database.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const settings = schedulerSettings(deps.options, deps.escalation);
  const { prisma, log } = deps;

  /** Takes the planning lease when a pass is due; undefined when not due or held elsewhere. */
  async function claimPlanning(now: Date, force: boolean): Promise<PlanState | undefined> {
    await prisma.systemSetting.createMany({ data: [{ key: PLAN_KEY, value: {} }], skipDuplicates: true });
    const row = await prisma.systemSetting.findUniqueOrThrow({ where: { key: PLAN_KEY } });
    const state = readState(row.value);
    const everyMs = settings.options.planEveryMinutes * 60_000;
    const t = now.getTime();
    const doneAt = state.doneAt ? Date.parse(state.doneAt) : undefined;
    const leaseUntil = state.leaseUntil ? Date.parse(state.leaseUntil) : undefined;
    // A time in the future means the clock went back (tests, a fixed host clock): ignore it.
    const due = doneAt === undefined || doneAt > t || t - doneAt >= everyMs;
    const leased = leaseUntil !== undefined && leaseUntil > t && leaseUntil - t <= PLAN_LEASE_MS;
    if (!force && (!due || leased)) return undefined;
    const claimed = await prisma.systemSetting.updateMany({
      where: { key: PLAN_KEY, updatedAt: row.updatedAt },
      data: { value: { ...state, leaseUntil: new Date(t + PLAN_LEASE_MS).toISOString() } },
    });
    if (claimed.count === 0 && !force) return undefined;
    return state;
  }

  async function plan(now: Date, options: { force?: boolean } = {}): Promise<PlanReport | undefined> {
    const previous = await claimPlanning(now, options.force ?? false);
    if (!previous) return undefined;
    const started = Date.now();
    const replannedParticipants = previous.wallStartedAt
      ? await replanChangedParticipants(prisma, settings, new Date(previous.wallStartedAt - 1000), now)
      : 0;
    const timed = async <T>(run: () => Promise<T>): Promise<T & { ms: number }> => {
      const t = Date.now();
      const value = await run();
      return { ...value, ms: Date.now() - t };
    };
    const checkIns = await timed(() => planCheckIns(prisma, settings, now));
    const appointments = await timed(() => planAppointmentReminders(prisma, settings, now));
    const digests = await timed(() => planDigests(prisma, settings, now));
    const done: PlanState = { doneAt: now.toISOString(), wallStartedAt: started };
    await prisma.systemSetting.update({ where: { key: PLAN_KEY }, data: { value: { ...done } } });
    const report = { checkIns, appointments, digests, replannedParticipants, ms: Date.now() - started };
    log.info({ job: 'scheduler', ...report }, 'reminders planned');
    return report;
  }

  async function closeCheckIns(now: Date): Promise<CloseResult> {
    return closeCheckInWindows(prisma, settings, now);
  }

  async function dispatch(now: Date): Promise<DispatchResult> {
    return dispatchDue(prisma, settings, now, Date.now() + settings.options.tickBudgetMs);
  }

  async function tick(now: Date): Promise<TickReport> {
    const started = Date.now();
    const report: TickReport = { errors: [], ms: 0 };
    const step = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await run();
      } catch (error) {
        log.error({ err: error, job: 'scheduler', step: name }, 'scheduler step failed');
        report.errors.push(name);
        return undefined;
      }
    };
    const planned = await step('plan', () => plan(now));
    if (planned) report.planned = planned;
    const closed = await step('close', () => closeCheckIns(now));
    if (closed) report.closed = closed;
    const dispatched = await step('dispatch', () => dispatch(now));
    if (dispatched) report.dispatched = dispatched;
    if ((dispatched?.sent ?? 0) > 0 || (closed?.signalled ?? 0) > 0) deps.onOutboxChanged?.();
    report.ms = Date.now() - started;
    if (dispatched && dispatched.claimed > 0) log.info({ job: 'scheduler', ...dispatched }, 'reminders dispatched');
    return report;
  }

  return {
    settings,
    tick,
    plan,
    closeCheckIns,
    dispatch,
    start(clock) {
      return startPeriodic('scheduler', settings.options.cron, () => tick(clock.now()), log);
    },
    planAppointment: (tx, appointmentId, now) => planAppointmentReminders(tx, settings, now, [appointmentId]),
    replanAppointment: (tx, appointmentId, now) => replanAppointment(tx, appointmentId, now, settings),
    replanCheckIns: (tx, participantId, now) => replanCheckIns(tx, participantId, now, settings),
    createRecurringAppointments: (tx, input) => createRecurringAppointments(tx, input, settings),
    recordAttendance: (tx, appointmentId, participantId, status, result, now) =>
      recordAttendance(tx, appointmentId, participantId, status, result, now, settings),
    buildDigest: (tx, staffId, now) => buildDigest(tx, staffId, now, settings),
    previewBroadcast: (tx, input) => previewBroadcast(tx, input),
    sendBroadcast: (tx, broadcastId, now) => sendBroadcast(tx, broadcastId, now, settings),
  };
}
