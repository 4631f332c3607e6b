import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Logger } from '../log/logger.js';
import { ModelBadOutputError, ModelError, toModelError, type ModelUsage } from './errors.js';
import { DEFAULT_BASE_URL, type LlmOptions } from './options.js';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface ChatRequest {
  system: string;
  /** Oldest first; already pseudonymised by the caller. */
  messages: readonly ChatTurn[];
  /** Ask for a JSON object (response_format json_object); the content must parse as one. */
  json?: boolean;
  /** Whole-call deadline, body included. Default: the client's OPENAI_TIMEOUT_MS. */
  timeoutMs?: number;
  /** For logs only: what the call is for ("free-chat", "risk"). */
  purpose?: string;
  /** For logs only: the prompt's version string. */
  promptVersion?: string;
}

export interface ChatResult {
  /** The reply, trimmed, without <think> blocks (or Markdown fences in JSON mode). Never empty. */
  content: string;
  /** With `json: true`: the parsed object, still to be validated by the caller. */
  json?: unknown;
  usage: ModelUsage;
  /** The model id the server reported. */
  model: string;
  finishReason: string | null;
}

export interface ModelClient {
  /** The configured model id (OPENAI_MODEL). */
  readonly model: string;
  /** The configured default deadline (OPENAI_TIMEOUT_MS). */
  readonly timeoutMs: number;
  /** One chat completion. Throws ModelTimeoutError, ModelUnavailableError or ModelBadOutputError, nothing else. */
  chat(request: ChatRequest): Promise<ChatResult>;
}

/** Only standard chat-completion fields are read, so any OpenAI-compatible server's answer fits. */
const CompletionShape = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z
          .object({ content: z.string().nullish(), refusal: z.string().nullish() })
          .nullish(),
        finish_reason: z.string().nullish(),
      }),
    ),
  usage: z.object({ prompt_tokens: z.number().nullish(), completion_tokens: z.number().nullish() }).nullish(),
});

/**
 * A client for any OpenAI-compatible chat completions server (OpenAI, Qwen or
 * DeepSeek endpoints, vLLM, Ollama) through the official SDK. Logs one line
 * per call with timings, token counts and the failure kind: never the prompt,
 * the reply, or the key.
 */
export function createModelClient(options: LlmOptions, log: Logger): ModelClient {
  const maxRetries = options.maxRetries ?? 0;
  const sdk = new OpenAI({
    apiKey: options.apiKey,
    // Explicit, so the SDK never falls back to reading its own environment variables.
    baseURL: options.baseURL ?? DEFAULT_BASE_URL,
    organization: null,
    project: null,
    timeout: options.timeoutMs,
    maxRetries,
    // The SDK's debug log prints request bodies; we log outcomes ourselves.
    logLevel: 'off',
  });
  const logger = log.child({ component: 'llm', model: options.model });

  async function chat(request: ChatRequest): Promise<ChatResult> {
    const timeoutMs = request.timeoutMs ?? options.timeoutMs;
    const labels = { purpose: request.purpose, promptVersion: request.promptVersion };
    const started = performance.now();
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    // The SDK's timeout stops at the response headers; this one covers the body and any retry.
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
        reject(new Error('deadline'));
      }, timeoutMs);
    });
    const body: ChatCompletionCreateParamsNonStreaming = {
      model: options.model,
      messages: [{ role: 'system', content: request.system }, ...request.messages.map(toParam)],
      ...(request.json ? { response_format: { type: 'json_object' } } : {}),
    };
    try {
      const call = sdk.chat.completions.create(body, { signal: controller.signal, timeout: timeoutMs, maxRetries });
      // If the deadline wins the race, the abandoned call's rejection is expected.
      call.catch(() => undefined);
      const completion: unknown = await Promise.race([call, deadline]);
      const result = readCompletion(completion, request.json === true, options.model);
      logger.debug(
        {
          ...labels,
          durationMs: Math.round(performance.now() - started),
          promptTokens: result.usage.promptTokens,
          completionTokens: result.usage.completionTokens,
          finishReason: result.finishReason,
        },
        'model call answered',
      );
      return result;
    } catch (error) {
      const failure = toModelError(error, { timedOut, timeoutMs });
      logger.warn({ ...labels, durationMs: Math.round(performance.now() - started), ...describeFailure(failure) }, 'model call failed');
      throw failure;
    } finally {
      clearTimeout(timer);
    }
  }

  return { model: options.model, timeoutMs: options.timeoutMs, chat };
}

function toParam(turn: ChatTurn): ChatCompletionMessageParam {
  return turn.role === 'user' ? { role: 'user', content: turn.content } : { role: 'assistant', content: turn.content };
}

function readCompletion(completion: unknown, json: boolean, configuredModel: string): ChatResult {
  const parsed = CompletionShape.safeParse(completion);
  if (!parsed.success) throw new ModelBadOutputError('invalid-shape', usageOf(completion));
  const usage = usageOf(parsed.data);
  const choice = parsed.data.choices[0];
  if (!choice) throw new ModelBadOutputError('empty', usage);
  const finishReason = choice.finish_reason ?? null;
  if (finishReason === 'content_filter') throw new ModelBadOutputError('filtered', usage);
  const raw = choice.message?.content ?? '';
  if (raw.trim() === '' && choice.message?.refusal) throw new ModelBadOutputError('refused', usage);
  const content = stripReasoning(raw);
  if (content === '') throw new ModelBadOutputError('empty', usage);
  const base = { usage, model: parsed.data.model ?? configuredModel, finishReason };
  if (!json) return { content, ...base };
  const text = stripFences(content);
  const value = parseJsonObject(text);
  if (value === undefined) throw new ModelBadOutputError('not-json', usage);
  return { content: text, json: value, ...base };
}

function usageOf(completion: unknown): ModelUsage {
  const usage = (completion as { usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null } | null)?.usage;
  const count = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? Math.round(n) : 0);
  return { promptTokens: count(usage?.prompt_tokens), completionTokens: count(usage?.completion_tokens) };
}

/**
 * Reasoning models served by vLLM or Ollama (DeepSeek-R1 and its distils,
 * Qwen3) put their thinking in the content between <think> tags; an
 * unclosed block means the answer never came.
 */
export function stripReasoning(content: string): string {
  const closed = content.replace(/<think>[\s\S]*?<\/think>/gi, '');
  const open = closed.search(/<think>/i);
  return (open === -1 ? closed : closed.slice(0, open)).trim();
}

/** Some servers wrap JSON in a Markdown fence even in JSON mode. */
function stripFences(content: string): string {
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/i.exec(content);
  return (fenced?.[1] ?? content).trim();
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Loggable fields of a failure: kinds, reasons, status numbers; never text from the server. */
export function describeFailure(error: ModelError): Record<string, unknown> {
  const fields: Record<string, unknown> = { failure: error.kind };
  if ('reason' in error) fields.reason = error.reason;
  if ('status' in error && error.status !== undefined) fields.status = error.status;
  if ('code' in error && error.code !== undefined) fields.errorCode = error.code;
  if ('timeoutMs' in error) fields.timeoutMs = error.timeoutMs;
  return fields;
}
