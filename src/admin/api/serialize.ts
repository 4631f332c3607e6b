import type { EscalationOutcome, EscalationStatus } from '../../generated/prisma/client.js';

export interface EscalationJson {
  id: string;
  number: number;
  participantId: string;
  pseudonym: string;
  stationId: string;
  level: number;
  categories: string[];
  status: EscalationStatus;
  tier: number;
  openedAt: string;
  ackDeadline: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  outcome: EscalationOutcome | null;
  assignedToId: string | null;
}

export interface EscalationRowForJson {
  id: string;
  number: number;
  participantId: string;
  level: number;
  categories: string[];
  status: EscalationStatus;
  tier: number;
  openedAt: Date;
  ackDeadline: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  outcome: EscalationOutcome | null;
  assignedToId: string | null;
  participant: { pseudonym: string; stationId: string };
}

/** Metadata only: the API never returns message text (no message view to audit). */
export function escalationJson(row: EscalationRowForJson): EscalationJson {
  return {
    id: row.id,
    number: row.number,
    participantId: row.participantId,
    pseudonym: row.participant.pseudonym,
    stationId: row.participant.stationId,
    level: row.level,
    categories: row.categories,
    status: row.status,
    tier: row.tier,
    openedAt: row.openedAt.toISOString(),
    ackDeadline: row.ackDeadline.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    outcome: row.outcome,
    assignedToId: row.assignedToId,
  };
}

export const ESCALATION_JSON_INCLUDE = { participant: { select: { pseudonym: true, stationId: true } } } as const;
