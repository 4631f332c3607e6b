import { hotlinesFor } from '../content/hotlines.js';
import { systemClock, type Clock } from '../core/clock.js';
import type { OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Locale } from '../i18n/locales.js';
import type { Logger } from '../log/logger.js';
import type { Person } from '../pipeline/person.js';
import type { ChatRequest, ChatTurn, ModelClient } from './client.js';
import { ModelBadOutputError, ModelError } from './errors.js';
import { checkModelReply, type GuardViolation } from './output-guard.js';
import { renderPrompt, type Prompts } from './prompts.js';
import { PLACEHOLDERS, pseudonymise } from './pseudonymise.js';
import { recordLlmUsage, type UsageRecord } from './usage.js';

/**
 * One earlier message: the conversation module's HistoryEntry (`from`), or a
 * Message row (`direction`).
 */
export type HistoryMessage =
  | { from: 'person' | 'bot'; text: string; at?: Date }
  | { direction: 'INBOUND' | 'OUTBOUND'; text: string | null };

const fromPerson = (m: HistoryMessage): boolean => ('from' in m ? m.from === 'person' : m.direction === 'INBOUND');

export interface FreeTextInput {
  person: Person;
  /** What the person just wrote (already triaged below level 3 by the caller). */
  text: string;
  /**
   * Earlier messages, oldest first, without the current one. Omitted: the
   * answerer loads the last few itself with `tx` (and leaves out the newest
   * when it is the current text, stored before answering).
   */
  history?: readonly HistoryMessage[];
}

/**
 * Answers free text outside any flow. undefined means "no answer": the
 * caller falls back to the rule-based answerer. The conversation module
 * declares the same shape; structural typing matches the two.
 */
export interface FreeTextAnswerer {
  answer(tx: Prisma.TransactionClient, input: FreeTextInput): Promise<OutboundMessage | undefined>;
  /** `prepare` in the caller's transaction; `finish` (the model call) after it commits. */
  start(tx: Prisma.TransactionClient, input: FreeTextInput): Promise<StartedFreeText | undefined>;
}

export interface StartedFreeText {
  /** The model call's deadline. */
  timeoutMs: number;
  /** The model call and the guard; no database, never throws. `record` stores the token use. */
  finish(): Promise<{ message: OutboundMessage | undefined; record(tx: Prisma.TransactionClient): Promise<void> }>;
}

export interface FreeTextAnswererDeps {
  log: Logger;
  clock?: Clock;
  /** Deadline of the model call; default the client's (OPENAI_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Earlier messages sent as context. Default 6. */
  historyLimit?: number;
  /** Longer replies are cut at a sentence end. Default 500 characters. */
  maxReplyChars?: number;
}

const LANGUAGE: Record<Locale, string> = {
  'zh-CN': '简体中文 (Simplified Chinese)',
  'zh-TW': '繁體中文 (Traditional Chinese)',
  en: 'English',
};

const STATION_HOTLINE_LABEL: Record<Locale, string> = { 'zh-CN': '指导站热线', 'zh-TW': '指導站熱線', en: 'Station hotline' };
const NO_HOTLINES: Record<Locale, string> = {
  'zh-CN': '（没有配置热线：请让对方点菜单里的“求助热线”）',
  'zh-TW': '（沒有設定熱線：請對方點選單裡的「求助熱線」）',
  en: '(no hotlines configured: tell them to tap "Hotlines" in the menu)',
};

const MAX_HISTORY_CHARS = 400;
const MAX_INPUT_CHARS = 2000;
const MAX_HOTLINES = 8;

export type DropReason = 'empty' | 'placeholder' | GuardViolation;

/** Phase 1's result: everything the model call needs, already pseudonymised. Holds no database handle. */
export interface PreparedFreeText {
  request: ChatRequest;
  /** Numbers the reply may contain: the station's hotlines and emergency number. */
  allowedNumbers: string[];
}

/** What phase 2 produced: the reply (undefined: fall back) and the tokens to record, if the server answered. */
export interface CompletedFreeText {
  message: OutboundMessage | undefined;
  usage: UsageRecord | undefined;
}

/**
 * The model answerer. `answer` does everything inside the caller's
 * transaction. `start` (and, below it, `prepare` and `complete`) split it
 * for a caller that must not hold a transaction open during the model call
 * (with PGlite's single connection, every other message waits while it is
 * open): prepare in one transaction, complete with no transaction, then
 * store the reply and the token use in the next.
 */
