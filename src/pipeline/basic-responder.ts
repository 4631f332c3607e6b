import type { OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { formatHotlines, hotlinesFor } from '../content/hotlines.js';
import { t } from '../i18n/index.js';
import type { Responder, Turn } from './responder.js';

/**
 * Acknowledges a message and lists the person's crisis and psychological
 * hotlines. Used where no conversation engine is configured.
 */
export class BasicResponder implements Responder {
  async respond(tx: Prisma.TransactionClient, turn: Turn): Promise<OutboundMessage[]> {
    const { locale, stationId } = turn.sender.person;
    const hotlines = await hotlinesFor(tx, { locale, stationId, tag: 'crisis' });
    return [{ text: t(locale, 'basic.received', { hotlines: formatHotlines(hotlines) }) }];
  }
}
