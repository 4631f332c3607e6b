import { ScanStatus, type Friendship, type Message, type Wechaty } from 'wechaty';
import type { Clock } from '../../core/clock.js';
import type { InboundMessage } from '../../core/messages.js';
import type { Logger } from '../../log/logger.js';
import type { FriendLinker } from './friendship.js';
import { toInbound } from './inbound.js';
import type { StatusBoard } from './status.js';

export interface EventContext {
  status: StatusBoard;
  linker: FriendLinker;
  deliver: (message: InboundMessage) => Promise<unknown>;
  clock: Clock;
  log: Logger;
}

const SCAN_DETAIL: Partial<Record<ScanStatus, string>> = {
  [ScanStatus.Scanned]: 'QR code scanned; confirm the login on the phone',
  [ScanStatus.Confirmed]: 'login confirmed on the phone; logging in',
  [ScanStatus.Cancel]: 'login cancelled on the phone; waiting for a new QR code',
  [ScanStatus.Timeout]: 'QR code expired; waiting for a new one',
};

/**
 * Wechaty's events onto the channel: login state to the status board, one-to-one
 * messages and accepted friends to the inbox. Every listener catches its own
 * errors: Wechaty does not await listeners.
 */
export function wireEvents(bot: Wechaty, ctx: EventContext): void {
  const { status, log } = ctx;
  let loggedQrCode: string | undefined;
  // Puppets may still emit while Wechaty stops; a stopped channel takes nothing in.
  const stopped = () => status.current === 'stopped';

  bot.on('scan', (qrcode, scanStatus) => {
    if (stopped()) return;
    const code = qrcode || status.snapshot().loginQrCode;
    status.set('waiting-for-login', { loginQrCode: code, detail: SCAN_DETAIL[scanStatus] });
    if (code && code !== loggedQrCode && scanStatus === ScanStatus.Waiting) {
      loggedQrCode = code;
      // The payload is not a person's secret; the operator needs it to log the bot's account in.
      log.info({ loginQrCode: code }, 'wechat login QR code waiting for a scan (also on the console channel page)');
    }
  });

  bot.on('login', () => {
    if (stopped()) return;
    status.set('running');
    log.info('wechat account logged in');
  });

  bot.on('logout', () => {
    if (stopped()) return;
    status.set('waiting-for-login', { detail: 'logged out; waiting for a new QR code' });
    log.warn('wechat account logged out');
  });

  bot.on('message', (message) => {
    if (!stopped()) void onMessage(message, ctx);
  });
  bot.on('friendship', (friendship) => {
    if (!stopped()) void onFriendship(friendship, ctx);
  });

  bot.on('error', (error) => {
    // Puppet errors can quote session URLs or message content: type and code only.
    log.warn({ errorType: error.name, code: error.code }, 'wechaty reported an error');
    if (status.current === 'starting') status.set('error', { detail: 'the puppet failed to start; see the log' });
  });
}

async function onMessage(message: Message, ctx: EventContext): Promise<void> {
  try {
    const decision = toInbound(message);
    if (decision.kind === 'ignore') {
      ctx.log.debug({ eventKey: message.id, reason: decision.reason }, 'wechat message ignored');
      return;
    }
    const inbound = decision.message;
    if (inbound.kind === 'text' && ctx.linker.isGreetingEcho(inbound.externalUserId, inbound.text ?? '')) {
      ctx.log.debug({ eventKey: inbound.eventKey, reason: 'greeting-echo' }, 'wechat message ignored');
      return;
    }
    ctx.status.touch(ctx.clock.now());
    await ctx.deliver(inbound);
  } catch (error) {
    ctx.log.warn({ eventKey: message.id, errorType: nameOf(error) }, 'wechat message could not be read');
  }
}

async function onFriendship(friendship: Friendship, ctx: EventContext): Promise<void> {
  try {
    ctx.status.touch(ctx.clock.now());
    await ctx.linker.onFriendship(friendship);
  } catch (error) {
    ctx.log.warn({ requestId: friendship.id, errorType: nameOf(error) }, 'wechat friend request could not be handled');
  }
}

function nameOf(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