export interface ModelFreeTextAnswerer extends FreeTextAnswerer {
  /** Reads context with `tx` and builds the request; undefined when there is nothing to ask (staff, empty text). */
  prepare(tx: Prisma.TransactionClient, input: FreeTextInput): Promise<PreparedFreeText | undefined>;
  /** The model call and the output guard; no database. Never throws. */
  complete(prepared: PreparedFreeText): Promise<CompletedFreeText>;
}

/**
 * Free chat through the model. Within the caller's transaction it reads the
 * person's recent messages, the names to hide and the station's reviewed
 * hotlines, sends a pseudonymised conversation with the audience's prompt,
 * records token use (LlmUsage, through `tx` only), and checks the reply with
 * the output guard.
 *
 * Returns undefined on any model failure (timeout, error, empty or malformed
 * answer) and when the guard drops the reply. Database errors propagate: in
 * PostgreSQL a failed statement has aborted the transaction anyway. Staff
 * are never answered by the model.
 */
export function createModelFreeTextAnswerer(client: ModelClient, prompts: Prompts, deps: FreeTextAnswererDeps): ModelFreeTextAnswerer {
  const clock = deps.clock ?? systemClock;
  const historyLimit = deps.historyLimit ?? 6;
  const maxReplyChars = deps.maxReplyChars ?? 500;
  const log = deps.log.child({ component: 'llm', purpose: 'free-chat' });

  async function prepare(tx: Prisma.TransactionClient, input: FreeTextInput): Promise<PreparedFreeText | undefined> {
    const { person } = input;
    if (person.kind === 'staff' || input.text.trim() === '') return undefined;
    const prompt = person.kind === 'family' ? prompts.freeChatFamily : prompts.freeChatParticipant;
    const context = await loadContext(tx, person);
    const history = input.history ?? withoutCurrent(await loadHistory(tx, person, historyLimit + 1), input.text);
    const system = renderPrompt(prompt, {
      language: LANGUAGE[person.locale],
      hotlines: context.hotlineLines.length > 0 ? context.hotlineLines.join('\n') : NO_HOTLINES[person.locale],
      emergency: context.emergency,
    });
    return {
      request: {
        system,
        messages: buildMessages(history.slice(-historyLimit), input.text, context.names),
        timeoutMs: deps.timeoutMs ?? client.timeoutMs,
        purpose: 'free-chat',
        promptVersion: prompt.version,
      },
      allowedNumbers: context.allowedNumbers,
    };
  }

  async function complete(prepared: PreparedFreeText): Promise<CompletedFreeText> {
    const promptVersion = prepared.request.promptVersion;
    let content: string;
    let usage: UsageRecord | undefined;
    try {
      const result = await client.chat(prepared.request);
      usage = { model: client.model, ...result.usage, at: clock.now() };
      content = result.content;
    } catch (error) {
      // The client has logged the failure; tokens spent on unusable output still count.
      const spent = error instanceof ModelBadOutputError && error.usage ? { model: client.model, ...error.usage, at: clock.now() } : undefined;
      if (!(error instanceof ModelError)) log.warn({ promptVersion, failure: 'unexpected' }, 'model call failed');
      return { message: undefined, usage: spent };
    }
    const reply = clip(tidy(content), maxReplyChars);
    const dropped = dropReason(reply, prepared.allowedNumbers);
    if (dropped) {
      log.warn({ promptVersion, reason: dropped }, 'model reply dropped');
      return { message: undefined, usage };
    }
    log.debug({ promptVersion, replyChars: reply.length }, 'model reply accepted');
    return { message: { text: reply }, usage };
  }

  return {
    prepare,
    complete,
    async start(tx, input) {
      const prepared = await prepare(tx, input);
      if (!prepared) return undefined;
      return {
        timeoutMs: prepared.request.timeoutMs ?? client.timeoutMs,
        async finish() {
          const completed = await complete(prepared);
          return {
            message: completed.message,
            record: async (next: Prisma.TransactionClient) => {
              if (completed.usage) await recordLlmUsage(next, completed.usage);
            },
          };
        },
      };
    },
    async answer(tx, input) {
      const prepared = await prepare(tx, input);
      if (!prepared) return undefined;
      const completed = await complete(prepared);
      if (completed.usage) await recordLlmUsage(tx, completed.usage);
      return completed.message;
    },
  };
}

interface AnswerContext {
  /** Names to hide: the person, the participant, family members, caseworkers. */
  names: string[];
  hotlineLines: string[];
  /** Numbers the reply may contain. */
  allowedNumbers: string[];
  emergency: string;
}

