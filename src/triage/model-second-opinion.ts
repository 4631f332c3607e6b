import type { Clock } from '../core/clock.js';
import type { Database } from '../db/client.js';
import type { EscalationContext } from '../escalation/open-or-raise.js';
import { recordRisk } from './record-risk.js';
import type { Logger } from '../log/logger.js';
import { enqueueOutbound, PRIORITY } from '../outbox/enqueue.js';
import type { Sender } from '../pipeline/person.js';
import { raiseOnly, type RiskResult } from '../risk/index.js';
import { safeReply } from './safe-reply.js';

export interface ModelAssessor {
  assess(input: { text: string; speaker: 'participant' | 'family'; rulesResult: RiskResult; knownNames?: string[] }): Promise<RiskResult | undefined>;
}

export interface SecondOpinionInput {
  eventId: string;
  sender: Sender;
  text: string;
  messageId: string;
  rules: RiskResult;
}

/**
 * Asks the model for a second opinion after the message's own transaction
 * has committed and its safe reply is queued, so it can never delay that
 * reply. The model may raise the level, never lower it; a raise is stored,
 * escalated and answered with the template for the new level.
 */
export async function modelSecondOpinion(
  deps: { db: Database; assessor: ModelAssessor; escalation: EscalationContext; clock: Clock; log: Logger },
  input: SecondOpinionInput,
): Promise<boolean> {
  const { person } = input.sender;
  if (person.kind === 'staff' || !person.participantId) return false;
  let proposed: RiskResult | undefined;
  try {
    proposed = await deps.assessor.assess({
      text: input.text,
      speaker: person.kind === 'family' ? 'family' : 'participant',
      rulesResult: input.rules,
      knownNames: [person.displayName],
    });
  } catch (error) {
    deps.log.warn({ err: error }, 'model risk assessment failed; the rules stand');
    return false;
  }
  if (!proposed || proposed.level <= input.rules.level) return false;
  const risk = raiseOnly(input.rules, proposed);
  const now = deps.clock.now();
  await deps.db.prisma.$transaction(async (tx) => {
    await recordRisk(tx, deps.escalation, { person, risk, text: input.text, messageId: input.messageId, now });
    // Only a new band (2 → support, 3+ → crisis) earns another reply.
    const band = (level: number) => (level >= 3 ? 3 : level >= 2 ? 2 : 0);
    if (band(risk.level) > band(input.rules.level)) {
      const reply = await safeReply(tx, risk, person);
      if (reply) {
        await enqueueOutbound(
          tx,
          [
            {
              identityId: input.sender.identityId,
              channel: input.sender.channel,
              message: reply,
              priority: risk.level >= 3 ? PRIORITY.crisis : PRIORITY.reply,
              isReply: true,
              dedupeKey: `safe-model:${input.eventId}`,
            },
          ],
          now,
        );
      }
    }
  });
  return true;
}
