import type { Locale } from '../../i18n/index.js';
import { en } from './en.js';
import { zhCN, type ConversationKey } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { ConversationKey } from './zh-CN.js';

export const CONVERSATION_CATALOGS: Record<Locale, Record<ConversationKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** A conversation text in a locale, with {placeholders} filled. */
export function tr(locale: Locale, key: ConversationKey, params: Record<string, string | number> = {}): string {
  return CONVERSATION_CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
