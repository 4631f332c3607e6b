import { DateTime } from 'luxon';
import type { Prisma, ReminderStatus, RiskTier, Track } from '../generated/prisma/client.js';
import { cadenceFor } from './cadence.js';
import { settingsOrDefault, type SchedulerSettings } from './context.js';
import { reminderKeys } from './keys.js';
import { Memo } from './memo.js';
import { appointmentOffsetsFor, longestAppointmentOffset, offsetLabel } from './options.js';
import { IDENTITY_SELECT, pickIdentity, SENDABLE_IDENTITY, STATUS_REASON } from './recipients.js';
import { attendeesToRemind, insertReminders, participantPage, type AttendeeToRemind, type ReminderRow } from './store.js';
import { addDays, atLocal, localDate, outsideQuietHours, parseTimeOfDay, validZone, weekdayOf } from './time.js';

type Tx = Prisma.TransactionClient;

const HOUR_MS = 3600_000;
const DEFAULT_CHECK_IN_MINUTES = 9 * 60;

/** A Reminder row to create. */
export type PlannedReminder = ReminderRow;

/** Where one planned send lands after quiet hours: a time, or skipped. */
interface Placement {
  dueAt: Date;
  status: ReminderStatus;
  skipReason: string | null;
}

function place(rawDueAt: Date, windowEndsAt: Date, zone: string, settings: SchedulerSettings): Placement {
  const moved = outsideQuietHours(rawDueAt, windowEndsAt, zone, settings.quiet);
  return moved ? { dueAt: moved, status: 'PENDING', skipReason: null } : { dueAt: rawDueAt, status: 'SKIPPED', skipReason: 'quiet-hours' };
}

/** Muted until after the send would happen (now, or its time if later). */
function mutedAt(mutedUntil: Date | null, dueAt: Date, now: Date): boolean {
  return mutedUntil !== null && mutedUntil.getTime() > Math.max(dueAt.getTime(), now.getTime());
}

async function stationZones(tx: Tx, fallback: string): Promise<Map<string, string>> {
  const stations = await tx.station.findMany({ select: { id: true, timezone: true } });
  return new Map(stations.map((s) => [s.id, validZone(s.timezone, fallback)]));
}

// ─── Check-ins ────────────────────────────────────────────────────────────

export interface CheckInPerson {
  id: string;
  stationId: string;
  track: Track;
  riskTier: RiskTier;
  checkInCadence: string | null;
  checkInTime: string;
  mutedUntil: Date | null;
}

const CHECK_IN_PERSON_SELECT = {
  id: true,
  stationId: true,
  track: true,
  riskTier: true,
  checkInCadence: true,
  checkInTime: true,
  mutedUntil: true,
} as const;

/**
 * Computes check-in rows with memoised time arithmetic: 100,000 people share
 * a handful of (zone, date, time) combinations.
 */
export class CheckInPlanner {
  private readonly dayCache = new Map<string, { date: string; weekday: number }[]>();
  private readonly slots = new Map<string, { raw: Date; windowEndsAt: Date; placement: Placement }>();

  constructor(
    private readonly settings: SchedulerSettings,
    private readonly now: Date,
  ) {}

  /** Today and tomorrow in the zone. */
  private daysIn(zone: string) {
    let days = this.dayCache.get(zone);
    if (!days) {
      const today = localDate(this.now, zone);
      days = [today, addDays(today, 1)].map((date) => ({ date, weekday: weekdayOf(date) }));
      this.dayCache.set(zone, days);
    }
    return days;
  }

  /** The slot of a check-in on a local date at a local time. */
  slot(zone: string, date: string, minutes: number) {
    const key = `${zone}|${date}|${minutes}`;
    let slot = this.slots.get(key);
    if (!slot) {
      const raw = atLocal(date, minutes, zone);
      const windowEndsAt = new Date(raw.getTime() + this.settings.options.checkInWindowHours * HOUR_MS);
      slot = { raw, windowEndsAt, placement: place(raw, windowEndsAt, zone, this.settings) };
      this.slots.set(key, slot);
    }
    return slot;
  }

