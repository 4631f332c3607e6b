import type { ChannelAdapter } from '../../channels/channel.js';

export interface InviteLinks {
  /** https://t.me/<bot>?start=<code>, when the bot's username is known. */
  telegram: string | null;
  /** The web chat, where a person types the code, when it runs and PUBLIC_URL is set. */
  web: string | null;
}

const TELEGRAM_USERNAME = /^[A-Za-z0-9_]{5,32}$/;

/** The Telegram bot's username, once the channel has read it from the Bot API (getMe). */
export function telegramBotUsername(channels: ReadonlyMap<string, ChannelAdapter>): string | undefined {
  const name = channels.get('TELEGRAM')?.status().botUsername?.replace(/^@/, '');
  return name && TELEGRAM_USERNAME.test(name) ? name : undefined;
}

export function inviteLinks(code: string, options: { channels: ReadonlyMap<string, ChannelAdapter>; publicUrl?: string | undefined }): InviteLinks {
  const bot = telegramBotUsername(options.channels);
  // A start parameter allows letters, digits, _ and -; the bot reads the code without its dash too.
  const telegram = bot ? `https://t.me/${bot}?start=${code.replace(/-/g, '')}` : null;
  const web = options.channels.has('WEB') && options.publicUrl ? `${options.publicUrl.replace(/\/+$/, '')}/chat` : null;
  return { telegram, web };
}
