import { DateTime } from 'luxon';
import type { AppointmentKind, AttendanceStatus, EscalationStatus, Prisma, ReliefProgram, ReliefStatus, RiskTier } from '../generated/prisma/client.js';
import { asLocale, type Locale } from '../i18n/index.js';
import { settingsOrDefault, type SchedulerSettings } from './context.js';
import { appointmentWhat, formatTime } from './format.js';
import { st, type SchedulerKey } from './i18n/index.js';
import { addDays, atLocal, localDate, validZone } from './time.js';

type Tx = Prisma.TransactionClient;

const DAY_MS = 86_400_000;
/** How far back missed check-ins are looked for. */
const MISSED_LOOKBACK_DAYS = 14;
/** A family change stays on the must-visit list this long. */
const FAMILY_CHANGE_DAYS = 30;
/** Lines per section in the chat text; the console shows everything. */
const CHAT_LINES = 8;

export interface DigestPerson {
  participantId: string;
  pseudonym: string;
  /** For the console only: the chat text names people by pseudonym. */
  displayName: string;
  riskTier: RiskTier;
}

export interface DigestAppointment {
  id: string;
  kind: AppointmentKind;
  title: string | null;
  topic: string | null;
  startsAt: Date;
  place: string | null;
  /** Attendees from this caseload. */
  attendees: (DigestPerson & { status: AttendanceStatus })[];
}

export interface Digest {
  staffId: string;
  staffName: string;
  locale: Locale;
  stationId: string | null;
  stationName: string | null;
  timezone: string;
  /** The station's local date, YYYY-MM-DD. */
  date: string;
  appointments: DigestAppointment[];
  /** People whose latest check-in reminders went unanswered, longest run first. */
  missedCheckIns: (DigestPerson & { streak: number; lastCheckInAt: Date | null })[];
  openEscalations: {
    id: string;
    number: number;
    level: number;
    status: EscalationStatus;
    categories: string[];
    openedAt: Date;
    ackDeadline: Date;
    person: DigestPerson;
  }[];
  reliefRequests: { id: string; program: ReliefProgram; status: ReliefStatus; createdAt: Date; person: DigestPerson }[];
  /** 三必访: birthdays this week, sensitive periods covering today, recent family changes. */
  mustVisit: {
    birthdays: (DigestPerson & { on: string })[];
    sensitivePeriods: { id: string; name: string; startsOn: string; endsOn: string }[];
    familyChanges: (DigestPerson & { familyChangeAt: Date; note: string | null })[];
  };
}

const PERSON_SELECT = { id: true, pseudonym: true, displayName: true, riskTier: true } as const;

function person(p: { id: string; pseudonym: string; displayName: string; riskTier: RiskTier }): DigestPerson {
  return { participantId: p.id, pseudonym: p.pseudonym, displayName: p.displayName, riskTier: p.riskTier };
}

