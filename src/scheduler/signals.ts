import { openOrRaiseEscalation, type EscalationChange, type EscalationContext } from '../escalation/open-or-raise.js';
import type { Prisma } from '../generated/prisma/client.js';
import { assessSignals, type RiskSignals } from '../risk/index.js';

export interface ScheduleSignal {
  participantId: string;
  signals: Pick<RiskSignals, 'missedCheckInStreak' | 'missedDrugTest'>;
  /** What staff alerts quote, in the caseworker's language. */
  summary: string;
  /** What the signal is about, e.g. "reminder:<id>" or "appointment:<id>"; kept with the evidence. */
  source: string;
  now: Date;
}

/**
 * A dropout signal the scheduler noticed (missed check-ins, a missed drug
 * test): scored by the same signal rules as triage, stored as a
 * RiskAssessment, and at level ≥ 2 opening or raising the participant's
 * escalation with alerts.
 *
 * Not `triageSignals`: that one needs the id of the Message that carried the
 * signal (RiskAssessment.messageId references Message) and builds a reply to
 * the sender; here there is no message and nobody to reply to.
 */
export async function raiseScheduleSignal(
  tx: Prisma.TransactionClient,
  context: EscalationContext,
  signal: ScheduleSignal,
): Promise<{ level: number; escalation?: EscalationChange }> {
  const risk = assessSignals(signal.signals);
  await tx.riskAssessment.create({
    data: {
      messageId: null,
      participantId: signal.participantId,
      level: risk.level,
      categories: risk.categories,
      speaker: 'SELF',
      timeFrame: 'CURRENT',
      evidence: { ...risk.evidence, origin: signal.source },
      source: risk.source,
      createdAt: signal.now,
    },
  });
  if (risk.level < 2) return { level: risk.level };
  const escalation = await openOrRaiseEscalation(tx, context, {
    participantId: signal.participantId,
    risk,
    text: signal.summary,
    // No message: the escalation's notes name what the signal is about instead.
    messageId: signal.source,
    reporter: 'participant',
    now: signal.now,
  });
  return { level: risk.level, escalation };
}

/** The caseworker's language for alert summaries (the participant's caseworker, else zh-CN). */
export async function caseworkerLocale(tx: Prisma.TransactionClient, participantId: string): Promise<string | null> {
  const participant = await tx.participant.findUnique({
    where: { id: participantId },
    select: { caseworker: { select: { locale: true } } },
  });
  return participant?.caseworker?.locale ?? null;
}
