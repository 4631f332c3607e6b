import type { Choice, OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Sender } from './person.js';

export interface Turn {
  sender: Sender;
  /** What the person wrote, or undefined for a tapped choice. */
  text?: string;
  /** The value of the choice they tapped or answered with a number. */
  choice?: string;
  /** The stored inbound Message. */
  messageId: string;
  now: Date;
}

/**
 * Produces replies for a linked person's text or choice. The conversation
 * engine implements this; the pipeline never knows which flows exist.
 */
export interface Responder {
  respond(tx: Prisma.TransactionClient, turn: Turn): Promise<OutboundMessage[]>;
}

export type { Choice };
