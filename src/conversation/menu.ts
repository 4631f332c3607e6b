import type { Choice, OutboundMessage } from '../core/messages.js';
import type { Locale } from '../i18n/index.js';
import { MENU, mergeChoices, type MenuAction } from './choices.js';
import { tr, type ConversationKey } from './i18n/index.js';
import type { Profile } from './profile.js';

const PARTICIPANT_ITEMS: [ConversationKey, MenuAction][] = [
  ['menu.checkIn', MENU.checkIn],
  ['menu.appointments', MENU.appointments],
  ['menu.hotlines', MENU.hotlines],
  ['menu.relief', MENU.relief],
  ['menu.contact', MENU.contact],
  ['menu.language', MENU.language],
  ['menu.help', MENU.help],
];

const FAMILY_ITEMS: [ConversationKey, MenuAction][] = [
  ['menu.familySupport', MENU.familySupport],
  ['menu.familyRelapse', MENU.familyRelapse],
  ['menu.familyOverdose', MENU.familyOverdose],
  ['menu.familySelfCare', MENU.familySelfCare],
  ['menu.familyVisit', MENU.familyVisit],
  ['menu.familyReport', MENU.familyReport],
  ['menu.familyUpdates', MENU.familyUpdates],
  ['menu.hotlines', MENU.hotlines],
  ['menu.language', MENU.language],
  ['menu.help', MENU.help],
];

const PARTICIPANT_ONLY = new Set<MenuAction>([MENU.checkIn, MENU.appointments, MENU.relief, MENU.contact]);

/** Whether a menu action belongs to this person's menu. */
export function isAllowed(action: MenuAction, profile: Profile): boolean {
  if (action.startsWith('f:')) return profile.kind === 'family';
  if (PARTICIPANT_ONLY.has(action)) return profile.kind === 'participant';
  return true;
}

/** The person's menu as choices; "updates" only when the participant shares something. */
export function menuChoices(profile: Profile): Choice[] {
  const { locale } = profile;
  const items = profile.kind === 'participant' ? PARTICIPANT_ITEMS : FAMILY_ITEMS;
  return items
    .filter(([, action]) => action !== MENU.familyUpdates || (profile.family?.sharingScope ?? 'NONE') !== 'NONE')
    .map(([key, value]) => ({ label: tr(locale, key, { name: profile.participant.displayName }), value }));
}

export function backChoice(locale: Locale): Choice {
  return { label: tr(locale, 'menu.back'), value: MENU.menu };
}

/** A text with the menu (after any choices of its own) as the choices. */
export function withMenu(profile: Profile, text: string, own: readonly Choice[] = []): OutboundMessage {
  return { text, choices: mergeChoices(own, menuChoices(profile)) };
}

/** The menu, optionally after a short lead line (e.g. "that option expired"). */
export function menuMessage(profile: Profile, lead?: string): OutboundMessage {
  const title = tr(profile.locale, profile.kind === 'participant' ? 'menu.participant' : 'menu.family', { name: profile.displayName });
  return withMenu(profile, lead ? `${lead}\n\n${title}` : title);
}

export function helpMessage(profile: Profile): OutboundMessage {
  const key = profile.kind === 'participant' ? 'help.participant' : 'help.family';
  return withMenu(profile, tr(profile.locale, key, { emergency: profile.station.emergencyNumber }));
}
