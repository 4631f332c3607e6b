import { en } from './en.js';
import { zhCN, type AdminMessageKey } from './zh-CN.js';

export type { AdminMessageKey } from './zh-CN.js';

export const ADMIN_LOCALES = ['zh-CN', 'en'] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

export const ADMIN_CATALOGS: Record<AdminLocale, Record<AdminMessageKey, string>> = { 'zh-CN': zhCN, en };

export type Translate = (key: AdminMessageKey, params?: Record<string, string | number>) => string;

/** The console speaks zh-CN and en; any other staff locale (zh-TW included) reads zh-CN. */
export function adminLocale(value: string | null | undefined): AdminLocale {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** Before login: the browser's first language preference decides. */
export function localeFromAcceptLanguage(header: string | undefined): AdminLocale {
  const first = header?.split(',')[0]?.trim();
  return adminLocale(first);
}

export function translator(locale: AdminLocale): Translate {
  const catalog = ADMIN_CATALOGS[locale];
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
