import type { ChannelAdapter } from '../channels/channel.js';
import type { Clock } from '../core/clock.js';
import { NON_TEXT_KINDS, type ChannelName, type Choice, type InboundMessage, type OutboundMessage } from '../core/messages.js';
import type { Database } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DEFAULT_LOCALE, t } from '../i18n/index.js';
import type { ClaimedEvent } from '../inbox/inbound-event.js';
import type { Logger } from '../log/logger.js';
import { PRIORITY, type OutboundItem } from '../outbox/enqueue.js';
import { enqueueOutboundBulk } from '../outbox/enqueue-bulk.js';
import type { BatchOutcome, InboundBatchHandler } from '../inbox/inbox.js';
import { markEventsHandled, markSeen, storeInboundMessages, type HandledEvent } from './batch-writes.js';
import { fitChoices } from './fit-choices.js';
import { isStart, isStop } from './keywords.js';
import { linkAccount } from './link-account.js';
import { choiceForNumber, OFFERED_CHOICES_KEY } from './numbered-choices.js';
import { ownerKey, type Sender } from './person.js';
import type { DeferredReply, Responder } from './responder.js';
import { resolveSenders, senderKey } from './resolve-sender.js';
import { StrangerReplies } from './stranger-replies.js';
import type { EscalationContext } from '../escalation/open-or-raise.js';
import { handleStaffMessage } from './staff-commands.js';
import { CONTACT_CASEWORKER, DECLINE_CONTACT } from '../triage/safe-reply.js';
import { triage } from '../triage/triage.js';
import { emergencyFallback } from './emergency-fallback.js';
import type { RiskResult } from '../risk/index.js';
import { modelSecondOpinion, type ModelAssessor, type SecondOpinionInput } from '../triage/model-second-opinion.js';

export interface PipelineOptions {
  db: Database;
  channels: ReadonlyMap<ChannelName, ChannelAdapter>;
  responder: Responder;
  log: Logger;
  clock: Clock;
  /** Called after replies were stored, to send them without waiting for a poll. */
  onOutboxChanged: () => void;
  escalation: EscalationContext;
  /** An optional model that may raise a message's risk level after its safe reply is queued. */
  riskModel?: ModelAssessor;
}

type Reply = { message: OutboundMessage; priority: number; dedupeKey?: string; holdMs?: number };

/** A queued stand-in reply, held back while its final text is fetched after the commit. */
interface HeldReply {
  dedupeKey: string;
  answer: DeferredReply;
}

/** Marks the stand-in among the replies: held back, and findable by its dedupe key. */
function holdBack(replies: Reply[], answer: DeferredReply, eventId: string): HeldReply | undefined {
  const reply = replies.find((r) => r.message === answer.standIn);
  if (!reply) return undefined;
  reply.dedupeKey = `reply:${eventId}:held`;
  reply.holdMs = answer.holdMs;
  return { dedupeKey: reply.dedupeKey, answer };
}

/** Someone followed or left the bot: nothing to store or answer. */
const PRESENCE_KINDS: ReadonlySet<InboundMessage['kind']> = new Set(['follow', 'unfollow']);

/** lastSeenAt is for "when did we last hear from them" on the console: minute precision is plenty. */
const SEEN_PRECISION_MS = 10 * 60_000;

/** Writing lastSeenAt on every message would cost a write per message for no reader's benefit. */
function needsSeenUpdate(sender: Sender, now: Date): boolean {
  if (sender.reachable !== true || !sender.lastSeenAt) return true;
  return now.getTime() - sender.lastSeenAt.getTime() >= SEEN_PRECISION_MS;
}

/** What handling one event decided: what to write with the batch, and what to do once it commits. */
interface EventResult extends HandledEvent {
  event: ClaimedEvent;
  replies: OutboundItem[];
  /** The chat account was heard from (lastSeenAt and reachable to update). */
  seenIdentityId?: string;
  strangerReply?: string;
  triaged?: SecondOpinionInput;
  deferred?: HeldReply;
}

/**
 * Handles stored inbound events, a batch of different chats at a time: link
 * or recognise the sender, honour STOP/START, ask for text instead of media,
 * otherwise store the message and let the responder answer. A batch commits
 * in one transaction, and the writes every message makes (the message, its
 * replies, the event's PROCESSED mark) are one statement each for the whole
 * batch, so an event processed again after a crash changes nothing twice.
 * If a batch fails, its events are handled one by one, so one bad event
 * holds up no other. Slow model calls come after the commit: the free-chat
 * answer (replacing its queued stand-in) and the risk second opinion, side
 * by side so neither waits for the other.
 */
