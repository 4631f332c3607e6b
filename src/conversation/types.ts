import type { Clock } from '../core/clock.js';
import type { OutboundMessage } from '../core/messages.js';
import type { EscalationContext } from '../escalation/open-or-raise.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/index.js';
import type { Person, Sender } from '../pipeline/person.js';
import type { Turn } from '../pipeline/responder.js';
import type { Profile } from './profile.js';
import type { FlowState } from './state.js';

/** One earlier message in the conversation, oldest first. */
export interface HistoryEntry {
  from: 'person' | 'bot';
  text: string;
  at: Date;
}

export interface FreeTextRequest {
  /** Who is writing, with their current locale. */
  person: Person;
  text: string;
  /** The last few messages before this one, oldest first (not pseudonymised); empty without a model. */
  history: HistoryEntry[];
  /** The person's station, for local content and the emergency number. */
  station?: { id: string; region: string; emergencyNumber: string };
}

/** An answer started inside the transaction and finished after it (a model call). */
export interface PendingAnswer {
  /** How long the answer may take (the model's timeout). */
  timeoutMs: number;
  /** No database; never throws. `record` stores token use in the caller's next transaction. */
  finish(): Promise<{ message: OutboundMessage | undefined; record(tx: Prisma.TransactionClient): Promise<void> }>;
}

/**
 * Answers free text outside any flow. The text has already been triaged:
 * level ≥ 3 never gets here. Return undefined (or throw) to let the
 * rule-based answerer answer instead; the engine adds the menu as choices.
 */
export interface FreeTextAnswerer {
  answer(tx: Prisma.TransactionClient, request: FreeTextRequest): Promise<OutboundMessage | undefined>;
  /** Reads what the answer needs with `tx` and leaves the slow part for after the commit; undefined: nothing to ask. */
  start?(tx: Prisma.TransactionClient, request: FreeTextRequest): Promise<PendingAnswer | undefined>;
}

export interface ConversationDeps {
  escalation: EscalationContext;
  clock: Clock;
  /** The model-backed answerer, when a model is configured. */
  freeText?: FreeTextAnswerer;
}

/** What the person sent: a choice value (tapped, or a number typed) or text. */
export type Input = { kind: 'choice'; value: string } | { kind: 'text'; text: string };

/** Everything a flow step needs for one turn. */
export interface FlowContext {
  tx: Prisma.TransactionClient;
  turn: Turn;
  deps: ConversationDeps;
  profile: Profile;
  /** The person's current locale (from their profile, so a switch applies at once). */
  locale: Locale;
  /** The turn's sender, with the current locale. */
  sender: Sender;
  now: Date;
}

/** A step's outcome: what to send, and the step to wait in (none ends the flow). */
export interface Reply {
  messages: OutboundMessage[];
  next?: FlowState;
}
