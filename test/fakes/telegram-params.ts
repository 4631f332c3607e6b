// Turns a Bot API request (query string, JSON, urlencoded or multipart body)
// into one parameter object, coercing form strings the way Telegram does.
import { isPlainObject, type ParsedBody } from './parse-body.js';

export type TelegramParams = Record<string, unknown>;

/** Fields Telegram reads as JSON when they arrive as form strings. */
const JSON_FIELDS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'allowed_updates',
  'link_preview_options',
  'reply_parameters',
  'media',
  'results',
  'commands',
  'scope',
  'mask_position',
]);

/** Fields Telegram reads as integers when they arrive as form strings. */
const INTEGER_FIELDS = new Set([
  'chat_id',
  'message_id',
  'message_thread_id',
  'offset',
  'limit',
  'timeout',
  'cache_time',
  'max_connections',
  'reply_to_message_id',
  'from_chat_id',
  'user_id',
]);

const BOOLEAN_FIELDS = new Set(['drop_pending_updates', 'show_alert', 'disable_notification', 'protect_content']);

export function telegramParams(query: Record<string, string>, body: ParsedBody): TelegramParams {
  const params: TelegramParams = {};
  const addField = (key: string, value: string): void => {
    params[key] = coerce(key, value);
  };
  for (const [key, value] of Object.entries(query)) addField(key, value);
  switch (body.kind) {
    case 'json':
      if (isPlainObject(body.value)) Object.assign(params, body.value);
      break;
    case 'form':
      for (const [key, value] of Object.entries(body.fields)) addField(key, value);
      break;
    case 'multipart':
      for (const [key, value] of Object.entries(body.fields)) addField(key, value);
      for (const [key, file] of Object.entries(body.files)) params[key] = file;
      break;
    default:
      break;
  }
  // telegraf puts the method name into multipart bodies; it is not a parameter.
  if (body.kind === 'multipart') delete params.method;
  return params;
}

function coerce(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export function stringParam(params: TelegramParams, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function numberParam(params: TelegramParams, key: string): number | undefined {
  const value = params[key];
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

/** chat_id as Telegram sees it: an integer id or an "@username". */
export function chatIdParam(params: TelegramParams): number | string | undefined {
  const value = params.chat_id;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') return /^-?\d+$/.test(value) ? Number(value) : value;
  return undefined;
}