export function createInboundHandler(options: PipelineOptions): InboundBatchHandler {
  const strangers = new StrangerReplies();

  return async function handleBatch(take: () => readonly ClaimedEvent[]): Promise<BatchOutcome> {
    let events: readonly ClaimedEvent[] = [];
    try {
      const results = await processTogether(() => (events = take()));
      return { failures: new Map(), followUps: afterCommit(results) };
    } catch (error) {
      if (events.length > 1) {
        options.log.warn({ err: error, count: events.length }, 'a batch of inbound events failed; handling them one by one');
        return handleOneByOne(events);
      }
      const [event] = events;
      if (!event) throw error;
      // Whatever failed, a worrying message still gets its safe reply now;
      // the inbox retries the rest (storage, escalation) with backoff.
      await emergencyFallback(options, event, error);
      return { failures: new Map([[event.id, error]]), followUps: new Map() };
    }
  };

  async function handleOneByOne(events: readonly ClaimedEvent[]): Promise<BatchOutcome> {
    const failures = new Map<string, unknown>();
    const followUps = new Map<string, Promise<void>>();
    for (const event of events) {
      try {
        for (const [id, work] of afterCommit(await processTogether(() => [event]))) followUps.set(id, work);
      } catch (error) {
        await emergencyFallback(options, event, error);
        failures.set(event.id, error);
      }
    }
    return { failures, followUps };
  }

  function afterCommit(results: readonly EventResult[]): Map<string, Promise<void>> {
    options.onOutboxChanged();
    const followUps = new Map<string, Promise<void>>();
    for (const result of results) {
      const { event, strangerReply, deferred, triaged } = result;
      if (!strangerReply && !deferred && !(triaged && options.riskModel)) continue;
      followUps.set(
        event.id,
        (async () => {
          if (strangerReply) await sendToStranger(options, event.message, strangerReply);
          await Promise.all([deferred && finishHeldReply(options, deferred), triaged && secondOpinion(event, triaged)]);
        })(),
      );
    }
    return followUps;
  }

  async function secondOpinion(event: ClaimedEvent, triaged: SecondOpinionInput): Promise<void> {
    if (!options.riskModel) return;
    const raised = await modelSecondOpinion({ ...options, assessor: options.riskModel }, triaged).catch((error: unknown) => {
      options.log.error({ err: error, eventId: event.id }, 'could not apply the model risk assessment');
      return false;
    });
    if (raised) options.onOutboxChanged();
  }

  /** Takes the events once the transaction is open, so all that arrived meanwhile join. */
  async function processTogether(take: () => readonly ClaimedEvent[]): Promise<EventResult[]> {
    return options.db.prisma.$transaction(
      async (tx) => {
        const events = take();
        if (events.length === 0) return [];
        const now = options.clock.now();
        const senders = await resolveSenders(tx, events.map((e) => e.message));
        const senderOf = (event: ClaimedEvent) => senders.get(senderKey(event.message.channel, event.message.externalUserId));
        const toStore = events.flatMap((event) => {
          const sender = senderOf(event);
          return sender && !PRESENCE_KINDS.has(event.message.kind) ? [{ eventId: event.id, message: event.message, sender }] : [];
        });
        const messageIds = await storeInboundMessages(tx, toStore, now);
        await options.responder.prepare?.(tx, toStore.map((item) => item.sender), now);

        const results: EventResult[] = [];
        for (const event of events) {
          const sender = senderOf(event);
          results.push(sender ? await processLinked(tx, event, sender, messageIds.get(event.id), now) : await processStranger(tx, event, now));
        }
        await enqueueOutboundBulk(tx, results.flatMap((r) => r.replies), now);
        await markSeen(tx, results.flatMap((r) => (r.seenIdentityId ? [r.seenIdentityId] : [])), now);
        await markEventsHandled(tx, results, now);
        return results;
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
  }

  async function processStranger(tx: Prisma.TransactionClient, event: ClaimedEvent, now: Date): Promise<EventResult> {
    const { message } = event;
    const outcome = await linkAccount(tx, message, now);
    if (outcome.kind === 'linked') {
      const replies = await outboxItems(tx, outcome.sender, message, [{ message: { text: outcome.notice }, priority: PRIORITY.reply }], now);
      return { event, id: event.id, status: 'PROCESSED', redact: true, replies };
    }
    const answer = outcome.reply !== 'link.unknownSender' || strangers.shouldReply(message.channel, message.externalUserId, now);
    // Keep nothing about a stranger beyond the event id.
    return { event, id: event.id, status: 'IGNORED', redact: true, replies: [], ...(answer ? { strangerReply: t(DEFAULT_LOCALE, outcome.reply) } : {}) };
  }

  async function processLinked(
    tx: Prisma.TransactionClient,
    event: ClaimedEvent,
    sender: Sender,
    messageId: string | undefined,
    now: Date,
  ): Promise<EventResult> {
    const result: EventResult = { event, id: event.id, status: 'PROCESSED', redact: false, replies: [] };
    const { message } = event;
    if (message.kind === 'unfollow') {
      await tx.channelIdentity.update({ where: { id: sender.identityId }, data: { lastSeenAt: now, reachable: false } });
      return result;
    }
    if (needsSeenUpdate(sender, now)) result.seenIdentityId = sender.identityId;
    if (message.kind === 'follow' || !messageId) return result;
    let later: DeferredReply | undefined;
    const replies = await handleLinked(tx, sender, message, now, messageId, event.id, {
      onTriaged: (input) => (result.triaged = input),
      defer: (answer) => (later = answer),
    });
    const deferred = later && holdBack(replies, later, event.id);
    if (deferred) result.deferred = deferred;
    result.replies = await outboxItems(tx, sender, message, replies, now);
    return result;
  }

  async function handleLinked(
    tx: Prisma.TransactionClient,
    sender: Sender,
    message: InboundMessage,
    now: Date,
    messageId: string,
    eventId: string,
    hooks: { onTriaged: (input: SecondOpinionInput) => void; defer: (answer: DeferredReply) => void },
  ): Promise<Reply[]> {
    const { locale } = sender.person;
    if (NON_TEXT_KINDS.has(message.kind)) return [{ message: { text: t(locale, 'input.textOnly') }, priority: PRIORITY.reply }];

    const text = message.kind === 'text' ? (message.text ?? '') : undefined;
    const choice = message.kind === 'choice' ? message.choice : await numberedChoice(tx, sender, text ?? '');
    if (sender.person.kind === 'staff') {
      const replies = await handleStaffMessage(tx, sender, { text, choice }, now);
      return replies.map((m) => ({ message: m, priority: PRIORITY.reply }));
    }
    if (text !== undefined && isStop(text)) return stop(tx, sender, now);
    if (text !== undefined && isStart(text)) {
      await tx.channelIdentity.update({ where: { id: sender.identityId }, data: { optedOutAt: null } });
      return [{ message: { text: t(locale, 'consent.started') }, priority: PRIORITY.reply }];
    }
    if (choice === CONTACT_CASEWORKER || choice === DECLINE_CONTACT) return answerContactOffer(tx, sender, choice, now);

    const replies: Reply[] = [];
    let risk: RiskResult | undefined;
    if (text !== undefined && !choice) {
      // Triage comes first, before any flow or model sees the message.
      const outcome = await triage(tx, { ...options.escalation, clock: options.clock }, { sender, text, messageId });
      risk = outcome.risk;
      hooks.onTriaged({ eventId, sender, text, messageId, rules: outcome.risk });
      if (outcome.safeReply) {
        replies.push({
          message: outcome.safeReply,
          priority: outcome.risk.level >= 3 ? PRIORITY.crisis : PRIORITY.reply,
          dedupeKey: `safe:${eventId}`,
        });
      }
      if (outcome.takesOver) {
        // A half-finished flow must not swallow the next message as an answer.
        await tx.conversationState.updateMany({ where: { ownerKey: ownerKey(sender.person) }, data: { flow: null, step: null } });
        return replies;
      }
    }
    const turn = {
      sender,
      messageId,
      now,
      ...(choice ? { choice } : { text: text ?? '' }),
      ...(risk ? { risk } : {}),
      defer: hooks.defer,
    };
    const messages = await options.responder.respond(tx, turn);
    return [...replies, ...messages.map((m) => ({ message: m, priority: PRIORITY.reply }))];
  }

  async function answerContactOffer(tx: Prisma.TransactionClient, sender: Sender, choice: string, now: Date): Promise<Reply[]> {
    const { locale, participantId } = sender.person;
    if (choice === DECLINE_CONTACT || !participantId) {
      return [{ message: { text: t(locale, 'crisis.okay') }, priority: PRIORITY.reply }];
    }
    const participant = await tx.participant.findUnique({ where: { id: participantId } });
    await tx.caseworkerTask.create({
      data: {
        kind: 'MESSAGE',
        participantId,
        staffUserId: participant?.caseworkerId ?? null,
        body: sender.person.kind === 'family' ? 'A family member asks to be contacted' : 'Asks to be contacted',
        createdAt: now,
      },
    });
    return [{ message: { text: t(locale, 'crisis.caseworkerWillCall') }, priority: PRIORITY.reply }];
  }

  async function stop(tx: Prisma.TransactionClient, sender: Sender, now: Date): Promise<Reply[]> {
    await tx.channelIdentity.update({ where: { id: sender.identityId }, data: { optedOutAt: now } });
    if (sender.person.participantId) {
      const participant = await tx.participant.findUnique({ where: { id: sender.person.participantId } });
      await tx.caseworkerTask.create({
        data: {
          kind: 'OPTED_OUT',
          participantId: sender.person.participantId,
          staffUserId: participant?.caseworkerId ?? null,
          body: `${sender.person.kind === 'family' ? 'A family member' : 'The participant'} sent STOP on ${sender.channel}`,
          createdAt: now,
        },
      });
    }
    return [{ message: { text: t(sender.person.locale, 'consent.stopped') }, priority: PRIORITY.reply }];
  }

  async function numberedChoice(tx: Prisma.TransactionClient, sender: Sender, text: string): Promise<string | undefined> {
    const adapter = options.channels.get(sender.channel);
    if (adapter?.capabilities.choices !== 'numbered') return undefined;
    const state = await tx.conversationState.findUnique({ where: { ownerKey: ownerKey(sender.person) } });
    const data = (state?.data ?? {}) as Record<string, unknown>;
    return choiceForNumber(text, data[OFFERED_CHOICES_KEY] as Choice[] | undefined)?.value;
  }

  /** The replies as outbox rows, in order; a numbered channel also remembers the choices it offered. */
  async function outboxItems(
    tx: Prisma.TransactionClient,
    sender: Sender,
    message: InboundMessage,
    replies: Reply[],
    now: Date,
  ): Promise<OutboundItem[]> {
    if (replies.length === 0) return [];
    const capabilities = options.channels.get(sender.channel)?.capabilities;
    for (const reply of replies) reply.message = fitChoices(reply.message, capabilities?.maxChoices);
    const lastChoices = replies.findLast((r) => r.message.choices?.length)?.message.choices;
    if (lastChoices && capabilities?.choices === 'numbered') {
      await rememberOfferedChoices(tx, sender, lastChoices);
    }
    return replies.map((reply, index) => ({
      identityId: sender.identityId,
      channel: sender.channel,
      message: reply.message,
      priority: reply.priority,
      isReply: true,
      ...(reply.dedupeKey ? { dedupeKey: reply.dedupeKey } : {}),
      // Only the first reply may use a one-time reply token.
      ...(index === 0 && message.replyToken ? { replyToken: message.replyToken } : {}),
      notBefore: new Date(now.getTime() + index + (reply.holdMs ?? 0)),
    }));
  }
}

async function rememberOfferedChoices(tx: Prisma.TransactionClient, sender: Sender, choices: Choice[]): Promise<void> {
  const key = ownerKey(sender.person);
  const state = await tx.conversationState.findUnique({ where: { ownerKey: key } });
  const data: Prisma.InputJsonObject = {
    ...((state?.data ?? {}) as Prisma.InputJsonObject),
    [OFFERED_CHOICES_KEY]: choices.map((c) => ({ label: c.label, value: c.value })),
  };
  await tx.conversationState.upsert({ where: { ownerKey: key }, create: { ownerKey: key, data }, update: { data } });
}

/** Strangers get their one short answer directly: no outbox row would keep their id. */
async function sendToStranger(options: PipelineOptions, message: InboundMessage, text: string): Promise<void> {
  const adapter = options.channels.get(message.channel);
  if (!adapter) return;
  try {
    await adapter.send(
      {
        chatId: message.chatId,
        externalUserId: message.externalUserId,
        idempotencyKey: `stranger:${message.channel}:${message.eventKey}`,
        direct: true,
        ...(message.replyToken ? { replyToken: message.replyToken } : {}),
      },
      { text },
    );
  } catch (error) {
    options.log.warn({ err: error, channel: message.channel }, 'could not answer an unlinked sender');
  }
}

/**
 * Fetches a held reply's final text (the model's) with no transaction open,
 * puts it in the queued stand-in and releases it. Without a text the
 * stand-in goes as it is; after a crash it goes when its hold ends.
 */
async function finishHeldReply(options: PipelineOptions, held: HeldReply): Promise<void> {
  let finished: Awaited<ReturnType<DeferredReply['finish']>> | undefined;
  try {
    finished = await held.answer.finish();
  } catch (error) {
    options.log.error({ err: error }, 'a held reply could not be finished; the stand-in goes out');
  }
  const text = finished?.text ?? null;
  try {
    await options.db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE "OutboxMessage"
        SET payload = CASE WHEN ${text}::text IS NULL THEN payload ELSE jsonb_set(payload, '{text}', to_jsonb(${text}::text)) END,
            "nextAttemptAt" = ${options.clock.now()}
        WHERE "dedupeKey" = ${held.dedupeKey} AND status = 'PENDING'`;
      await finished?.record(tx);
    });
    options.onOutboxChanged();
  } catch (error) {
    options.log.error({ err: error }, 'could not release a held reply; it goes out when its hold ends');
  }
}