async function loadContext(tx: Prisma.TransactionClient, person: Person): Promise<AnswerContext> {
  const participant = person.participantId
    ? await tx.participant.findUnique({
        where: { id: person.participantId },
        select: {
          displayName: true,
          familyMembers: { select: { displayName: true } },
          caseworker: { select: { displayName: true } },
          backupCaseworker: { select: { displayName: true } },
        },
      })
    : null;
  const names = [
    person.displayName,
    participant?.displayName,
    ...(participant?.familyMembers.map((f) => f.displayName) ?? []),
    participant?.caseworker?.displayName,
    participant?.backupCaseworker?.displayName,
  ].filter((n): n is string => typeof n === 'string' && n.trim() !== '');

  const station = person.stationId
    ? await tx.station.findUnique({ where: { id: person.stationId }, select: { region: true, hotline: true, emergencyNumber: true } })
    : null;
  const hotlines = await hotlinesFor(tx, { locale: person.locale, stationId: person.stationId, ...(station ? { region: station.region } : {}) });
  const entries = [
    ...(station?.hotline ? [{ title: STATION_HOTLINE_LABEL[person.locale], phone: station.hotline, hours: null }] : []),
    ...hotlines,
  ].slice(0, MAX_HOTLINES);
  const emergency = station?.emergencyNumber ?? '120';
  return {
    names,
    hotlineLines: entries.map((h) => `- ${h.title}: ${h.phone}${h.hours ? ` (${h.hours})` : ''}`),
    allowedNumbers: [...entries.map((h) => h.phone), emergency],
    emergency,
  };
}

async function loadHistory(tx: Prisma.TransactionClient, person: Person, take: number): Promise<{ direction: 'INBOUND' | 'OUTBOUND'; text: string | null }[]> {
  const rows = await tx.message.findMany({
    where: {
      ...(person.kind === 'participant' ? { participantId: person.id, familyMemberId: null } : { familyMemberId: person.id }),
      kind: 'TEXT',
      text: { not: null },
    },
    orderBy: { createdAt: 'desc' },
    take,
    select: { direction: true, text: true },
  });
  return rows.reverse();
}

/** The pipeline stores the inbound message before answering: it is the input, not history. */
function withoutCurrent<T extends HistoryMessage>(history: readonly T[], text: string): readonly T[] {
  const last = history.at(-1);
  return last && fromPerson(last) && (last.text ?? '').trim() === text.trim() ? history.slice(0, -1) : history;
}

/**
 * History and the new text as alternating turns that start with the person:
 * some chat templates served by vLLM or Ollama reject two turns of one role
 * in a row, or an assistant turn first.
 */
function buildMessages(history: readonly HistoryMessage[], text: string, names: readonly string[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  const push = (role: ChatTurn['role'], raw: string, max: number) => {
    const content = pseudonymise(clip(raw.trim(), max), names);
    if (content === '') return;
    const previous = turns.at(-1);
    if (previous && previous.role === role) previous.content = `${previous.content}\n${content}`;
    else if (previous || role === 'user') turns.push({ role, content });
  };
  for (const message of history) push(fromPerson(message) ? 'user' : 'assistant', message.text ?? '', MAX_HISTORY_CHARS);
  push('user', text, MAX_INPUT_CHARS);
  return turns;
}

const ALL_PLACEHOLDERS = Object.values(PLACEHOLDERS).flatMap((set) => Object.values(set));
const GREETING_NAME = new RegExp(`^\\s*(?:${[PLACEHOLDERS.zh.name, PLACEHOLDERS.en.name].map((p) => p.replace(/[[\]]/g, '\\$&')).join('|')})[，,、!！\\s]*`);

/** Plain text for chat apps: no Markdown emphasis or headings, no "[姓名]，" greeting. */
function tidy(content: string): string {
  return content
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(GREETING_NAME, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function dropReason(reply: string, allowedNumbers: readonly string[]): DropReason | undefined {
  if (reply === '') return 'empty';
  // A reply that still says "[电话]" or "[NAME]" would read as broken.
  if (ALL_PLACEHOLDERS.some((p) => reply.includes(p))) return 'placeholder';
  return checkModelReply(reply, { allowedNumbers });
}

/** At most `max` characters (code points), cut after the last sentence end in the second half when there is one. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const ends = [...cut.matchAll(/[。！？!?.…\n]/g)].map((m) => (m.index ?? 0) + m[0].length);
  const end = ends.at(-1);
  return end !== undefined && end >= cut.length / 2 ? cut.slice(0, end).trim() : `${cut.trim()}…`;
}
