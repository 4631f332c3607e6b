// Shared set-up for the Telegram channel tests: the real telegraf client
// against FakeTelegramApi on loopback, and the channel's webhook served over HTTP.
import { Writable } from 'node:stream';
import { Hono } from 'hono';
import type { Update } from 'telegraf/types';
import type { ChannelAdapter, InboundSink } from '../../../../src/channels/channel.js';
import { createTelegramChannel, type TelegramChannelOptions } from '../../../../src/channels/telegram/index.js';
import type { InboundMessage } from '../../../../src/core/messages.js';
import { startHttpServer, type HttpServer } from '../../../../src/http/server.js';
import { createLogger, type Logger } from '../../../../src/log/logger.js';
import { FakeTelegramApi, type FakeTelegramApiOptions } from '../../../fakes/telegram-bot-api.js';

export const WEBHOOK_SECRET = 'tongxing-test_webhook-secret-0123';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** An in-memory inbox: de-duplicates by event key; can be told to fail or to call something a duplicate. */
export class MemorySink implements InboundSink {
  /** Every message handed to accept, duplicates and failures included. */
  readonly calls: InboundMessage[] = [];
  readonly results: Array<'stored' | 'duplicate' | 'failed'> = [];
  private readonly keys = new Set<string>();
  private failures = 0;

  failNext(count = 1): void {
    this.failures += count;
  }

  /** The next message with this key is reported as a duplicate. */
  markSeen(eventKey: string): void {
    this.keys.add(eventKey);
  }

  get stored(): InboundMessage[] {
    return this.calls.filter((_, i) => this.results[i] === 'stored');
  }

  accept(message: InboundMessage): Promise<'stored' | 'duplicate'> {
    this.calls.push(message);
    if (this.failures > 0) {
      this.failures -= 1;
      this.results.push('failed');
      return Promise.reject(new Error('database unavailable'));
    }
    const result = this.keys.has(message.eventKey) ? 'duplicate' : 'stored';
    this.keys.add(message.eventKey);
    this.results.push(result);
    return Promise.resolve(result);
  }
}

export function capturingLogger(): { log: Logger; output: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { log: createLogger({ level: 'trace', destination }), output: () => lines.join('') };
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function eventually(check: () => boolean, timeoutMs = 2_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface TelegramHarness {
  fake: FakeTelegramApi;
  channel: ChannelAdapter;
  sink: MemorySink;
  logs: () => string;
  /** Where the service listens; the webhook is `${serviceUrl}/webhooks/telegram`. */
  serviceUrl: string;
  /** POSTs to the webhook with the right secret unless headers say otherwise. */
  post(body: Update | string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  fake?: FakeTelegramApiOptions;
  channel?: Partial<TelegramChannelOptions>;
  /** Set PUBLIC_URL to the service's address, so the webhook is registered at start. */
  publicUrl?: boolean;
  /** Call channel.start (default true). */
  start?: boolean;
}

/** Fast enough for tests; the defaults are seconds. */
export const QUICK = { requestTimeoutMs: 2_000, pollTimeoutSeconds: 5, retryDelay: { initialMs: 20, maxMs: 100 } } as const;

export async function startTelegramHarness(options: HarnessOptions = {}): Promise<TelegramHarness> {
  const fake = new FakeTelegramApi(options.fake);
  const { url: apiRoot } = await fake.start();
  const { log, output } = capturingLogger();

  // The service's address has to be known before the channel is made (PUBLIC_URL),
  // so the server forwards to routes that are set a moment later.
  const mounted: { routes?: Hono } = {};
  const app = new Hono();
  app.all('*', (c) => (mounted.routes ? mounted.routes.fetch(c.req.raw) : c.notFound()));
  const server: HttpServer = await startHttpServer(app, 0, '127.0.0.1');

  const channel = createTelegramChannel(
    {
      token: fake.token,
      mode: 'webhook',
      webhookSecret: WEBHOOK_SECRET,
      apiRoot,
      ...QUICK,
      ...(options.publicUrl ? { publicUrl: server.url } : {}),
      ...options.channel,
    },
    log,
  );
  if (channel.routes) mounted.routes = channel.routes;
  const sink = new MemorySink();
  if (options.start !== false) await channel.start(sink);

  const webhookUrl = `${server.url}/webhooks/telegram`;
  return {
    fake,
    channel,
    sink,
    logs: output,
    serviceUrl: server.url,
    post: (body, headers = { [SECRET_HEADER]: WEBHOOK_SECRET }) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await channel.stop();
      await server.close(100);
      await fake.stop();
    },
  };
}