function isoOfDateColumn(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date in this week (Monday to Sunday, `weekDates`) of a birthday; 29 February counts on the 28th in other years. */
export function birthdayThisWeek(birthday: Date, weekDates: readonly string[]): string | undefined {
  const monthDay = isoOfDateColumn(birthday).slice(5);
  return weekDates.find((date) => {
    if (date.slice(5) === monthDay) return true;
    const leap = DateTime.fromISO(date, { zone: 'utc' }).isInLeapYear;
    return monthDay === '02-29' && !leap && date.slice(5) === '02-28';
  });
}

/**
 * What a caseworker needs this morning, for the chat digest and the console:
 * today's appointments, missed check-ins, open escalations, relief requests
 * waiting and the 三必访 list, for their own caseload.
 */
export async function buildDigest(tx: Tx, staffId: string, now: Date, settings?: SchedulerSettings): Promise<Digest | undefined> {
  const s = settingsOrDefault(settings);
  const staff = await tx.staffUser.findUnique({
    where: { id: staffId },
    select: { id: true, displayName: true, locale: true, stationId: true, station: { select: { name: true, timezone: true } } },
  });
  if (!staff) return undefined;
  const zone = validZone(staff.station?.timezone, s.options.defaultTimezone);
  const date = localDate(now, zone);
  const dayStart = atLocal(date, 0, zone);
  const dayEnd = atLocal(addDays(date, 1), 0, zone);

  const caseload = await tx.participant.findMany({
    where: { caseworkerId: staffId, status: { not: 'COMPLETED' } },
    select: { ...PERSON_SELECT, birthday: true, familyChangeAt: true, familyChangeNote: true },
  });
  const ids = caseload.map((p) => p.id);
  const byId = new Map(caseload.map((p) => [p.id, person(p)]));

  const appointments = await tx.appointment.findMany({
    where: { status: 'SCHEDULED', startsAt: { gte: dayStart, lt: dayEnd }, attendees: { some: { participantId: { in: ids } } } },
    select: {
      id: true,
      kind: true,
      title: true,
      topic: true,
      startsAt: true,
      place: true,
      attendees: { where: { participantId: { in: ids } }, select: { participantId: true, status: true } },
    },
    orderBy: { startsAt: 'asc' },
  });

  const missedCheckIns = await missedRuns(tx, ids, now);

  const escalations = await tx.escalation.findMany({
    where: { status: { in: ['OPEN', 'ACKNOWLEDGED'] }, OR: [{ participantId: { in: ids } }, { assignedToId: staffId }] },
    select: {
      id: true,
      number: true,
      level: true,
      status: true,
      categories: true,
      openedAt: true,
      ackDeadline: true,
      participant: { select: PERSON_SELECT },
    },
    orderBy: [{ level: 'desc' }, { openedAt: 'asc' }],
  });

  const relief = await tx.reliefRequest.findMany({
    where: { status: { in: ['NEW', 'IN_PROGRESS'] }, participantId: { in: ids } },
    select: { id: true, program: true, status: true, createdAt: true, participantId: true },
    orderBy: { createdAt: 'asc' },
  });

  const weekStart = DateTime.fromISO(date, { zone: 'utc' }).startOf('week');
  const weekDates = [0, 1, 2, 3, 4, 5, 6].map((d) => weekStart.plus({ days: d }).toISODate() ?? date);
  const birthdays = caseload
    .flatMap((p) => {
      const on = p.birthday ? birthdayThisWeek(p.birthday, weekDates) : undefined;
      return on ? [{ ...person(p), on }] : [];
    })
    .sort((a, b) => a.on.localeCompare(b.on));
  const todayColumn = new Date(`${date}T00:00:00Z`);
  const periods = await tx.sensitivePeriod.findMany({
    where: {
      OR: [{ stationId: null }, ...(staff.stationId ? [{ stationId: staff.stationId }] : [])],
      startsOn: { lte: todayColumn },
      endsOn: { gte: todayColumn },
    },
    orderBy: { startsOn: 'asc' },
  });
  const changedSince = new Date(now.getTime() - FAMILY_CHANGE_DAYS * DAY_MS);
  const familyChanges = caseload
    .filter((p) => p.familyChangeAt && p.familyChangeAt >= changedSince && p.familyChangeAt <= now)
    .map((p) => ({ ...person(p), familyChangeAt: p.familyChangeAt as Date, note: p.familyChangeNote }))
    .sort((a, b) => b.familyChangeAt.getTime() - a.familyChangeAt.getTime());

  return {
    staffId: staff.id,
    staffName: staff.displayName,
    locale: asLocale(staff.locale),
    stationId: staff.stationId,
    stationName: staff.station?.name ?? null,
    timezone: zone,
    date,
    appointments: appointments.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      topic: a.topic,
      startsAt: a.startsAt,
      place: a.place,
      attendees: a.attendees.flatMap((at) => {
        const p = byId.get(at.participantId);
        return p ? [{ ...p, status: at.status }] : [];
      }),
    })),
    missedCheckIns: missedCheckIns.flatMap((m) => {
      const p = byId.get(m.participantId);
      return p ? [{ ...p, streak: m.streak, lastCheckInAt: m.lastCheckInAt }] : [];
    }),
    openEscalations: escalations.map((e) => ({
      id: e.id,
      number: e.number,
      level: e.level,
      status: e.status,
      categories: e.categories,
      openedAt: e.openedAt,
      ackDeadline: e.ackDeadline,
      person: person(e.participant),
    })),
    reliefRequests: relief.flatMap((r) => {
      const p = byId.get(r.participantId);
      return p ? [{ id: r.id, program: r.program, status: r.status, createdAt: r.createdAt, person: p }] : [];
    }),
    mustVisit: {
      birthdays,
      sensitivePeriods: periods.map((p) => ({ id: p.id, name: p.name, startsOn: isoOfDateColumn(p.startsOn), endsOn: isoOfDateColumn(p.endsOn) })),
      familyChanges,
    },
  };
}

/**
 * For each person, how many of their latest sent check-in reminders (closed
 * windows, last two weeks) had no check-in inside the window.
 */
