import type {
  AppointmentKind,
  AppointmentStatus,
  AttendanceStatus,
  Channel,
  Direction,
  EscalationOutcome,
  EscalationStatus,
  MessageKind,
  Prisma,
  PrismaClient,
  ReliefProgram,
  ReliefStatus,
} from '../../generated/prisma/client.js';

export const TIMELINE_PAGE_SIZE = 30;

// Ties on the same instant are ordered by kind, then id, so a page boundary never drops or repeats an item.
const KIND_RANK = { relief: 0, escalation: 1, appointment: 2, 'check-in': 3, message: 4 } as const;
export type TimelineKind = keyof typeof KIND_RANK;

interface Base<K extends TimelineKind> {
  kind: K;
  id: string;
  at: Date;
}

export type TimelineItem =
  | (Base<'message'> & {
      direction: Direction;
      channel: Channel;
      messageKind: MessageKind;
      text: string | null;
      /** Set when a family member wrote it. */
      family: { displayName: string; relation: string } | null;
    })
  | (Base<'check-in'> & { mood: number; craving: number; usedSinceLast: boolean; doseTaken: boolean | null; note: string | null })
  | (Base<'appointment'> & { appointmentKind: AppointmentKind; title: string | null; place: string | null; appointmentStatus: AppointmentStatus; attendance: AttendanceStatus; result: string | null })
  | (Base<'escalation'> & { number: number; level: number; status: EscalationStatus; categories: string[]; outcome: EscalationOutcome | null })
  | (Base<'relief'> & { program: ReliefProgram; status: ReliefStatus });

/** Where the previous page ended: the last item's instant, kind and id. */
export interface TimelineCursor {
  at: Date;
  kind: TimelineKind;
  id: string;
}

export interface TimelinePage {
  items: TimelineItem[];
  /** The cursor for the next (older) page, when there is one. */
  next: TimelineCursor | null;
}

type Range = { lt: Date } | { lte: Date };

/** How one source filters on its time and id, in its own Prisma where-input type. */
interface SourceOrder<W> {
  time: (range: Range) => W;
  tie: (at: Date, id: string) => W;
  either: (a: W, b: W) => W;
}

/**
 * The part of one source that comes after the cursor in (time desc, kind desc,
 * id desc) order: a range on the time for kinds that sort before or after the
 * cursor's kind on the same instant, and a tie on the id for the same kind.
 */
function after<W>(kind: TimelineKind, cursor: TimelineCursor | undefined, ceiling: Date | undefined, order: SourceOrder<W>): W[] {
  const and: W[] = ceiling ? [order.time({ lte: ceiling })] : [];
  if (!cursor) return and;
  const rank = KIND_RANK[kind];
  const cursorRank = KIND_RANK[cursor.kind];
  if (rank < cursorRank) and.push(order.time({ lte: cursor.at }));
  else if (rank > cursorRank) and.push(order.time({ lt: cursor.at }));
  else and.push(order.either(order.time({ lt: cursor.at }), order.tie(cursor.at, cursor.id)));
  return and;
}

