import { expect } from 'vitest';
import type { RiskResult } from '../../../src/risk/index.js';
import type { Clock } from '../../../src/core/clock.js';
import type { OutboundMessage } from '../../../src/core/messages.js';
import { MAX_CHOICES } from '../../../src/conversation/choices.js';
import { createConversationEngine } from '../../../src/conversation/index.js';
import type { FreeTextAnswerer } from '../../../src/conversation/index.js';
import { DEFAULT_ACK_POLICY } from '../../../src/escalation/policy.js';
import type { Prisma } from '../../../src/generated/prisma/client.js';
import type { Sender } from '../../../src/pipeline/person.js';
import type { Responder } from '../../../src/pipeline/responder.js';
import { resolveSender } from '../../../src/pipeline/resolve-sender.js';
import { triage } from '../../../src/triage/triage.js';
import type { TestDatabase } from '../../support/database.js';

export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export const ESCALATION = { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined };

export function engineFor(clock: Clock, freeText?: FreeTextAnswerer): Responder {
  return createConversationEngine({ escalation: ESCALATION, clock, ...(freeText ? { freeText } : {}) });
}

let identityCounter = 0;

/** Links a web chat account to a person and returns the pipeline's view of them. */
export async function linkSender(
  db: TestDatabase,
  owner: { participantId: string } | { familyMemberId: string } | { staffUserId: string },
): Promise<Sender> {
  const externalId = `conv-${process.pid}-${++identityCounter}-${Date.now()}`;
  await db.prisma.channelIdentity.create({ data: { channel: 'WEB', externalId, chatId: externalId, ...owner } });
  const sender = await resolveSender(db.prisma, 'WEB', externalId);
  if (!sender) throw new Error('could not resolve the linked sender');
  return sender;
}

function checkChoices(replies: OutboundMessage[]): void {
  for (const reply of replies) {
    expect(reply.text.trim(), 'every reply has text').not.toBe('');
    const choices = reply.choices ?? [];
    expect(choices.length, reply.text).toBeLessThanOrEqual(MAX_CHOICES);
    expect(new Set(choices.map((c) => c.value)).size, 'no repeated choice values').toBe(choices.length);
    for (const choice of choices) {
      expect(Buffer.byteLength(choice.value, 'utf8'), choice.value).toBeLessThan(64);
      expect(choice.label.trim(), choice.value).not.toBe('');
      expect(choice.label).not.toMatch(/\{\w+\}/);
    }
    expect(reply.text, 'no unfilled placeholder').not.toMatch(/\{\w+\}/);
  }
}

/**
 * A person talking to the engine directly, without any channel: each turn
 * stores the inbound Message (as the pipeline does) and calls
 * engine.respond inside one transaction.
 */
export class Chat {
  readonly transcript: OutboundMessage[][] = [];

  constructor(
    private readonly db: () => TestDatabase,
    private readonly engine: Responder,
    readonly sender: Sender,
    private readonly clock: TestClock,
  ) {}

  say(text: string, options: { triageFirst?: boolean } = {}): Promise<OutboundMessage[]> {
    return this.turn({ text }, options.triageFirst ?? false);
  }

  tap(choice: string): Promise<OutboundMessage[]> {
    return this.turn({ choice }, false);
  }

  /** The value of a choice in the last reply whose label matches. */
  choice(label: RegExp): string {
    const found = this.lastReply().choices?.find((c) => label.test(c.label));
    if (!found) throw new Error(`no choice ${label} in: ${JSON.stringify(this.lastReply())}`);
    return found.value;
  }

  lastReply(): OutboundMessage {
    const last = this.transcript.at(-1)?.at(-1);
    if (!last) throw new Error('no reply yet');
    return last;
  }

  lastText(): string {
    return (this.transcript.at(-1) ?? []).map((m) => m.text).join('\n---\n');
  }

  private async turn(input: { text: string } | { choice: string }, triageFirst: boolean): Promise<OutboundMessage[]> {
    const { person } = this.sender;
    // A second passes between turns, so "latest" is always well defined.
    this.clock.advance(1000);
    const now = this.clock.now();
    const replies = await this.db().prisma.$transaction(
      async (tx: Prisma.TransactionClient) => {
        const stored = await tx.message.create({
          data: {
            direction: 'INBOUND',
            channel: this.sender.channel,
            identityId: this.sender.identityId,
            participantId: person.participantId,
            familyMemberId: person.kind === 'family' ? person.id : null,
            kind: 'choice' in input ? 'CHOICE' : 'TEXT',
            text: 'choice' in input ? input.choice : input.text,
            createdAt: now,
          },
        });
        const out: OutboundMessage[] = [];
        let risk: RiskResult | undefined;
        if (triageFirst && 'text' in input) {
          // What the pipeline does before the engine sees free text.
          const outcome = await triage(tx, { ...ESCALATION, clock: this.clock }, { sender: this.sender, text: input.text, messageId: stored.id });
          risk = outcome.risk;
          if (outcome.safeReply) out.push(outcome.safeReply);
          if (outcome.takesOver) return out;
        }
        out.push(...(await this.engine.respond(tx, { sender: this.sender, messageId: stored.id, now, ...input, ...(risk ? { risk } : {}) })));
        return out;
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
    checkChoices(replies);
    this.transcript.push(replies);
    return replies;
  }
}
