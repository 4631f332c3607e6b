import type { OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ownerKey, type Person } from '../pipeline/person.js';
import { question, questionChoices } from './flows/check-in.js';
import { tr } from './i18n/index.js';
import { loadState, offeredValues, saveState } from './state.js';

/**
 * For the scheduler: puts a participant at the first check-in question and
 * returns the message to send (the reminder itself). Their answer continues
 * the check-in, and the stored CheckIn carries the reminder's id.
 */
export async function beginCheckIn(
  tx: Prisma.TransactionClient,
  person: Person,
  options: { now: Date; reminderId?: string },
): Promise<OutboundMessage> {
  const key = ownerKey(person);
  const state = await loadState(tx, key, options.now);
  const q = question(person.locale, 'mood');
  const message = { text: `${tr(person.locale, 'checkIn.start')}\n\n${q.text}`, choices: questionChoices(person.locale, 'mood') };
  const data = options.reminderId ? { reminderId: options.reminderId } : {};
  await saveState(tx, key, state, { flow: 'checkin', step: 'mood', data }, offeredValues([message]), options.now);
  return message;
}
