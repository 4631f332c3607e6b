import { z } from 'zod';
import type { OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { RELIEF_PROGRAMS } from './choices.js';

/** A flow left unfinished this long is forgotten: the next message starts afresh. */
export const FLOW_TTL_MS = 12 * 3600_000;

const CheckInState = z.object({
  flow: z.literal('checkin'),
  step: z.enum(['mood', 'craving', 'used', 'dose', 'note']),
  data: z.object({
    mood: z.number().int().min(1).max(5).optional(),
    craving: z.number().int().min(0).max(10).optional(),
    used: z.boolean().optional(),
    doseTaken: z.boolean().optional(),
    /** The check-in reminder this answers, when a reminder started it. */
    reminderId: z.string().optional(),
  }),
});

const AppointmentsState = z.object({
  flow: z.literal('appointments'),
  step: z.literal('list'),
  /** The appointments listed, in order, so "确认 2" finds the second. */
  data: z.object({ ids: z.array(z.string()) }),
});

const HotlinesState = z.object({ flow: z.literal('hotlines'), step: z.literal('situation'), data: z.object({}) });

const ReliefState = z.object({
  flow: z.literal('relief'),
  step: z.enum(['program', 'intro', 'question', 'offer']),
  data: z.object({
    program: z.enum(RELIEF_PROGRAMS).optional(),
    index: z.number().int().min(0).optional(),
    answers: z.record(z.string(), z.boolean()).optional(),
  }),
});

const ContactState = z.object({ flow: z.literal('contact'), step: z.literal('message'), data: z.object({}) });

const FamilyState = z.object({ flow: z.literal('family'), step: z.literal('report'), data: z.object({}) });

const LanguageState = z.object({ flow: z.literal('language'), step: z.literal('choose'), data: z.object({}) });

const FlowStateSchema = z.discriminatedUnion('flow', [
  CheckInState,
  AppointmentsState,
  HotlinesState,
  ReliefState,
  ContactState,
  FamilyState,
  LanguageState,
]);

export type FlowState = z.infer<typeof FlowStateSchema>;
export type CheckInFlowState = z.infer<typeof CheckInState>;
export type CheckInData = CheckInFlowState['data'];
export type ReliefFlowState = z.infer<typeof ReliefState>;
export type AppointmentsFlowState = z.infer<typeof AppointmentsState>;

/** What the engine keeps in ConversationState.data besides the pipeline's `_offeredChoices`. */
const EngineData = z.object({
  flowData: z.unknown().optional(),
  /** Values of the last choices offered, so a typed number picks one on any channel. */
  offered: z.array(z.string()).optional(),
  /** When the flow last moved, by the engine's clock. */
  at: z.string().optional(),
});

export interface LoadedState {
  /** The flow in progress, or undefined outside flows (or when it expired or was unreadable). */
  flow: FlowState | undefined;
  offered: string[];
  /** The whole stored JSON, so keys the engine does not own survive. */
  raw: Prisma.JsonObject;
}

function asObject(value: Prisma.JsonValue | undefined): Prisma.JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Prisma.JsonObject) : {};
}

/** Reads and checks a stored state. Pure, for tests. */
export function readState(row: { flow: string | null; step: string | null; data: Prisma.JsonValue } | null, now: Date): LoadedState {
  const raw = asObject(row?.data);
  const engine = EngineData.safeParse(raw);
  const data = engine.success ? engine.data : {};
  const offered = data.offered ?? [];
  const at = data.at ? Date.parse(data.at) : Number.NaN;
  const fresh = Number.isFinite(at) && now.getTime() - at <= FLOW_TTL_MS;
  if (!row?.flow || !fresh) return { flow: undefined, offered, raw };
  const parsed = FlowStateSchema.safeParse({ flow: row.flow, step: row.step, data: data.flowData ?? {} });
  return { flow: parsed.success ? parsed.data : undefined, offered, raw };
}

export async function loadState(tx: Prisma.TransactionClient, ownerKey: string, now: Date): Promise<LoadedState> {
  const row = await tx.conversationState.findUnique({ where: { ownerKey } });
  return readState(row, now);
}

/** Stored states of many people in one query, keyed by owner; people without one are absent. */
export async function loadStates(
  tx: Prisma.TransactionClient,
  ownerKeys: readonly string[],
  now: Date,
): Promise<Map<string, LoadedState>> {
  const rows = ownerKeys.length ? await tx.conversationState.findMany({ where: { ownerKey: { in: [...ownerKeys] } } }) : [];
  return new Map(rows.map((row) => [row.ownerKey, readState(row, now)]));
}

/** The choice values of the last message that offers any. */
export function offeredValues(messages: readonly OutboundMessage[]): string[] {
  return messages.findLast((m) => m.choices?.length)?.choices?.map((c) => c.value) ?? [];
}

function sameValues(a: Prisma.JsonValue | undefined, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((value, i) => value === b[i]);
}

function isEmptyObject(value: Prisma.JsonValue | undefined): boolean {
  return value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
}

/**
 * Stores the next flow step; keeps the pipeline's `_offeredChoices` and any
 * other key it does not own. Outside flows, a turn that offers the same
 * choices as the last one (most free text) writes nothing.
 */
export async function saveState(
  tx: Prisma.TransactionClient,
  ownerKey: string,
  loaded: Pick<LoadedState, 'flow' | 'raw'>,
  next: FlowState | undefined,
  offered: string[],
  now: Date,
): Promise<void> {
  const previous = loaded.raw;
  if (!loaded.flow && !next && sameValues(previous.offered, offered) && isEmptyObject(previous.flowData)) return;
  const data: Prisma.InputJsonObject = {
    ...previous,
    flowData: (next?.data ?? {}) as Prisma.InputJsonObject,
    offered,
    at: now.toISOString(),
  };
  const columns = { flow: next?.flow ?? null, step: next?.step ?? null, data };
  await tx.conversationState.upsert({ where: { ownerKey }, create: { ownerKey, ...columns }, update: columns });
}