  /** Today's and tomorrow's check-in for a person: the row to have, or why there is none. */
  plan(person: CheckInPerson, zone: string): { key: string; row?: PlannedReminder; reason?: 'cadence-changed' | 'muted' | 'window-closed' }[] {
    const cadence = cadenceFor(person);
    const minutes = parseTimeOfDay(person.checkInTime) ?? DEFAULT_CHECK_IN_MINUTES;
    return this.daysIn(zone).map(({ date, weekday }) => {
      const key = reminderKeys.checkIn(person.id, date);
      if (!cadence.has(weekday)) return { key, reason: 'cadence-changed' as const };
      const { windowEndsAt, placement } = this.slot(zone, date, minutes);
      if (windowEndsAt.getTime() <= this.now.getTime()) return { key, reason: 'window-closed' as const };
      if (mutedAt(person.mutedUntil, placement.dueAt, this.now)) return { key, reason: 'muted' as const };
      const row: PlannedReminder = {
        kind: 'CHECK_IN',
        dedupeKey: key,
        participantId: person.id,
        dueAt: placement.dueAt,
        windowEndsAt,
        status: placement.status,
        skipReason: placement.skipReason,
        createdAt: this.now,
      };
      return { key, row };
    });
  }

  /** The rows a person should have for today and tomorrow (none whose window has closed). */
  rows(person: CheckInPerson, zone: string): PlannedReminder[] {
    return this.plan(person, zone).flatMap((d) => (d.row ? [d.row] : []));
  }
}

/**
 * Check-in reminders for today and tomorrow for every eligible participant,
 * read and written in batches (INSERT … ON CONFLICT DO NOTHING on the unique
 * dedupe key): idempotent, and safe with several instances.
 */
export async function planCheckIns(prisma: Tx, settings: SchedulerSettings, now: Date): Promise<{ participants: number; created: number }> {
  const { planBatchSize, defaultTimezone } = settings.options;
  const zones = await stationZones(prisma, defaultTimezone);
  const planner = new CheckInPlanner(settings, now);
  let cursor: string | undefined;
  let participants = 0;
  let created = 0;
  // Every key for today or tomorrow in any zone has a due time after this.
  const plannedSince = new Date(now.getTime() - 2 * 24 * HOUR_MS);
  do {
    const page = await participantPage(prisma, { after: cursor, limit: planBatchSize, plannedSince });
    participants += page.eligible.length;
    cursor = page.next;
    // Rows already planned are left out here rather than sent to conflict: repeat passes write nothing.
    const rows = page.eligible.flatMap((p) => {
      const planned = new Set(p.planned);
      return planner.rows(p, zones.get(p.stationId) ?? defaultTimezone).filter((row) => !planned.has(row.dedupeKey));
    });
    created += await insertReminders(prisma, rows);
  } while (cursor !== undefined);
  return { participants, created };
}

/**
 * Brings one participant's check-in reminders for today and tomorrow in
 * line with their current cadence, time, mute, status and chat accounts:
 * call it after editing any of them. Pending rows no longer wanted are
 * cancelled with the reason, moved ones re-timed, rows cancelled earlier
 * revived when wanted again, missing ones created. Sent rows stay as they are.
 */
export async function replanCheckIns(
  tx: Tx,
  participantId: string,
  now: Date,
  settings?: SchedulerSettings,
): Promise<{ created: number; updated: number; cancelled: number }> {
  return replanCheckInsFor(tx, [participantId], now, settingsOrDefault(settings));
}

/** How many people one re-plan batch reads and writes at once. */
const REPLAN_BATCH = 1000;

