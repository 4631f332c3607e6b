import type { Locale } from '../../i18n/index.js';
import { en } from './en.js';
import { zhCN, type SchedulerKey } from './zh-CN.js';
import { zhTW } from './zh-TW.js';

export type { SchedulerKey } from './zh-CN.js';

export const SCHEDULER_CATALOGS: Record<Locale, Record<SchedulerKey, string>> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

/** A scheduler text in a locale, with {placeholders} filled. */
export function st(locale: Locale, key: SchedulerKey, params: Record<string, string | number> = {}): string {
  return SCHEDULER_CATALOGS[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
