import { en } from './catalog/en.js';
import { zhCN, type MessageKey } from './catalog/zh-CN.js';
import { zhTW } from './catalog/zh-TW.js';
import type { Locale } from './locales.js';

export { asLocale, DEFAULT_LOCALE, LOCALES, type Locale } from './locales.js';
export type { MessageKey } from './catalog/zh-CN.js';

export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** The text for a key in a locale, with {placeholders} filled. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
