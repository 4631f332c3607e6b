import { openOrRaiseEscalation, type EscalationContext } from '../escalation/open-or-raise.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Person } from '../pipeline/person.js';
import type { RiskResult } from '../risk/index.js';

/** A calm message that matched nothing needs no row: the message itself is the record. */
export function worthRecording(risk: RiskResult): boolean {
  const { phrases, rules, signals } = risk.evidence;
  return risk.level > 0 || phrases.length > 0 || rules.length > 0 || signals.length > 0;
}

/**
 * Stores a RiskAssessment and, at level ≥ 2, opens or raises the
 * participant's escalation (alerting staff). `text` is what alerts quote.
 */
export async function recordRisk(
  tx: Prisma.TransactionClient,
  context: EscalationContext,
  input: { person: Person; risk: RiskResult; text: string; messageId: string; now: Date },
): Promise<void> {
  const { person, risk, now } = input;
  const family = person.kind === 'family' || risk.speaker === 'family';
  await tx.riskAssessment.create({
    data: {
      messageId: input.messageId,
      participantId: person.participantId,
      familyMemberId: person.kind === 'family' ? person.id : null,
      level: risk.level,
      categories: risk.categories,
      speaker: family ? 'FAMILY' : 'SELF',
      timeFrame: risk.timeFrame === 'past' ? 'PAST' : 'CURRENT',
      evidence: { ...risk.evidence },
      source: risk.source,
      createdAt: now,
    },
  });
  if (risk.level >= 2 && person.participantId) {
    await openOrRaiseEscalation(tx, context, {
      participantId: person.participantId,
      risk,
      text: input.text,
      messageId: input.messageId,
      reporter: person.kind === 'family' ? 'family' : 'participant',
      now,
    });
  }
}
