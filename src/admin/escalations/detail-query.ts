import type { EscalationEventType, EscalationOutcome, EscalationStatus, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { assigneeWhere } from '../../escalation/assign.js';
import { ESCALATION_OUTCOMES } from '../../escalation/resolve.js';
import type { StaffPrincipal } from '../access/principal.js';
import { accessTo, escalationsOf, scopeFor } from '../access/scope.js';
import { excerptEntries, type ExcerptEntry } from './excerpt.js';

export interface HistoryEvent {
  id: string;
  type: EscalationEventType;
  at: Date;
  actor: string | null;
  note: string | null;
  fromLevel: number | null;
  toLevel: number | null;
  outcome: EscalationOutcome | null;
  /** For ASSIGNED: the new assignee's name. */
  assignee: string | null;
}

export interface EscalationDetail {
  id: string;
  number: number;
  level: number;
  status: EscalationStatus;
  categories: string[];
  participantId: string;
  pseudonym: string;
  stationName: string;
  timezone: string;
  openedAt: Date;
  ackDeadline: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  outcome: EscalationOutcome | null;
  resolutionNote: string | null;
  assignedToId: string | null;
  assignedTo: string | null;
  excerpt: ExcerptEntry[];
  history: HistoryEvent[];
  /** Who it can be assigned to (only filled when the viewer may act). */
  assignees: { id: string; displayName: string }[];
}

export type DetailLookup = { access: 'none' } | { access: 'read' | 'act'; detail: EscalationDetail };

function isOutcome(value: string | null): value is EscalationOutcome {
  return value !== null && (ESCALATION_OUTCOMES as readonly string[]).includes(value);
}

function jsonField(data: Prisma.JsonValue | null, key: string): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const value = data[key];
  return typeof value === 'string' ? value : null;
}

/** One escalation with its history, if the staff member may see it; another station's is 'none' (a 404). */
export async function loadEscalationDetail(prisma: PrismaClient, staff: StaffPrincipal, id: string): Promise<DetailLookup> {
  const row = await prisma.escalation.findFirst({
    where: { AND: [{ id }, escalationsOf(scopeFor(staff).read)] },
    include: {
      participant: { include: { station: { select: { name: true, timezone: true } } } },
      assignedTo: { select: { displayName: true } },
      events: { orderBy: { createdAt: 'asc' }, include: { actor: { select: { displayName: true } } } },
    },
  });
  if (!row) return { access: 'none' };
  const access = accessTo(staff, row.participant);
  if (access === 'none') return { access };
  const assigneeIds = row.events.flatMap((e) => (e.type === 'ASSIGNED' ? [jsonField(e.data, 'to')] : [])).filter((v): v is string => v !== null);
  const [named, assignees] = await Promise.all([
    assigneeIds.length > 0
      ? prisma.staffUser.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, displayName: true } })
      : Promise.resolve([]),
    access === 'act'
      ? prisma.staffUser.findMany({ where: assigneeWhere(row.participant.stationId), select: { id: true, displayName: true }, orderBy: { displayName: 'asc' } })
      : Promise.resolve([]),
  ]);
  const names = new Map(named.map((s) => [s.id, s.displayName]));
  return {
    access,
    detail: {
      id: row.id,
      number: row.number,
      level: row.level,
      status: row.status,
      categories: row.categories,
      participantId: row.participantId,
      pseudonym: row.participant.pseudonym,
      stationName: row.participant.station.name,
      timezone: row.participant.station.timezone,
      openedAt: row.openedAt,
      ackDeadline: row.ackDeadline,
      acknowledgedAt: row.acknowledgedAt,
      resolvedAt: row.resolvedAt,
      outcome: row.outcome,
      resolutionNote: row.resolutionNote,
      assignedToId: row.assignedToId,
      assignedTo: row.assignedTo?.displayName ?? null,
      excerpt: excerptEntries(row.excerpt),
      history: row.events.map((event) => {
        const to = event.type === 'ASSIGNED' ? jsonField(event.data, 'to') : null;
        const outcome = event.type === 'RESOLVED' ? jsonField(event.data, 'outcome') : null;
        return {
          id: event.id,
          type: event.type,
          at: event.createdAt,
          actor: event.actor?.displayName ?? null,
          note: event.note,
          fromLevel: event.fromLevel,
          toLevel: event.toLevel,
          outcome: isOutcome(outcome) ? outcome : null,
          assignee: to ? (names.get(to) ?? null) : null,
        };
      }),
      assignees,
    },
  };
}
