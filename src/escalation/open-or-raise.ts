import type { Prisma } from '../generated/prisma/client.js';
import type { RiskResult } from '../risk/index.js';
import { enqueueAlerts } from './alert.js';
import { ackWindowMs, type AckPolicy } from './policy.js';
import { notifyEscalationsChangedInTransaction } from './notify.js';
import { firstReachableTier } from './recipients.js';

export interface EscalationContext {
  policy: AckPolicy;
  /** PUBLIC_URL, for console links in alerts. */
  consoleUrl: string | undefined;
}

export interface RiskEvent {
  participantId: string;
  risk: RiskResult;
  /** The message that triggered it, quoted in alerts unless privacy mode. */
  text: string;
  messageId: string;
  reporter: 'participant' | 'family';
  now: Date;
}

export type EscalationChange =
  | { kind: 'opened'; escalationId: string; number: number }
  | { kind: 'raised'; escalationId: string; number: number; from: number }
  | { kind: 'merged'; escalationId: string; number: number };

const EXCERPT_LIMIT = 10;

interface Excerpt {
  entries: { at: string; reporter: string; level: number; text: string; evidence: unknown }[];
}

function appendExcerpt(existing: unknown, event: RiskEvent): Prisma.InputJsonObject {
  const entries = ((existing as Excerpt | null)?.entries ?? []).slice(-(EXCERPT_LIMIT - 1));
  entries.push({
    at: event.now.toISOString(),
    reporter: event.reporter,
    level: event.risk.level,
    text: event.text,
    evidence: { ...event.risk.evidence, categories: event.risk.categories, timeFrame: event.risk.timeFrame },
  });
  return { entries } as unknown as Prisma.InputJsonObject;
}

/**
 * Opens an escalation for the participant, or folds the event into the one
 * already open: a burst of messages makes one escalation, raised to the
 * highest level seen. Opening and raising alert staff at once.
 */
export async function openOrRaiseEscalation(
  tx: Prisma.TransactionClient,
  context: EscalationContext,
  event: RiskEvent,
): Promise<EscalationChange> {
  const { risk, now } = event;
  const participant = await tx.participant.findUniqueOrThrow({
    where: { id: event.participantId },
    include: { station: { select: { timezone: true } } },
  });
  const open = await tx.escalation.findFirst({
    where: { participantId: participant.id, status: { in: ['OPEN', 'ACKNOWLEDGED'] } },
    orderBy: { openedAt: 'desc' },
  });

  if (open && risk.level <= open.level) {
    await tx.escalation.update({
      where: { id: open.id },
      data: {
        excerpt: appendExcerpt(open.excerpt, event),
        categories: [...new Set([...open.categories, ...risk.categories])],
      },
    });
    await tx.escalationEvent.create({
      data: { escalationId: open.id, type: 'NOTE', note: 'another worrying message', data: { level: risk.level, messageId: event.messageId }, createdAt: now },
    });
    // Console pages everywhere refresh when this transaction commits.
    await notifyEscalationsChangedInTransaction(tx, { id: open.id, level: open.level });
    return { kind: 'merged', escalationId: open.id, number: open.number };
  }

  const deadline = new Date(now.getTime() + ackWindowMs(risk.level, context.policy));
  const startTier = open?.tier ?? 0;
  const { tier, recipients } = await firstReachableTier(tx, participant, startTier);
  const assignedToId = open?.assignedToId ?? participant.caseworkerId;
  const escalation = open
    ? await tx.escalation.update({
        where: { id: open.id },
        // A higher level needs a fresh acknowledgement.
        data: {
          level: risk.level,
          status: 'OPEN',
          ackDeadline: deadline,
          tier,
          categories: [...new Set([...open.categories, ...risk.categories])],
          excerpt: appendExcerpt(open.excerpt, event),
        },
      })
    : await tx.escalation.create({
        data: {
          participantId: participant.id,
          level: risk.level,
          categories: risk.categories,
          assignedToId,
          tier,
          ackDeadline: deadline,
          openedAt: now,
          excerpt: appendExcerpt(null, event),
        },
      });
  await tx.escalationEvent.create({
    data: open
      ? { escalationId: escalation.id, type: 'RAISED', fromLevel: open.level, toLevel: risk.level, createdAt: now }
      : { escalationId: escalation.id, type: 'OPENED', toLevel: risk.level, data: { reporter: event.reporter }, createdAt: now },
  });
  const alerted = await enqueueAlerts(
    tx,
    recipients,
    {
      escalationId: escalation.id,
      number: escalation.number,
      level: risk.level,
      categories: escalation.categories,
      pseudonym: participant.pseudonym,
      triggerText: event.text,
      deadline,
      timezone: participant.station.timezone,
      tier,
      consoleUrl: context.consoleUrl,
    },
    now,
  );
  await tx.escalationEvent.create({
    data: { escalationId: escalation.id, type: 'ALERTED', data: { tier, messages: alerted }, createdAt: now },
  });
  await notifyEscalationsChangedInTransaction(tx, { id: escalation.id, level: risk.level });
  return open
    ? { kind: 'raised', escalationId: escalation.id, number: escalation.number, from: open.level }
    : { kind: 'opened', escalationId: escalation.id, number: escalation.number };
}
