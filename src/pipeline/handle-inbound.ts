import type { ChannelAdapter } from '../channels/channel.js';
import type { Clock } from '../core/clock.js';
import { NON_TEXT_KINDS, type ChannelName, type Choice, type InboundMessage, type OutboundMessage } from '../core/messages.js';
import type { Database } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { DEFAULT_LOCALE, t } from '../i18n/index.js';
import type { ClaimedEvent } from '../inbox/inbound-event.js';
import type { Logger } from '../log/logger.js';
import { enqueueOutbound, PRIORITY } from '../outbox/enqueue.js';
import { fitChoices } from './fit-choices.js';
import { isStart, isStop } from './keywords.js';
import { linkAccount } from './link-account.js';
import { choiceForNumber, OFFERED_CHOICES_KEY } from './numbered-choices.js';
import { ownerKey, type Sender } from './person.js';
import type { DeferredReply, Responder } from './responder.js';
import { resolveSender } from './resolve-sender.js';
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

const MESSAGE_KIND = {
  text: 'TEXT',
  choice: 'CHOICE',
  sticker: 'STICKER',
  image: 'IMAGE',
  voice: 'VOICE',
  video: 'VIDEO',
  file: 'FILE',
  location: 'LOCATION',
  other: 'OTHER',
} as const;

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

/** lastSeenAt is for "when did we last hear from them" on the console: minute precision is plenty. */
const SEEN_PRECISION_MS = 10 * 60_000;

/** Writing lastSeenAt on every message would cost a write per message for no reader's benefit. */
function needsSeenUpdate(sender: Sender, now: Date): boolean {
  if (sender.reachable !== true || !sender.lastSeenAt) return true;
  return now.getTime() - sender.lastSeenAt.getTime() >= SEEN_PRECISION_MS;
}

/**
 * Handles one stored inbound event: link or recognise the sender, honour
 * STOP/START, ask for text instead of media, otherwise store the message and
 * let the responder answer. Everything it writes, including the replies to
 * send and the event's PROCESSED mark, commits in one transaction, so an
 * event processed again after a crash changes nothing twice. Slow model
 * calls come after the commit: the free-chat answer (replacing its queued
 * stand-in) and the risk second opinion, side by side so neither waits for
 * the other.
 */
