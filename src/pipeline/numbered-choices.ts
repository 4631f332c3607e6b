import type { Choice } from '../core/messages.js';

/**
 * On channels that show choices as numbered text (WeChat), a reply that is
 * just a number picks the choice last offered to that person.
 */
export function choiceForNumber(text: string, offered: Choice[] | undefined): Choice | undefined {
  if (!offered?.length) return undefined;
  const match = /^\s*(\d{1,2})\s*[.、。)）]?\s*$/.exec(text.normalize('NFKC'));
  if (!match) return undefined;
  return offered[Number(match[1]) - 1];
}

/** Where the last offered choices are kept in ConversationState.data. */
export const OFFERED_CHOICES_KEY = '_offeredChoices';
