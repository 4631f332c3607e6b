import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { ChannelAdapter, InboundSink } from '../../../../src/channels/channel.js';
import { createWechatChannel, type WechatChannelOptions } from '../../../../src/channels/wechat/index.js';
import type { InboundMessage } from '../../../../src/core/messages.js';
import { createLogger } from '../../../../src/log/logger.js';

export const VALID_CODE = 'K7P2QX9M';

/** The inbox, in memory: unique by event key like the real one. */
export class MemorySink implements InboundSink {
  readonly messages: InboundMessage[] = [];
  /** Rejections to give before storing, to play a database hiccup. */
  failuresLeft = 0;

  async accept(message: InboundMessage): Promise<'stored' | 'duplicate'> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error(`insert failed for ${JSON.stringify(message)}`);
    }
    if (this.messages.some((m) => m.eventKey === message.eventKey)) return 'duplicate';
    this.messages.push(message);
    return 'stored';
  }
}

export interface Harness {
  mocker: mock.Mocker;
  puppet: PuppetMock;
  channel: ChannelAdapter;
  sink: MemorySink;
  /** Every log line the channel wrote, as JSON text. */
  logs: string[];
  dataDir: string;
  /** Logs the bot's own account in and waits until the channel runs. */
  login(): Promise<mock.ContactMock>;
  close(): Promise<void>;
}

/** A started WeChat channel on a real Wechaty over the mock puppet. */
export async function startHarness(overrides: Partial<WechatChannelOptions> = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongxing-wechat-'));
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const logs: string[] = [];
  const log = createLogger({ level: 'debug', destination: { write: (line: string) => void logs.push(line) } });
  const channel = createWechatChannel(
    {
      puppet,
      dataDir,
      verifyInviteCode: async (code) => code === VALID_CODE,
      friendConfirmTimeoutMs: 5_000,
      sinkRetryDelaysMs: [5, 5],
      ...overrides,
    },
    log,
  );
  const sink = new MemorySink();
  await channel.start(sink);

  return {
    mocker,
    puppet,
    channel,
    sink,
    logs,
    dataDir,
    async login() {
      const user = mocker.createContact({ name: '同行小助手' });
      mocker.login(user);
      await vi.waitFor(() => expect(channel.status().state).toBe('running'));
      return user;
    },
    async close() {
      await channel.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Texts the bot sent to this contact so far, in order, read from the mocker's message store. */
export function sentTo(mocker: mock.Mocker, contact: mock.ContactMock, bot: mock.ContactMock): string[] {
  return [...mocker.cacheMessagePayload.values()]
    .filter((payload) => payload.talkerId === bot.id && 'listenerId' in payload && payload.listenerId === contact.id)
    .map((payload) => payload.text ?? '');
}

export function logsMatching(logs: readonly string[], msg: string): Record<string, unknown>[] {
  return logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry['msg'] === msg);
}
