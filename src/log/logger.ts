import pino, { type Logger, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

/**
 * Fields that can carry message text, names, phone numbers, invite codes or
 * secrets. They are replaced by "[redacted]" wherever they appear, at the top
 * level or one or two objects deep.
 */
export const SENSITIVE_KEYS = [
  'text',
  'body',
  'message_text',
  'note',
  'name',
  'displayName',
  'firstName',
  'lastName',
  'first_name',
  'last_name',
  'username',
  'phone',
  'phoneNumber',
  'code',
  'inviteCode',
  'token',
  'accessToken',
  'apiKey',
  'password',
  'passwordHash',
  'secret',
  'authorization',
  'cookie',
  'replyToken',
  'databaseUrl',
  'url',
] as const;

const redactPaths = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  level: string;
  pretty?: boolean;
  /** Where lines go; tests pass a stream to read them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level,
    base: { service: 'tongxing' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(base);
}

/**
 * Errors keep their type, code and stack but not their message when it could
 * quote user input; callers log a typed error's own safe fields instead.
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrubSecrets(error.message),
    ...(code === undefined ? {} : { code }),
    stack: error.stack ? scrubSecrets(error.stack) : undefined,
  };
}

/** Removes credentials in URLs and bot tokens that libraries put in messages. */
export function scrubSecrets(value: string): string {
  return value
    .replace(/(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/gi, '$1[redacted]@')
    .replace(/\/bot\d+:[\w-]+/g, '/bot[redacted]')
    .replace(/\b\d{6,}:[\w-]{30,}\b/g, '[redacted-token]')
    .replace(/Bearer\s+[\w.~+/-]+=*/gi, 'Bearer [redacted]')
    .replace(/\b1[3-9]\d{9}\b/g, '[redacted-phone]');
}
