import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Choice, OutboundMessage } from '../../core/messages.js';
import { splitText } from '../split-text.js';

/** Bot API limits. */
export const TELEGRAM_LIMITS = {
  /** sendMessage text, counted here in UTF-16 units. */
  textLength: 4096,
  /** callback_data is 1–64 bytes. */
  callbackDataBytes: 64,
  /** Our own cap on button labels (Telegram's is larger); longer ones end in "…". */
  buttonLabelLength: 64,
  /** Telegram's cap on buttons in one inline keyboard. */
  buttons: 100,
} as const;

export interface TelegramMessagePart {
  text: string;
  replyMarkup?: InlineKeyboardMarkup;
}

export type BuiltMessages = { ok: true; parts: TelegramMessagePart[] } | { ok: false; reason: string };

/**
 * An outbound message as one or more sendMessage calls: the text split at
 * 4,096 characters, plain (no parse_mode, so nothing in it is read as markup),
 * with the choices as an inline keyboard, one button per row, on the last part.
 */
export function buildTelegramMessages(message: OutboundMessage): BuiltMessages {
  const choices = message.choices ?? [];
  if (choices.length > TELEGRAM_LIMITS.buttons) {
    return { ok: false, reason: `${choices.length} choices; Telegram takes at most ${TELEGRAM_LIMITS.buttons} buttons` };
  }
  for (const choice of choices) {
    const bytes = Buffer.byteLength(choice.value, 'utf8');
    if (bytes === 0 || bytes > TELEGRAM_LIMITS.callbackDataBytes) {
      return { ok: false, reason: `a choice value is ${bytes} bytes; Telegram's callback_data takes 1–${TELEGRAM_LIMITS.callbackDataBytes}` };
    }
    if (choice.label.trim() === '') return { ok: false, reason: 'a choice has an empty label' };
  }

  // Telegram refuses whitespace-only texts; a split can leave such a piece between two breaks.
  const texts = splitText(message.text, TELEGRAM_LIMITS.textLength).filter((part) => part.trim() !== '');
  if (texts.length === 0) return { ok: false, reason: 'empty text' };
  const parts: TelegramMessagePart[] = texts.map((text) => ({ text }));
  const last = parts[parts.length - 1];
  if (last && choices.length > 0) last.replyMarkup = { inline_keyboard: choices.map((choice) => [button(choice)]) };
  return { ok: true, parts };
}

function button(choice: Choice): InlineKeyboardButton.CallbackButton {
  return { text: fitLabel(choice.label.trim(), TELEGRAM_LIMITS.buttonLabelLength), callback_data: choice.value };
}

/** Cuts a label to `max` characters (code points) ending in "…". */
export function fitLabel(label: string, max: number): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}
