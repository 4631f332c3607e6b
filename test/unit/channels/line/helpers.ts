// Shared set-up for the LINE channel tests: the real @line/bot-sdk client
// against FakeLineApi on loopback, and the channel's webhook served over HTTP.
import { Writable } from 'node:stream';
import type { webhook } from '@line/bot-sdk';
import type { ChannelAdapter, InboundSink } from '../../../../src/channels/channel.js';
import { createLineChannel, type LineChannelOptions } from '../../../../src/channels/line/index.js';
import type { InboundMessage } from '../../../../src/core/messages.js';
import { startHttpServer, type HttpServer } from '../../../../src/http/server.js';
import { createLogger, type Logger } from '../../../../src/log/logger.js';
import { FakeLineApi, postLineWebhook, type FakeLineApiOptions } from '../../../fakes/line-api.js';

export const CHANNEL_SECRET = 'test-line-channel-secret';

/** An in-memory inbox: de-duplicates by event key, can be told to fail. */
export class MemorySink implements InboundSink {
  /** Every message handed to accept, duplicates included. */
  readonly calls: InboundMessage[] = [];
  readonly results: Array<'stored' | 'duplicate' | 'failed'> = [];
  private readonly keys = new Set<string>();
  private failures = 0;

  failNext(count = 1): void {
    this.failures += count;
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

export interface LineHarness {
  fake: FakeLineApi;
  channel: ChannelAdapter;
  sink: MemorySink;
  logs: () => string;
  post(body: webhook.CallbackRequest | string, headers?: Record<string, string>): Promise<Response>;
  postSigned(body: webhook.CallbackRequest | string): Promise<Response>;
  close(): Promise<void>;
}

export async function startLineHarness(
  options: { fake?: FakeLineApiOptions; channel?: Partial<LineChannelOptions> } = {},
): Promise<LineHarness> {
  const fake = new FakeLineApi(options.fake);
  const { url } = await fake.start();
  const { log, output } = capturingLogger();
  const channel = createLineChannel(
    { channelSecret: CHANNEL_SECRET, channelAccessToken: fake.channelAccessToken, apiBaseUrl: url, ...options.channel },
    log,
  );
  const sink = new MemorySink();
  await channel.start(sink);
  if (!channel.routes) throw new Error('the LINE channel has no routes');
  const server: HttpServer = await startHttpServer(channel.routes, 0, '127.0.0.1');
  const webhookUrl = `${server.url}/webhooks/line`;
  return {
    fake,
    channel,
    sink,
    logs: output,
    post: (body, headers = {}) =>
      fetch(webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    postSigned: (body) => postLineWebhook(webhookUrl, CHANNEL_SECRET, body),
    async close() {
      await channel.stop();
      await server.close(100);
      await fake.stop();
    },
  };
}