/** `replanCheckIns` for many people, a batch at a time: a few statements per thousand people when nothing changed. */
export async function replanCheckInsFor(
  tx: Tx,
  participantIds: readonly string[],
  now: Date,
  settings: SchedulerSettings,
): Promise<{ created: number; updated: number; cancelled: number }> {
  const result = { created: 0, updated: 0, cancelled: 0 };
  const planner = new CheckInPlanner(settings, now);
  for (let i = 0; i < participantIds.length; i += REPLAN_BATCH) {
    const people = await tx.participant.findMany({
      where: { id: { in: participantIds.slice(i, i + REPLAN_BATCH) } },
      select: { ...CHECK_IN_PERSON_SELECT, status: true, station: { select: { timezone: true } }, identities: { select: IDENTITY_SELECT } },
    });
    const plans = people.map((person) => {
      const pick = pickIdentity(person.identities);
      const hold = person.status !== 'ACTIVE' ? STATUS_REASON[person.status] : 'reason' in pick ? pick.reason : undefined;
      return { hold, days: planner.plan(person, validZone(person.station.timezone, settings.options.defaultTimezone)) };
    });
    const keys = plans.flatMap((p) => p.days.map((d) => d.key));
    const existing = new Map((await tx.reminder.findMany({ where: { dedupeKey: { in: keys } } })).map((r) => [r.dedupeKey, r]));
    const create: PlannedReminder[] = [];
    const cancel = new Map<string, string[]>();
    for (const { hold, days } of plans) {
      for (const day of days) {
        const current = existing.get(day.key);
        const want = hold ? undefined : day.row;
        if (!current) {
          if (want) create.push(want);
          continue;
        }
        if (!want) {
          // A closed window is the dispatcher's to mark stale.
          const reason = hold ?? day.reason;
          if (current.status === 'PENDING' && reason && reason !== 'window-closed') cancel.set(reason, [...(cancel.get(reason) ?? []), current.id]);
          continue;
        }
        const same =
          current.status === want.status && current.dueAt.getTime() === want.dueAt.getTime() && current.windowEndsAt.getTime() === want.windowEndsAt.getTime();
        if (same || current.status === 'SENT' || (current.status === 'SKIPPED' && current.skipReason !== 'quiet-hours')) continue;
        result.updated += (
          await tx.reminder.updateMany({
            where: { id: current.id, status: current.status },
            data: { status: want.status, skipReason: want.skipReason ?? null, dueAt: want.dueAt, windowEndsAt: want.windowEndsAt },
          })
        ).count;
      }
    }
    for (const [reason, ids] of cancel) {
      result.cancelled += (await tx.reminder.updateMany({ where: { id: { in: ids }, status: 'PENDING' }, data: { status: 'CANCELLED', skipReason: reason } })).count;
    }
    result.created += await insertReminders(tx, create);
  }
  return result;
}

/** Most people re-planned in one pass because they changed; beyond it the dispatcher's own checks still hold. */
const MAX_CHANGED = 20_000;

/** Participants changed since `since` (the console edited cadence, time, mute or status): re-plan them. */
export async function replanChangedParticipants(prisma: Tx, settings: SchedulerSettings, since: Date, now: Date): Promise<number> {
  const changed = await prisma.participant.findMany({ where: { updatedAt: { gt: since } }, select: { id: true }, take: MAX_CHANGED });
  await replanCheckInsFor(
    prisma,
    changed.map((c) => c.id),
    now,
    settings,
  );
  return changed.length;
}

// ─── Appointments ─────────────────────────────────────────────────────────

/**
 * `minutes` before an instant. Whole days are calendar days in the zone: "1
 * day before" a 09:30 appointment is 09:30 the day before, DST or not.
 */
export function beforeInstant(instant: Date, minutes: number, zone: string): Date {
  if (minutes > 0 && minutes % 1440 === 0) return DateTime.fromJSDate(instant, { zone }).minus({ days: minutes / 1440 }).toJSDate();
  return new Date(instant.getTime() - minutes * 60_000);
}

