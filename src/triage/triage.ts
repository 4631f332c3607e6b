import type { Clock } from '../core/clock.js';
import type { OutboundMessage } from '../core/messages.js';
import type { EscalationContext } from '../escalation/open-or-raise.js';
import { recordRisk, worthRecording } from './record-risk.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Sender } from '../pipeline/person.js';
import { assessSignals, assessText, combineRisk, recentContextCanRaise, type RiskResult, type RiskSignals } from '../risk/index.js';
import { safeReply } from './safe-reply.js';

export interface TriageInput {
  sender: Sender;
  text: string;
  messageId: string;
  /** Structured signals from a flow (a check-in's answers), when there are any. */
  signals?: Omit<RiskSignals, 'currentText' | 'recent'>;
}

export interface TriageOutcome {
  risk: RiskResult;
  /** The reviewed safe reply for level ≥ 2, sent before anything else. */
  safeReply?: OutboundMessage;
  /** Level ≥ 3: the conversation must not answer on top of the safe reply. */
  takesOver: boolean;
}

const CONTEXT_WINDOW_MS = 60 * 60_000;

/** The rules alone: pure, fast, and run before anything that could fail. */
export function assessMessage(sender: Sender, text: string): RiskResult {
  return assessText(text, { speaker: sender.person.kind === 'family' ? 'family' : 'participant' });
}

/**
 * Triage of one message from a participant or family member: rules, then
 * signals and recent context (read only when it could matter), stored as a
 * RiskAssessment when anything was found; level ≥ 2 opens or
 * raises the participant's escalation and alerts staff; level ≥ 2 gets a
 * reviewed safe reply. Runs before, and independently of, any model.
 */
export async function triage(
  tx: Prisma.TransactionClient,
  context: EscalationContext & { clock: Clock },
  input: TriageInput,
): Promise<TriageOutcome> {
  const now = context.clock.now();
  const { person } = input.sender;
  const rules = assessMessage(input.sender, input.text);
  const recentRows =
    person.participantId && recentContextCanRaise(rules)
      ? await tx.riskAssessment.findMany({
          where: { participantId: person.participantId, createdAt: { gt: new Date(now.getTime() - CONTEXT_WINDOW_MS) }, level: { gte: 2 } },
          select: { level: true, createdAt: true },
          take: 5,
          orderBy: { createdAt: 'desc' },
        })
      : [];
  const signals = assessSignals({
    ...input.signals,
    currentText: rules,
    recent: recentRows.map((r) => ({
      maxLevel: Math.min(4, Math.max(0, r.level)) as 0 | 1 | 2 | 3 | 4,
      minutesAgo: (now.getTime() - r.createdAt.getTime()) / 60_000,
    })),
  });
  const risk = signals.level > 0 ? combineRisk(rules, signals) : rules;

  if (worthRecording(risk)) await recordRisk(tx, context, { person, risk, text: input.text, messageId: input.messageId, now });
  const reply = person.kind === 'staff' ? undefined : await safeReply(tx, risk, person);
  return { risk, ...(reply ? { safeReply: reply } : {}), takesOver: risk.level >= 3 };
}

/**
 * Triage of structured answers (a check-in: craving, use, mood, missed dose)
 * given inside a flow. Same storage, escalation and safe reply as a message.
 * `summary` is what staff alerts quote, e.g. "check-in: craving 8, used".
 */
export async function triageSignals(
  tx: Prisma.TransactionClient,
  context: EscalationContext & { clock: Clock },
  input: { sender: Sender; messageId: string; summary: string; signals: Omit<RiskSignals, 'currentText' | 'recent'> },
): Promise<TriageOutcome> {
  const now = context.clock.now();
  const { person } = input.sender;
  const risk = assessSignals(input.signals);
  await recordRisk(tx, context, { person, risk, text: input.summary, messageId: input.messageId, now });
  const reply = person.kind === 'staff' ? undefined : await safeReply(tx, risk, person);
  return { risk, ...(reply ? { safeReply: reply } : {}), takesOver: risk.level >= 3 };
}
