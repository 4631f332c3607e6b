import type { InboundMessage } from '../core/messages.js';
import { assessRules, assessText } from '../risk/index.js';

/** Level 3 and above: the rules alone say a person may be in danger now. */
const URGENT_LEVEL = 3;

/**
 * Whether an inbound message should be handled before calm ones waiting in
 * the inbox: the risk rules on its text (microseconds, no database). Triage
 * proper still runs when the message is handled; this only decides order.
 */
export function isUrgentMessage(message: InboundMessage): boolean {
  if (message.kind !== 'text' || !message.text) return false;
  // The rules alone: this only decides order, and triage scores the message in full (with the learned layer) when it is handled.
  return assessRules(message.text, { speaker: 'participant' }).level >= URGENT_LEVEL;
}

/**
 * Loads and compiles the risk lexicons and the learned layer's weights now
 * (about a second) rather than on the first message, which may be a crisis.
 */
export function warmUpRiskRules(): void {
  assessText('今天还好 doing ok', { speaker: 'participant' });
}