function compare(a: TimelineItem, b: TimelineItem): number {
  const byTime = b.at.getTime() - a.at.getTime();
  if (byTime !== 0) return byTime;
  const byKind = KIND_RANK[b.kind] - KIND_RANK[a.kind];
  if (byKind !== 0) return byKind;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Messages (the person's and their family's), check-ins, past appointments,
 * escalations and relief requests, newest first, one page at a time. Each
 * source reads at most one page past the cursor, so a long history stays cheap.
 */
export async function loadTimeline(prisma: PrismaClient, participantId: string, now: Date, cursor?: TimelineCursor, pageSize = TIMELINE_PAGE_SIZE): Promise<TimelinePage> {
  const take = pageSize + 1;
  const [messages, checkIns, attendances, escalations, reliefs] = await Promise.all([
    prisma.message.findMany({
      where: {
        AND: [
          { OR: [{ participantId }, { familyMember: { participantId } }] },
          ...after<Prisma.MessageWhereInput>('message', cursor, undefined, {
            time: (createdAt) => ({ createdAt }),
            tie: (createdAt, id) => ({ createdAt, id: { lt: id } }),
            either: (a, b) => ({ OR: [a, b] }),
          }),
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, createdAt: true, direction: true, channel: true, kind: true, text: true, familyMember: { select: { displayName: true, relation: true } } },
    }),
    prisma.checkIn.findMany({
      where: {
        AND: [
          { participantId },
          ...after<Prisma.CheckInWhereInput>('check-in', cursor, undefined, {
            time: (createdAt) => ({ createdAt }),
            tie: (createdAt, id) => ({ createdAt, id: { lt: id } }),
            either: (a, b) => ({ OR: [a, b] }),
          }),
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
    }),
    prisma.appointmentAttendee.findMany({
      where: {
        AND: [
          { participantId },
          ...after<Prisma.AppointmentAttendeeWhereInput>('appointment', cursor, now, {
            time: (startsAt) => ({ appointment: { startsAt } }),
            tie: (startsAt, id) => ({ appointment: { startsAt }, appointmentId: { lt: id } }),
            either: (a, b) => ({ OR: [a, b] }),
          }),
        ],
      },
      orderBy: [{ appointment: { startsAt: 'desc' } }, { appointmentId: 'desc' }],
      take,
      include: { appointment: { select: { kind: true, title: true, place: true, status: true, startsAt: true } } },
    }),
    prisma.escalation.findMany({
      where: {
        AND: [
          { participantId },
          ...after<Prisma.EscalationWhereInput>('escalation', cursor, undefined, {
            time: (openedAt) => ({ openedAt }),
            tie: (openedAt, id) => ({ openedAt, id: { lt: id } }),
            either: (a, b) => ({ OR: [a, b] }),
          }),
        ],
      },
      orderBy: [{ openedAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, number: true, level: true, status: true, categories: true, outcome: true, openedAt: true },
    }),
    prisma.reliefRequest.findMany({
      where: {
        AND: [
          { participantId },
          ...after<Prisma.ReliefRequestWhereInput>('relief', cursor, undefined, {
            time: (createdAt) => ({ createdAt }),
            tie: (createdAt, id) => ({ createdAt, id: { lt: id } }),
            either: (a, b) => ({ OR: [a, b] }),
          }),
        ],
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, program: true, status: true, createdAt: true },
    }),
  ]);

  const merged: TimelineItem[] = [
    ...messages.map((m) => ({
      kind: 'message' as const,
      id: m.id,
      at: m.createdAt,
      direction: m.direction,
      channel: m.channel,
      messageKind: m.kind,
      text: m.text,
      family: m.familyMember,
    })),
    ...checkIns.map((c) => ({
      kind: 'check-in' as const,
      id: c.id,
      at: c.createdAt,
      mood: c.mood,
      craving: c.craving,
      usedSinceLast: c.usedSinceLast,
      doseTaken: c.doseTaken,
      note: c.note,
    })),
    ...attendances.map((a) => ({
      kind: 'appointment' as const,
      id: a.appointmentId,
      at: a.appointment.startsAt,
      appointmentKind: a.appointment.kind,
      title: a.appointment.title,
      place: a.appointment.place,
      appointmentStatus: a.appointment.status,
      attendance: a.status,
      result: a.result,
    })),
    ...escalations.map((e) => ({ kind: 'escalation' as const, id: e.id, at: e.openedAt, number: e.number, level: e.level, status: e.status, categories: e.categories, outcome: e.outcome })),
    ...reliefs.map((r) => ({ kind: 'relief' as const, id: r.id, at: r.createdAt, program: r.program, status: r.status })),
  ].sort(compare);

  const items = merged.slice(0, pageSize);
  const last = items.at(-1);
  return { items, next: merged.length > pageSize && last ? { at: last.at, kind: last.kind, id: last.id } : null };
}

function isKind(value: string): value is TimelineKind {
  return value in KIND_RANK;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(relief|escalation|appointment|check-in|message)_([A-Za-z0-9-]{1,64})$/;

export function encodeCursor(cursor: TimelineCursor): string {
  return `${cursor.at.toISOString()}_${cursor.kind}_${cursor.id}`;
}

/** A cursor from the address bar; anything malformed starts from the newest. */
export function decodeCursor(value: string | undefined): TimelineCursor | undefined {
  const match = value ? CURSOR.exec(value) : null;
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  const at = new Date(match[1]);
  if (Number.isNaN(at.getTime())) return undefined;
  return isKind(match[2]) ? { at, kind: match[2], id: match[3] } : undefined;
}

/** Whether a page shows any message text (a message view for the audit log). */
export function showsMessages(page: TimelinePage): boolean {
  return page.items.some((item) => item.kind === 'message');
}
