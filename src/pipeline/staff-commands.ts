import type { OutboundMessage } from '../core/messages.js';
import { acknowledgeEscalation } from '../escalation/acknowledge.js';
import type { Prisma } from '../generated/prisma/client.js';
import { t } from '../i18n/index.js';
import type { Sender } from './person.js';

/** "ACK 42", "ack#42", "确认 42", or the ACK button's value "ack:42". */
export function parseAck(input: { text?: string | undefined; choice?: string | undefined }): number | undefined {
  const source = input.choice ?? input.text ?? '';
  const match = /^\s*(?:ack|确认|確認)\s*[:#：]?\s*(\d{1,9})\s*$/i.exec(source.normalize('NFKC'));
  return match ? Number(match[1]) : undefined;
}

/** Staff talk to the bot only to acknowledge alerts; everything else is in the console. */
export async function handleStaffMessage(
  tx: Prisma.TransactionClient,
  sender: Sender,
  input: { text?: string | undefined; choice?: string | undefined },
  now: Date,
): Promise<OutboundMessage[]> {
  const { locale } = sender.person;
  const number = parseAck(input);
  if (number === undefined) return [{ text: t(locale, 'staff.help') }];
  const result = await acknowledgeEscalation(tx, { number }, sender.person.id, now);
  if (result.ok) return [{ text: t(locale, 'staff.ackDone', { number }) }];
  if (result.reason === 'already') return [{ text: t(locale, 'staff.ackAlready', { number, name: result.by }) }];
  return [{ text: t(locale, 'staff.ackUnknown', { number }) }];
}
