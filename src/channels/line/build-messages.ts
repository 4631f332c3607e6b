import type { messagingApi } from '@line/bot-sdk';
import type { Choice, OutboundMessage } from '../../core/messages.js';
import { splitText } from '../split-text.js';

export { splitText };

/**
 * Messaging API limits. LINE counts UTF-16 code units (an emoji outside the
 * Basic Multilingual Plane counts as 2), which is what String#length gives.
 */
export const LINE_LIMITS = {
  textLength: 5_000,
  messagesPerRequest: 5,
  quickReplyItems: 13,
  quickReplyLabelLength: 20,
  postbackDataLength: 300,
  displayTextLength: 300,
} as const;

export type BuiltMessages = { ok: true; messages: messagingApi.Message[] } | { ok: false; reason: string };

/**
 * Text as at most five LINE text messages, with the choices as quick-reply
 * buttons on the last one (LINE shows quick replies only for the last message).
 */
export function buildLineMessages(message: OutboundMessage): BuiltMessages {
  if (message.text.length === 0) return { ok: false, reason: 'empty text' };
  const parts = splitText(message.text, LINE_LIMITS.textLength);
  if (parts.length > LINE_LIMITS.messagesPerRequest) {
    return { ok: false, reason: `text needs ${parts.length} messages; LINE takes ${LINE_LIMITS.messagesPerRequest} per call` };
  }
  const choices = message.choices ?? [];
  if (choices.length > LINE_LIMITS.quickReplyItems) {
    return { ok: false, reason: `${choices.length} choices; LINE shows at most ${LINE_LIMITS.quickReplyItems} quick replies` };
  }
  if (choices.some((choice) => choice.value.length > LINE_LIMITS.postbackDataLength)) {
    return { ok: false, reason: `a choice value is longer than ${LINE_LIMITS.postbackDataLength} characters` };
  }
  const messages: messagingApi.TextMessage[] = parts.map((text) => ({ type: 'text', text }));
  const last = messages[messages.length - 1];
  if (last && choices.length > 0) last.quickReply = { items: choices.map(quickReplyItem) };
  return { ok: true, messages };
}

function quickReplyItem(choice: Choice): messagingApi.QuickReplyItem {
  const action: messagingApi.PostbackAction = {
    type: 'postback',
    label: fitLabel(choice.label, LINE_LIMITS.quickReplyLabelLength),
    data: choice.value,
    // What appears in the chat as the person's message when they tap.
    displayText: fitLabel(choice.label, LINE_LIMITS.displayTextLength),
  };
  return { type: 'action', action };
}

/** Cuts a label to `max` UTF-16 units ending in "…", never inside a surrogate pair. */
export function fitLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  let fitted = '';
  for (const char of label) {
    if (fitted.length + char.length > max - 1) break;
    fitted += char;
  }
  return `${fitted}…`;
}
