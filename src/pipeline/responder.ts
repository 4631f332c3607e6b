import type { Choice, OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { RiskResult } from '../risk/index.js';
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
  /** The pipeline's triage of this turn's text, when it triaged it (free text outside a choice). */
  risk?: RiskResult;
  /**
   * Offered by a caller that can finish an answer after the transaction
   * commits (the pipeline): the responder returns a stand-in reply and hands
   * over the slow part, so no transaction stays open during a model call.
   */
  defer?: (answer: DeferredReply) => void;
}

/** A reply whose final text comes after the transaction: the stand-in goes out if it never does. */
export interface DeferredReply {
  /** One of the messages `respond` returned; sent as it is if `finish` gives nothing. */
  standIn: OutboundMessage;
  /** How long to hold the stand-in back while `finish` runs. */
  holdMs: number;
  /** Runs with no transaction open and never throws; `record` stores what it must (token use) with the new text. */
  finish(): Promise<{ text: string | undefined; record(tx: Prisma.TransactionClient): Promise<void> }>;
}

/**
 * Produces replies for a linked person's text or choice. The conversation
 * engine implements this; the pipeline never knows which flows exist.
 */
export interface Responder {
  respond(tx: Prisma.TransactionClient, turn: Turn): Promise<OutboundMessage[]>;
  /**
   * Called before a batch of turns in one transaction: read ahead, in a few
   * queries, what `respond` will need for these senders.
   */
  prepare?(tx: Prisma.TransactionClient, senders: readonly Sender[], now: Date): Promise<void>;
}

export type { Choice };
