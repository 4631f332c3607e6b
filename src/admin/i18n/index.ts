import { catalogSection, type SectionKey } from './catalog-section.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';
import { STAFF_AREA_SECTIONS } from '../staff/sections.js';
import { schedulesCatalog } from '../schedules/i18n/index.js';
import { reliefSection } from '../relief/i18n.js';
import { contentSection } from '../content/i18n.js';
import { broadcastSection } from '../broadcasts/i18n.js';
import { peopleSection } from '../people/i18n.js';

const core = catalogSection(zhCN, en);

/**
 * Every area's strings. To add an area: export `catalogSection(zh, en)` from
 * its folder and list it here; a unit test rejects keys defined twice.
 */
export const ADMIN_SECTIONS = [core, reliefSection, contentSection, broadcastSection, schedulesCatalog, ...STAFF_AREA_SECTIONS, peopleSection] as const;

export type AdminMessageKey = SectionKey<(typeof ADMIN_SECTIONS)[number]>;

export const ADMIN_LOCALES = ['zh-CN', 'en'] as const;
export type AdminLocale = (typeof ADMIN_LOCALES)[number];

function merged(locale: AdminLocale): Record<AdminMessageKey, string> {
  return Object.assign({}, ...ADMIN_SECTIONS.map((section) => section[locale])) as Record<AdminMessageKey, string>;
}

export const ADMIN_CATALOGS: Record<AdminLocale, Record<AdminMessageKey, string>> = { 'zh-CN': merged('zh-CN'), en: merged('en') };

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
