import type { ChannelAdapter } from '../../channels/channel.js';
import { telegramBotUsername } from '../people/invite-links.js';

/** Where a staff linking code can be used with one tap; the code itself always works when typed. */
export interface InviteLinks {
  /** https://t.me/<bot>?start=<code>, when the Telegram channel reports its bot's username. */
  telegram: string | null;
}

/** Same deep-link form as participants' invites (the bot reads the code without its dash). */
export function inviteLinks(code: string, channels: ReadonlyMap<string, ChannelAdapter>): InviteLinks {
  const bot = telegramBotUsername(channels);
  return { telegram: bot ? `https://t.me/${bot}?start=${code.replace(/-/g, '')}` : null };
}

/** The chat apps that are switched on and take a linking code (the web chat links people, not staff). */
export function linkableChannels(channels: ReadonlyMap<string, ChannelAdapter>): ('TELEGRAM' | 'LINE' | 'WECHAT')[] {
  return (['TELEGRAM', 'LINE', 'WECHAT'] as const).filter((name) => channels.has(name));
}