/** The offsets' windows: each ends when the next (shorter) one is due; the last at the start. */
export function appointmentWindows(
  startsAt: Date,
  offsetsMinutes: readonly number[],
  zone: string,
): { offset: number; rawDueAt: Date; windowEndsAt: Date }[] {
  return offsetsMinutes.map((offset, index) => {
    const next = offsetsMinutes[index + 1];
    return {
      offset,
      rawDueAt: beforeInstant(startsAt, offset, zone),
      windowEndsAt: next === undefined ? startsAt : beforeInstant(startsAt, next, zone),
    };
  });
}

/** Where an existing reminder's window should end for the appointment's current time; undefined for an unknown offset. */
export function expectedAppointmentWindowEnd(startsAt: Date, offsetMinutes: number, offsetsMinutes: readonly number[], zone: string): Date | undefined {
  return appointmentWindows(startsAt, offsetsMinutes, zone).find((w) => w.offset === offsetMinutes)?.windowEndsAt;
}

interface PlacedWindow {
  offset: number;
  windowEndsAt: Date;
  placement: Placement;
}

/** An appointment's reminder windows still open at `now`, placed around quiet hours: the same for every attendee. */
function openWindows(attendee: AttendeeToRemind, zone: string, settings: SchedulerSettings, now: Date): PlacedWindow[] {
  return appointmentWindows(attendee.startsAt, appointmentOffsetsFor(settings.options, attendee.kind), zone)
    .filter((window) => window.windowEndsAt.getTime() > now.getTime())
    .map((window) => ({ offset: window.offset, windowEndsAt: window.windowEndsAt, placement: place(window.rawDueAt, window.windowEndsAt, zone, settings) }));
}

function attendeeRows(attendee: AttendeeToRemind, windows: readonly PlacedWindow[], now: Date): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const { offset, windowEndsAt, placement } of windows) {
    if (mutedAt(attendee.mutedUntil, placement.dueAt, now)) continue;
    out.push({
      kind: 'APPOINTMENT',
      dedupeKey: reminderKeys.appointment(attendee.appointmentId, attendee.participantId, offsetLabel(offset)),
      participantId: attendee.participantId,
      appointmentId: attendee.appointmentId,
      dueAt: placement.dueAt,
      windowEndsAt,
      status: placement.status,
      skipReason: placement.skipReason,
      createdAt: now,
    });
  }
  return out;
}

/**
 * Reminders for scheduled appointments starting within the longest offset
 * (plus a day), for attendees who have not answered yet. With
 * `appointmentIds`, only those appointments, whenever they start unless
 * `withinHorizon` is set.
 */
export async function planAppointmentReminders(
  prisma: Tx,
  settings: SchedulerSettings,
  now: Date,
  appointmentIds?: string[],
  withinHorizon = !appointmentIds,
): Promise<{ appointments: number; created: number }> {
  const { planBatchSize, defaultTimezone } = settings.options;
  const longest = longestAppointmentOffset(settings.options);
  if (longest === 0) return { appointments: 0, created: 0 };
  const horizon = new Date(now.getTime() + (longest + 24 * 60) * 60_000);
  const zones = await stationZones(prisma, defaultTimezone);
  const windows = new Memo<PlacedWindow[]>();
  const seen = new Set<string>();
  let after: { appointmentId: string; participantId: string } | undefined;
  let created = 0;
  for (;;) {
    const page = await attendeesToRemind(prisma, {
      now,
      ...(withinHorizon ? { until: horizon } : {}),
      ...(appointmentIds ? { appointmentIds } : {}),
      ...(after ? { after } : {}),
      limit: planBatchSize,
    });
    if (page.length === 0) break;
    const last = page[page.length - 1];
    after = last ? { appointmentId: last.appointmentId, participantId: last.participantId } : undefined;
    for (const row of page) seen.add(row.appointmentId);
    const rows = page.flatMap((a) => {
      const planned = new Set(a.planned ?? []);
      const zone = zones.get(a.stationId) ?? defaultTimezone;
      const open = windows.get(a.appointmentId, () => openWindows(a, zone, settings, now));
      return attendeeRows(a, open, now).filter((row) => !planned.has(row.dedupeKey));
    });
    created += await insertReminders(prisma, rows);
    if (page.length < planBatchSize) break;
  }
  const appointments = seen.size;
  return { appointments, created };
}

