import { LOCALES, type Locale } from '../../i18n/index.js';
import { LANGUAGE_CHOICES, mergeChoices } from '../choices.js';
import { tr } from '../i18n/index.js';
import { normalise } from '../input.js';
import { backChoice, withMenu } from '../menu.js';
import type { FlowContext, Input, Reply } from '../types.js';

export function askLanguage(ctx: FlowContext, lead?: string): Reply {
  const text = tr(ctx.locale, 'language.ask');
  return {
    messages: [{ text: lead ? `${lead}\n\n${text}` : text, choices: mergeChoices(LANGUAGE_CHOICES, [backChoice(ctx.locale)]) }],
    next: { flow: 'language', step: 'choose', data: {} },
  };
}

/** `lang:en` → "en". */
export function localeFromChoice(value: string): Locale | undefined {
  const name = value.startsWith('lang:') ? value.slice(5) : '';
  return (LOCALES as readonly string[]).includes(name) ? (name as Locale) : undefined;
}

const WORDS: [RegExp, Locale][] = [
  [/^(en|eng|english|英文|英语|英語)$/u, 'en'],
  [/繁|正體|正体|traditional|台湾|台灣|香港|zh-tw|zh-hk/u, 'zh-TW'],
  [/简|簡|普通话|普通話|中文|汉语|漢語|simplified|chinese|zh-cn|zh/u, 'zh-CN'],
];

export function localeFromText(text: string): Locale | undefined {
  const n = normalise(text);
  return WORDS.find(([pattern]) => pattern.test(n))?.[1];
}

/** Stores the new locale on the participant or family member; the reply and everything after use it. */
export async function setLanguage(ctx: FlowContext, locale: Locale): Promise<Reply> {
  const { tx, profile } = ctx;
  if (profile.kind === 'participant') await tx.participant.update({ where: { id: profile.participant.id }, data: { locale } });
  else if (profile.family) await tx.familyMember.update({ where: { id: profile.family.id }, data: { locale } });
  const updated = { ...profile, locale };
  return { messages: [withMenu(updated, tr(locale, 'language.changed'))] };
}

export async function continueLanguage(ctx: FlowContext, input: Input): Promise<Reply> {
  const locale = input.kind === 'text' ? localeFromText(input.text) : undefined;
  if (locale) return setLanguage(ctx, locale);
  return askLanguage(ctx, tr(ctx.locale, 'language.retry'));
}
