import type { ContentKind } from '../../generated/prisma/client.js';
import { LOCALES, type Locale } from '../../i18n/index.js';
import type { AdminMessageKey, Translate } from '../i18n/index.js';

const KIND: Record<ContentKind, AdminMessageKey> = {
  HOTLINE: 'content.kind.HOTLINE',
  RELIEF_PROGRAM: 'content.kind.RELIEF_PROGRAM',
  FAQ: 'content.kind.FAQ',
  FAMILY_GUIDE: 'content.kind.FAMILY_GUIDE',
};

const LOCALE: Record<Locale, AdminMessageKey> = { 'zh-CN': 'content.locale.zh-CN', 'zh-TW': 'content.locale.zh-TW', en: 'content.locale.en' };

function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export const kindLabel = (t: Translate, kind: ContentKind) => t(KIND[kind]);

export function localeLabel(t: Translate, locale: string): string {
  return isLocale(locale) ? t(LOCALE[locale]) : locale;
}

/** "Everywhere", "Region: CN-Hunan", "Station: 示范指导站". */
export function scopeLabel(t: Translate, scope: string, stations: ReadonlyMap<string, string>): string {
  if (scope === 'global') return t('content.scope.global');
  if (scope.startsWith('region:')) return t('content.scope.region', { region: scope.slice('region:'.length) });
  if (scope.startsWith('station:')) {
    const id = scope.slice('station:'.length);
    return t('content.scope.station', { name: stations.get(id) ?? id });
  }
  return scope;
}

const DONE: Record<string, AdminMessageKey> = {
  created: 'content.done.created',
  updated: 'content.done.updated',
  retired: 'content.done.retired',
  restored: 'content.done.restored',
};
const ERRORS: Record<string, AdminMessageKey> = { invalid: 'content.error.invalid', duplicate: 'content.error.duplicate' };

export function contentNotice(t: Translate, query: Record<string, string>): string | undefined {
  const key = DONE[query.done ?? ''];
  return key ? t(key) : undefined;
}

export function contentError(t: Translate, query: Record<string, string>): string | undefined {
  const key = ERRORS[query.error ?? ''];
  return key ? t(key) : undefined;
}