export function createInboundHandler(options: PipelineOptions) {
  const strangers = new StrangerReplies();

  return async function handleInbound(event: ClaimedEvent): Promise<void> {
    const { message } = event;
    const now = options.clock.now();
    let strangerReply: string | undefined;
    let triaged: SecondOpinionInput | undefined;
    let deferred: HeldReply | undefined;
    try {
      ({ triaged, deferred } = await process(event, now, (text) => (strangerReply = text)));
    } catch (error) {
      // Whatever failed, a worrying message still gets its safe reply now;
      // the inbox retries the rest (storage, escalation) with backoff.
      await emergencyFallback(options, event, error);
      throw error;
    }
    options.onOutboxChanged();
    if (strangerReply) await sendToStranger(options, message, strangerReply);
    await Promise.all([deferred && finishHeldReply(options, deferred), triaged && secondOpinion(event, triaged)]);
  };

  async function secondOpinion(event: ClaimedEvent, triaged: SecondOpinionInput): Promise<void> {
    if (!options.riskModel) return;
    const raised = await modelSecondOpinion({ ...options, assessor: options.riskModel }, triaged).catch((error: unknown) => {
      options.log.error({ err: error, eventId: event.id }, 'could not apply the model risk assessment');
      return false;
    });
    if (raised) options.onOutboxChanged();
  }

  async function process(
    event: ClaimedEvent,
    now: Date,
    answerStranger: (text: string) => void,
  ): Promise<{ triaged?: SecondOpinionInput | undefined; deferred?: HeldReply | undefined }> {
    const { message } = event;
    let triaged: SecondOpinionInput | undefined;
    let deferred: HeldReply | undefined;
    await options.db.prisma.$transaction(
      async (tx) => {
        const sender = await resolveSender(tx, message.channel, message.externalUserId);
        if (!sender) {
          const outcome = await linkAccount(tx, message, now);
          if (outcome.kind === 'linked') {
            await enqueueReplies(tx, outcome.sender, message, [{ message: { text: outcome.notice }, priority: PRIORITY.reply }], now);
          } else if (outcome.reply !== 'link.unknownSender' || strangers.shouldReply(message.channel, message.externalUserId, now)) {
            answerStranger(t(DEFAULT_LOCALE, outcome.reply));
          }
          // Keep nothing about a stranger beyond the event id.
          await tx.inboundEvent.update({
            where: { id: event.id },
            data: { status: outcome.kind === 'linked' ? 'PROCESSED' : 'IGNORED', processedAt: now, payload: { redacted: true } },
          });
          return;
        }
        let later: DeferredReply | undefined;
        const replies = await handleLinked(tx, sender, message, now, event.id, {
          onTriaged: (t) => (triaged = t),
          defer: (answer) => (later = answer),
        });
        deferred = later && holdBack(replies, later, event.id);
        await enqueueReplies(tx, sender, message, replies, now);
        await tx.inboundEvent.update({ where: { id: event.id }, data: { status: 'PROCESSED', processedAt: now } });
      },
      { timeout: 20_000, maxWait: 20_000 },
    );
    return { triaged, deferred };
  }

  async function handleLinked(
    tx: Prisma.TransactionClient,
    sender: Sender,
    message: InboundMessage,
    now: Date,
    eventId: string,
    hooks: { onTriaged: (input: SecondOpinionInput) => void; defer: (answer: DeferredReply) => void },
  ): Promise<Reply[]> {
    const { locale } = sender.person;
    if (needsSeenUpdate(sender, now)) {
      await tx.channelIdentity.update({ where: { id: sender.identityId }, data: { lastSeenAt: now, reachable: true } });
    }
    if (message.kind === 'follow') return [];
    if (message.kind === 'unfollow') {
      await tx.channelIdentity.update({ where: { id: sender.identityId }, data: { reachable: false } });
      return [];
    }
    const stored = await tx.message.create({
      data: {
        direction: 'INBOUND',
        channel: message.channel,
        channelMessageId: message.eventKey,
        identityId: sender.identityId,
        participantId: sender.person.kind === 'participant' ? sender.person.id : null,
        familyMemberId: sender.person.kind === 'family' ? sender.person.id : null,
        kind: MESSAGE_KIND[message.kind],
        // Media are recorded as received, never stored.
        text: message.kind === 'text' ? (message.text ?? '') : message.kind === 'choice' ? (message.choice ?? '') : null,
        createdAt: now,
      },
    });
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
      const outcome = await triage(tx, { ...options.escalation, clock: options.clock }, { sender, text, messageId: stored.id });
      risk = outcome.risk;
      hooks.onTriaged({ eventId, sender, text, messageId: stored.id, rules: outcome.risk });
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
      messageId: stored.id,
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

  async function enqueueReplies(
    tx: Prisma.TransactionClient,
    sender: Sender,
    message: InboundMessage,
    replies: Reply[],
    now: Date,
  ): Promise<void> {
    if (replies.length === 0) return;
    const capabilities = options.channels.get(sender.channel)?.capabilities;
    for (const reply of replies) reply.message = fitChoices(reply.message, capabilities?.maxChoices);
    await enqueueOutbound(
      tx,
      replies.map((reply, index) => ({
        identityId: sender.identityId,
        channel: sender.channel,
        message: reply.message,
        priority: reply.priority,
        isReply: true,
        ...(reply.dedupeKey ? { dedupeKey: reply.dedupeKey } : {}),
        // Only the first reply may use a one-time reply token.
        ...(index === 0 && message.replyToken ? { replyToken: message.replyToken } : {}),
        notBefore: new Date(now.getTime() + index + (reply.holdMs ?? 0)),
      })),
      now,
    );
    const lastChoices = replies.findLast((r) => r.message.choices?.length)?.message.choices;
    if (lastChoices && capabilities?.choices === 'numbered') {
      await rememberOfferedChoices(tx, sender, lastChoices);
    }
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
