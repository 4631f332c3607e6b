import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { WechatyBuilder, type Wechaty, type WechatyOptions } from 'wechaty';
import type { ChannelAdapter, InboundSink } from '../channel.js';
import { systemClock } from '../../core/clock.js';
import type { InboundMessage } from '../../core/messages.js';
import type { Logger } from '../../log/logger.js';
import { deliverInbound } from './deliver.js';
import { wireEvents } from './events.js';
import { FriendLinker } from './friendship.js';
import {
  DEFAULT_FRIEND_CONFIRM_TIMEOUT_MS,
  DEFAULT_MEMORY_NAME,
  DEFAULT_SINK_RETRY_DELAYS_MS,
  WECHAT_CAPABILITIES,
  type WechatChannelOptions,
} from './options.js';
import { sendToContact } from './send.js';
import { StatusBoard } from './status.js';

interface Running {
  bot: Wechaty;
  linker: FriendLinker;
  /** Wechaty's start: it runs on after start() returns; the login may take days. */
  starting: Promise<void>;
}

/**
 * WeChat through Wechaty. start() loads the puppet and returns; the account
 * logs in whenever someone scans the QR code shown in the log and on the
 * console, and messages flow from then on.
 */
export function createWechatChannel(options: WechatChannelOptions, log: Logger): ChannelAdapter {
  const logger = log.child({ channel: 'WECHAT' });
  const clock = options.clock ?? systemClock;
  const status = new StatusBoard();
  let running: Running | undefined;

  return {
    channel: 'WECHAT',
    capabilities: WECHAT_CAPABILITIES,

    async start(sink: InboundSink) {
      if (running) return;
      status.set('starting');
      const deliver = (message: InboundMessage) =>
        deliverInbound(sink, message, options.sinkRetryDelaysMs ?? DEFAULT_SINK_RETRY_DELAYS_MS, logger);
      const linker = new FriendLinker({
        verifyInviteCode: options.verifyInviteCode,
        deliver,
        confirmTimeoutMs: options.friendConfirmTimeoutMs ?? DEFAULT_FRIEND_CONFIRM_TIMEOUT_MS,
        clock,
        log: logger,
      });
      try {
        const bot = WechatyBuilder.build(await wechatyOptions(options));
        wireEvents(bot, { status, linker, deliver, clock, log: logger });
        // Loads the puppet package: a missing or broken puppet fails here, at boot.
        await bot.init();
        const starting = bot.start().then(
          () => logger.info({ puppet: puppetLabel(options) }, 'wechat started; waiting for the account to log in'),
          (error: unknown) => {
            status.set('error', { detail: 'wechaty failed to start; see the log' });
            logger.error({ errorType: nameOf(error) }, 'wechat failed to start');
          },
        );
        running = { bot, linker, starting };
      } catch (error) {
        linker.stop();
        status.set('error', { detail: 'the puppet could not be loaded; see the log' });
        logger.error(
          { errorType: nameOf(error), reason: withoutToken(error, options.puppetToken), puppet: puppetLabel(options) },
          'wechat puppet could not be loaded',
        );
        throw error;
      }
    },

    async stop() {
      if (!running) return;
      const { bot, linker, starting } = running;
      running = undefined;
      status.set('stopped');
      linker.stop();
      await starting;
      try {
        await bot.stop();
      } catch (error) {
        logger.warn({ errorType: nameOf(error) }, 'wechat did not stop cleanly');
      }
      logger.info('wechat stopped');
    },

    async send(target, message) {
      if (!running) return { ok: false, kind: 'retry', reason: 'wechat channel not started' };
      return sendToContact(running.bot, target, message, options.locale);
    },

    status: () => status.snapshot(),
  };
}

/** Wechaty's options; the login session goes under the data directory, never the working directory. */
async function wechatyOptions(options: WechatChannelOptions): Promise<WechatyOptions> {
  const dir = path.resolve(options.dataDir, 'wechat');
  // The session file logs the bot's account in: readable by this user only.
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const name = path.join(dir, options.name ?? DEFAULT_MEMORY_NAME);
  if (typeof options.puppet !== 'string') return { name, puppet: options.puppet };
  return { name, puppet: options.puppet, puppetOptions: { token: options.puppetToken } };
}

function puppetLabel(options: WechatChannelOptions): string {
  return typeof options.puppet === 'string' ? options.puppet : options.puppet.name();
}

/** Why loading failed ("Cannot find package …"), minus the token a puppet may quote back. */
function withoutToken(error: unknown, token: string | undefined): string {
  const message = error instanceof Error ? error.message : String(error);
  return (token ? message.split(token).join('[redacted]') : message).slice(0, 300);
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