/**
 * Re-plans an appointment's reminders after it moved (startsAt changed) or
 * was cancelled: pending reminders are deleted, the keys of earlier ones are
 * retired (so the new time gets its own reminders), and the attendees'
 * earlier answers, which were about the old time, are reset unless
 * `resetAnswers` is false. Reschedule tasks for it are closed.
 */
export async function replanAppointment(
  tx: Tx,
  appointmentId: string,
  now: Date,
  settings?: SchedulerSettings,
  options: { resetAnswers?: boolean } = {},
): Promise<{ deleted: number; created: number }> {
  const s = settingsOrDefault(settings);
  const appointment = await tx.appointment.findUnique({ where: { id: appointmentId }, select: { id: true, status: true } });
  if (!appointment) return { deleted: 0, created: 0 };
  const { count: deleted } = await tx.reminder.deleteMany({ where: { appointmentId, status: 'PENDING' } });
  // "appt:<a>:<p>:1d" → "appt:<a>:<p>:1d@<reminder id>": history stays, the key is free again.
  await tx.$executeRaw`
    UPDATE "Reminder" SET "dedupeKey" = "dedupeKey" || '@' || id
    WHERE "appointmentId" = ${appointmentId} AND status <> 'PENDING' AND position('@' in "dedupeKey") = 0`;
  if (options.resetAnswers ?? true) {
    await tx.appointmentAttendee.updateMany({
      where: { appointmentId, status: { in: ['CONFIRMED', 'RESCHEDULE_REQUESTED'] } },
      data: { status: 'INVITED', respondedAt: null },
    });
    await tx.caseworkerTask.updateMany({ where: { appointmentId, kind: 'RESCHEDULE', doneAt: null }, data: { doneAt: now } });
  }
  if (appointment.status !== 'SCHEDULED') return { deleted, created: 0 };
  const { created } = await planAppointmentReminders(tx, s, now, [appointmentId]);
  return { deleted, created };
}

// ─── Caseworker digests ───────────────────────────────────────────────────

/** Morning digests for today and tomorrow, for caseworkers with a chat account that can receive them. */
export async function planDigests(prisma: Tx, settings: SchedulerSettings, now: Date): Promise<{ staff: number; created: number }> {
  const { defaultTimezone, digestWindowHours } = settings.options;
  const staff = await prisma.staffUser.findMany({
    where: { role: 'CASEWORKER', active: true, stationId: { not: null }, identities: { some: SENDABLE_IDENTITY } },
    select: { id: true, station: { select: { timezone: true } } },
  });
  const rows: PlannedReminder[] = [];
  for (const member of staff) {
    const zone = validZone(member.station?.timezone, defaultTimezone);
    const today = localDate(now, zone);
    for (const date of [today, addDays(today, 1)]) {
      const raw = atLocal(date, settings.digestMinutes, zone);
      const windowEndsAt = new Date(raw.getTime() + digestWindowHours * HOUR_MS);
      if (windowEndsAt.getTime() <= now.getTime()) continue;
      const placement = place(raw, windowEndsAt, zone, settings);
      rows.push({
        kind: 'DIGEST',
        dedupeKey: reminderKeys.digest(member.id, date),
        staffUserId: member.id,
        dueAt: placement.dueAt,
        windowEndsAt,
        status: placement.status,
        skipReason: placement.skipReason,
        createdAt: now,
      });
    }
  }
  return { staff: staff.length, created: await insertReminders(prisma, rows) };
}
