import type { webhook } from '@line/bot-sdk';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Logger } from '../../log/logger.js';
import type { InboundSink } from '../channel.js';
import { convertLineEvent } from './convert-events.js';
import { verifyLineSignature } from './verify-signature.js';

export const LINE_WEBHOOK_PATH = '/webhooks/line';

export interface LineWebhookOptions {
  channelSecret: string;
  /** The sink while the channel runs; undefined before start and after stop. */
  sink: () => InboundSink | undefined;
  log: Logger;
  /** Called after each event the sink took. */
  onAccepted?: () => void;
}

const CallbackSchema = z.object({ events: z.array(z.unknown()) });
const EventBaseSchema = z.object({ type: z.string(), webhookEventId: z.string().min(1), timestamp: z.number().finite() });

/** What every event carries; the rest is read through the SDK's types. */
function isLineEvent(value: unknown): value is webhook.Event {
  return EventBaseSchema.safeParse(value).success;
}

/**
 * POST /webhooks/line. The signature is checked over the raw body before
 * anything is parsed; each event is handed to the sink, and the answer is 200
 * only when every one of them was stored (or was a duplicate), else 503 so
 * LINE redelivers (webhook redelivery has to be switched on in the LINE
 * Developers Console). Redeliveries carry the same webhookEventId, so the
 * sink's de-duplication covers them.
 */
export function lineWebhookRoutes(options: LineWebhookOptions): Hono {
  const { log } = options;
  const routes = new Hono();

  routes.post(LINE_WEBHOOK_PATH, async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    const signature = c.req.header('x-line-signature');
    if (!verifyLineSignature(raw, options.channelSecret, signature)) {
      log.warn({ signature: signature === undefined ? 'missing' : 'wrong' }, 'LINE webhook refused: bad signature');
      return c.json({ error: 'invalid signature' }, 401);
    }

    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return c.json({ error: 'malformed JSON' }, 400);
    }
    const callback = CallbackSchema.safeParse(body);
    if (!callback.success) return c.json({ error: 'expected {destination, events: [...]}' }, 400);

    const sink = options.sink();
    if (!sink) return c.json({ error: 'not running' }, 503);

    let failed = 0;
    // One at a time: events of a chat arrive in order and are stored in order.
    for (const event of callback.data.events) {
      if (!isLineEvent(event)) {
        log.warn('LINE webhook event without type, webhookEventId or timestamp ignored');
        continue;
      }
      const decision = convertLineEvent(event);
      if (decision.kind === 'ignore') {
        log.debug({ eventType: event.type, reason: decision.reason }, 'LINE event ignored');
        continue;
      }
      try {
        const stored = await sink.accept(decision.message);
        log.debug({ eventType: event.type, kind: decision.message.kind, stored, redelivery: event.deliveryContext?.isRedelivery === true }, 'LINE event accepted');
        options.onAccepted?.();
      } catch (error) {
        failed += 1;
        log.error({ err: error, eventType: event.type }, 'LINE event could not be stored');
      }
    }
    if (failed > 0) return c.json({ error: 'try again' }, 503);
    return c.json({});
  });

  return routes;
}
