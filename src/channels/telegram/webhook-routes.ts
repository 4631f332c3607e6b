import { Hono } from 'hono';
import type { Logger } from '../../log/logger.js';
import type { InboundSink } from '../channel.js';
import type { UpdateHandler } from './handle-update.js';
import { isTelegramUpdate, updateType } from './parse-update.js';
import { webhookSecretMatches } from './verify-secret.js';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramWebhookOptions {
  secret: string;
  /** The sink while the channel runs; undefined before start and after stop. */
  sink: () => InboundSink | undefined;
  handler: UpdateHandler;
  log: Logger;
}

/**
 * POST /webhooks/telegram. The secret header is checked before the body is
 * read. The answer is 200 once the update is stored (or was a duplicate, or
 * is ignored) and 503 when it could not be stored, so Telegram delivers it
 * again. Nothing but storing happens on the request path.
 */
export function telegramWebhookRoutes(options: TelegramWebhookOptions): Hono {
  const { log, handler } = options;
  const routes = new Hono();

  routes.post(TELEGRAM_WEBHOOK_PATH, async (c) => {
    const given = c.req.header(SECRET_HEADER);
    if (!webhookSecretMatches(given, options.secret)) {
      log.warn({ secretToken: given === undefined ? 'missing' : 'wrong' }, 'Telegram webhook refused: bad secret token');
      return c.json({ error: 'unauthorized' }, 401);
    }

    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      return c.json({ error: 'malformed JSON' }, 400);
    }
    if (!isTelegramUpdate(body)) return c.json({ error: 'not a Telegram update' }, 400);

    const sink = options.sink();
    if (!sink) return c.json({ error: 'not running' }, 503);
    try {
      await handler.handle(body, sink);
    } catch (error) {
      log.error({ err: error, updateType: updateType(body) }, 'Telegram update could not be stored');
      return c.json({ error: 'try again' }, 503);
    }
    // No JSON body: Telegram would run a "method" found in one.
    return c.body(null, 200);
  });

  return routes;
}
