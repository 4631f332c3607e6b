// What FakeOpenAI can be scripted to answer, and the response envelopes it
// builds: chat.completion objects and OpenAI-style error bodies.
import type { ChatCompletion, ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import type { CompletionUsage } from 'openai/resources/completions';

type FinishReason = ChatCompletion.Choice['finish_reason'];

interface Timing {
  /** Wait this long before sending anything (the SDK's timeout counts until headers arrive). */
  delayMs?: number;
}

export type FakeOpenAIReply = Timing &
  (
    | { content: string; finishReason?: FinishReason; usage?: Partial<CompletionUsage>; model?: string }
    /** content = JSON.stringify(json), for response_format json_object / json_schema. */
    | { json: unknown; usage?: Partial<CompletionUsage>; model?: string }
    /** An OpenAI-style error: {error:{message,type,param,code}}. */
    | { status: number; message?: string; type?: string; code?: string | null; headers?: Record<string, string> }
    /** 200 with a JSON content-type but a truncated, unparseable body. */
    | { malformed: true }
    /** true: one choice with content ''. 'no-choices': choices: []. */
    | { empty: true | 'no-choices' }
    /** Only a delay; then answers with content "delayed reply". */
    | { delayMs: number }
  );

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

const DEFAULT_ERRORS: Record<number, { message: string; type: string; code: string | null }> = {
  400: { message: 'Invalid request.', type: 'invalid_request_error', code: null },
  401: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { message: 'You are not allowed to access this resource.', type: 'invalid_request_error', code: null },
  404: { message: 'The model does not exist or you do not have access to it.', type: 'invalid_request_error', code: 'model_not_found' },
  429: { message: 'Rate limit reached for requests. Please try again later.', type: 'requests', code: 'rate_limit_exceeded' },
  500: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', code: null },
  503: { message: 'The engine is currently overloaded, please try again later.', type: 'server_error', code: null },
};

export function openAIError(
  status: number,
  overrides: { message?: string; type?: string; code?: string | null; param?: string | null } = {},
): OpenAIErrorBody {
  const fallback = DEFAULT_ERRORS[status] ?? { message: `Error ${status}`, type: 'api_error', code: null };
  return {
    error: {
      message: overrides.message ?? fallback.message,
      type: overrides.type ?? fallback.type,
      param: overrides.param ?? null,
      code: overrides.code === undefined ? fallback.code : overrides.code,
    },
  };
}

/** Rough token count (about 4 characters per token), enough for usage numbers. */
export function estimateTokens(text: string): number {
  return text === '' ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/** All text in the request's messages (string content and text parts). */
export function requestText(request: ChatCompletionCreateParams): string[] {
  const texts: string[] = [];
  for (const message of request.messages) {
    const content: unknown = message.content;
    if (typeof content === 'string') texts.push(content);
    else if (Array.isArray(content)) {
      for (const part of content as unknown[]) {
        if (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string') texts.push(part.text);
      }
    }
  }
  return texts;
}

export function chatCompletion(
  request: ChatCompletionCreateParams,
  options: {
    id: string;
    created: number;
    content: string | undefined;
    finishReason?: FinishReason;
    usage?: Partial<CompletionUsage>;
    model?: string;
  },
): ChatCompletion {
  const promptTokens = estimateTokens(requestText(request).join('\n'));
  const completionTokens = estimateTokens(options.content ?? '');
  const usage: CompletionUsage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    ...options.usage,
  };
  if (options.usage && options.usage.total_tokens === undefined) usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
  return {
    id: options.id,
    object: 'chat.completion',
    created: options.created,
    model: options.model ?? request.model,
    choices:
      options.content === undefined
        ? []
        : [
            {
              index: 0,
              message: { role: 'assistant', content: options.content, refusal: null, annotations: [] },
              logprobs: null,
              finish_reason: options.finishReason ?? 'stop',
            },
          ],
    usage,
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}
