// Helpers for the People tests: a stand-in for the Telegram channel that
// reports its bot's username, and reading invite codes off a page.
import type { ChannelAdapter, ChannelStatus } from '../../../src/channels/channel.js';
import { TELEGRAM_CAPABILITIES } from '../../../src/channels/telegram/index.js';

export const BOT_USERNAME = 'tongxing_test_bot';

/**
 * The Telegram channel does not report its username yet; this stand-in
 * reports one in its status, as the console reads it (`botUsername`).
 */
export function telegramReportingUsername(username = BOT_USERNAME): ChannelAdapter {
  const status: ChannelStatus & { botUsername: string } = { channel: 'TELEGRAM', state: 'running', botUsername: username };
  return {
    channel: 'TELEGRAM',
    capabilities: TELEGRAM_CAPABILITIES,
    start: async () => undefined,
    stop: async () => undefined,
    send: async () => ({ ok: false, kind: 'rejected', reason: 'not used in these tests' }),
    status: () => status,
  };
}

/** The invite code shown on an invite page. */
export function codeOnPage(html: string): string | undefined {
  return /id="invite-code">\s*([2-9A-Z]{4}-[2-9A-Z]{4})\s*</.exec(html)?.[1];
}
