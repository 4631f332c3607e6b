import type { OutboundMessage } from '../core/messages.js';

/**
 * At most the channel's number of choices. Choices come most important
 * first (offers, then the answer's own, then the menu), so the tail gives way.
 */
export function fitChoices(message: OutboundMessage, maxChoices: number | undefined): OutboundMessage {
  if (!message.choices || maxChoices === undefined || message.choices.length <= maxChoices) return message;
  return { ...message, choices: message.choices.slice(0, maxChoices) };
}
