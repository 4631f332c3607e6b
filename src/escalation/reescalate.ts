import type { PrismaClient } from '../generated/prisma/client.js';
import { enqueueAlerts } from './alert.js';
import type { EscalationContext } from './open-or-raise.js';
import { ackWindowMs, LAST_TIER } from './policy.js';
import { notifyEscalationsChangedInTransaction } from './notify.js';
import { firstReachableTier } from './recipients.js';

function latestText(excerpt: unknown): string | null {
  const entries = (excerpt as { entries?: { text?: unknown }[] } | null)?.entries ?? [];
  const text = entries.at(-1)?.text;
  return typeof text === 'string' ? text : null;
}

/**
 * Escalations nobody acknowledged in time climb one tier (backup caseworker,
 * then supervisors, then admins) and alert the new tier. Each step is
 * recorded. Safe to run on several instances: each step is claimed by a
 * conditional update on the deadline it found.
 */
export async function reescalateOverdue(prisma: PrismaClient, context: EscalationContext, now: Date): Promise<number> {
  const overdue = await prisma.escalation.findMany({
    where: { status: 'OPEN', ackDeadline: { lt: now }, tier: { lt: LAST_TIER } },
    orderBy: [{ level: 'desc' }, { ackDeadline: 'asc' }],
    take: 100,
    include: { participant: { include: { station: { select: { timezone: true } } } } },
  });
  let climbed = 0;
  for (const escalation of overdue) {
    const moved = await prisma.$transaction(async (tx) => {
      const { tier, recipients } = await firstReachableTier(tx, escalation.participant, escalation.tier + 1);
      const deadline = new Date(now.getTime() + ackWindowMs(escalation.level, context.policy));
      const claimed = await tx.escalation.updateMany({
        where: { id: escalation.id, status: 'OPEN', ackDeadline: escalation.ackDeadline },
        data: { tier, ackDeadline: deadline },
      });
      if (claimed.count === 0) return false;
      const alerted = await enqueueAlerts(
        tx,
        recipients,
        {
          escalationId: escalation.id,
          number: escalation.number,
          level: escalation.level,
          categories: escalation.categories,
          pseudonym: escalation.participant.pseudonym,
          triggerText: latestText(escalation.excerpt),
          deadline,
          timezone: escalation.participant.station.timezone,
          tier,
          consoleUrl: context.consoleUrl,
        },
        now,
      );
      await tx.escalationEvent.create({
        data: { escalationId: escalation.id, type: 'RE_ESCALATED', data: { fromTier: escalation.tier, toTier: tier, messages: alerted }, createdAt: now },
      });
      await notifyEscalationsChangedInTransaction(tx, { id: escalation.id, level: escalation.level });
      return true;
    });
    if (moved) climbed++;
  }
  return climbed;
}
