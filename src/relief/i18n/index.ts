import type { Locale } from '../../i18n/index.js';
import { en } from './en.js';
import { zhCN, type ReliefMessageKey } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { ReliefMessageKey } from './zh-CN.js';

export const RELIEF_CATALOGS: Record<Locale, Record<ReliefMessageKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** A relief message in a locale, with {placeholders} filled. */
export function rt(locale: Locale, key: ReliefMessageKey, params: Record<string, string | number> = {}): string {
  return RELIEF_CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