async function missedRuns(tx: Tx, participantIds: string[], now: Date): Promise<{ participantId: string; streak: number; lastCheckInAt: Date | null }[]> {
  if (participantIds.length === 0) return [];
  const since = new Date(now.getTime() - MISSED_LOOKBACK_DAYS * DAY_MS);
  const reminders = await tx.reminder.findMany({
    where: { participantId: { in: participantIds }, kind: 'CHECK_IN', status: 'SENT', windowEndsAt: { lte: now }, dueAt: { gte: since } },
    select: { participantId: true, sentAt: true, windowEndsAt: true },
    orderBy: { dueAt: 'desc' },
  });
  const checkIns = await tx.checkIn.findMany({
    where: { participantId: { in: participantIds }, createdAt: { gte: since } },
    select: { participantId: true, createdAt: true },
  });
  const latest = await tx.checkIn.groupBy({ by: ['participantId'], where: { participantId: { in: participantIds } }, _max: { createdAt: true } });
  const lastAt = new Map(latest.map((l) => [l.participantId, l._max.createdAt]));
  const out: { participantId: string; streak: number; lastCheckInAt: Date | null }[] = [];
  const grouped = new Map<string, typeof reminders>();
  for (const r of reminders) if (r.participantId) grouped.set(r.participantId, [...(grouped.get(r.participantId) ?? []), r]);
  for (const [participantId, list] of grouped) {
    const own = checkIns.filter((c) => c.participantId === participantId).map((c) => c.createdAt.getTime());
    let streak = 0;
    for (const r of list) {
      const from = (r.sentAt ?? r.windowEndsAt).getTime();
      if (own.some((at) => at >= from && at <= r.windowEndsAt.getTime())) break;
      streak++;
    }
    if (streak > 0) out.push({ participantId, streak, lastCheckInAt: lastAt.get(participantId) ?? null });
  }
  return out.sort((a, b) => b.streak - a.streak);
}

function section<T>(locale: Locale, heading: string, items: T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const lines = items.slice(0, CHAT_LINES).map(line);
  if (items.length > CHAT_LINES) lines.push(st(locale, 'digest.more', { count: items.length - CHAT_LINES }));
  return [heading, ...lines];
}

/**
 * The digest as one chat message in the caseworker's language. People are
 * named by pseudonym only and family-change notes stay in the console: chat
 * apps show messages on lock screens.
 */
export function digestText(digest: Digest, consoleUrl: string | undefined): string {
  const { locale, timezone } = digest;
  const blocks: string[][] = [];
  // Daily methadone doses make one line, not one per person.
  const doses = digest.appointments.filter((a) => a.kind === 'METHADONE_DOSE');
  const others = digest.appointments.filter((a) => a.kind !== 'METHADONE_DOSE');
  const appointmentLines = others.map((a) => ({
    time: formatTime(a.startsAt, locale, timezone),
    what: appointmentWhat(locale, a.kind, a.topic ?? a.title),
    who: a.attendees.length === 1 ? (a.attendees[0]?.pseudonym ?? '') : st(locale, 'digest.people', { count: a.attendees.length }),
  }));
  const firstDose = doses[0];
  if (firstDose) {
    appointmentLines.push({
      time: formatTime(firstDose.startsAt, locale, timezone),
      what: appointmentWhat(locale, 'METHADONE_DOSE', null),
      who: st(locale, 'digest.people', { count: new Set(doses.flatMap((d) => d.attendees.map((x) => x.participantId))).size }),
    });
  }
  blocks.push(
    section(locale, st(locale, 'digest.appointments', { count: digest.appointments.length }), appointmentLines, (l) =>
      st(locale, 'digest.appointmentLine', l),
    ),
  );
  blocks.push(
    section(locale, st(locale, 'digest.missedCheckIns', { count: digest.missedCheckIns.length }), digest.missedCheckIns, (m) =>
      st(locale, 'digest.missedLine', { pseudonym: m.pseudonym, streak: m.streak }),
    ),
  );
  blocks.push(
    section(locale, st(locale, 'digest.escalations', { count: digest.openEscalations.length }), digest.openEscalations, (e) =>
      st(locale, 'digest.escalationLine', {
        number: e.number,
        pseudonym: e.person.pseudonym,
        level: e.level,
        status: st(locale, `digest.status.${e.status === 'OPEN' ? 'OPEN' : 'ACKNOWLEDGED'}` as SchedulerKey),
      }),
    ),
  );
  if (digest.reliefRequests.length > 0) blocks.push([st(locale, 'digest.relief', { count: digest.reliefRequests.length })]);
  const { birthdays, sensitivePeriods, familyChanges } = digest.mustVisit;
  const sep = st(locale, 'digest.separator');
  const visits = [
    birthdays.length
      ? st(locale, 'digest.birthdays', { list: birthdays.map((b) => st(locale, 'digest.birthdayItem', { pseudonym: b.pseudonym, date: b.on.slice(5) })).join(sep) })
      : '',
    sensitivePeriods.length ? st(locale, 'digest.sensitive', { list: sensitivePeriods.map((p) => p.name).join(sep) }) : '',
    familyChanges.length ? st(locale, 'digest.familyChanges', { list: familyChanges.map((f) => f.pseudonym).join(sep) }) : '',
  ].filter(Boolean);
  if (visits.length > 0) blocks.push([st(locale, 'digest.mustVisit'), ...visits]);

  const body = blocks.filter((b) => b.length > 0).map((b) => b.join('\n'));
  const head = st(locale, 'digest.title', { name: digest.staffName, date: digest.date });
  const tail = consoleUrl ? st(locale, 'digest.console', { link: `${consoleUrl}/admin` }) : '';
  return [head, ...(body.length ? body : [st(locale, 'digest.nothing')]), tail].filter(Boolean).join('\n\n');
}
