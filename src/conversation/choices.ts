import type { Choice } from '../core/messages.js';

/**
 * Choice values the engine offers. They come back as `turn.choice` when a
 * button is tapped (or a number is typed on numbered channels), so they are
 * short (Telegram allows 64 bytes) and carry everything the step needs.
 */
export const MENU = {
  menu: 'm:menu',
  help: 'm:help',
  language: 'm:lang',
  checkIn: 'm:checkin',
  appointments: 'm:appts',
  hotlines: 'm:hotlines',
  relief: 'm:relief',
  contact: 'm:contact',
  familySupport: 'f:support',
  familyRelapse: 'f:relapse',
  familyOverdose: 'f:overdose',
  familySelfCare: 'f:selfcare',
  familyVisit: 'f:visit',
  familyReport: 'f:report',
  familyUpdates: 'f:updates',
} as const;

export type MenuAction = (typeof MENU)[keyof typeof MENU];

const MENU_VALUES = new Set<string>(Object.values(MENU));

export function isMenuAction(value: string): value is MenuAction {
  return MENU_VALUES.has(value);
}

export const CHECK_IN = {
  mood: (n: number) => `ci:m:${n}`,
  craving: (n: number) => `ci:c:${n}`,
  used: (yes: boolean) => `ci:u:${yes ? 'y' : 'n'}`,
  dose: (yes: boolean) => `ci:d:${yes ? 'y' : 'n'}`,
  skipNote: 'ci:n:skip',
} as const;

export const APPOINTMENT = {
  confirm: (appointmentId: string) => `ap:c:${appointmentId}`,
  reschedule: (appointmentId: string) => `ap:r:${appointmentId}`,
} as const;

/**
 * `ap:c:<id>` / `ap:r:<id>` (the list here), or `appt:ok:<id>` / `appt:move:<id>`
 * (the scheduler's reminders) → what and which, or undefined.
 */
export function parseAppointmentChoice(value: string): { action: 'confirm' | 'reschedule'; appointmentId: string } | undefined {
  const match = /^(?:ap:([cr])|appt:(ok|move)):([0-9a-f-]{36})$/.exec(value);
  if (!match) return undefined;
  const confirm = match[1] === 'c' || match[2] === 'ok';
  return { action: confirm ? 'confirm' : 'reschedule', appointmentId: match[3] ?? '' };
}

export const SITUATIONS = ['crisis', 'psychological', 'drug', 'family'] as const;
export type Situation = (typeof SITUATIONS)[number];
export const hotlineChoice = (situation: Situation) => `hl:${situation}`;

export function parseHotlineChoice(value: string): Situation | undefined {
  const name = value.startsWith('hl:') ? value.slice(3) : '';
  return (SITUATIONS as readonly string[]).includes(name) ? (name as Situation) : undefined;
}

export const RELIEF_PROGRAMS = ['TEMPORARY_RELIEF', 'MINIMUM_LIVING', 'MEDICAL_ASSISTANCE', 'EMPLOYMENT_ASSISTANCE'] as const;
export type ReliefProgramKey = (typeof RELIEF_PROGRAMS)[number];
export const reliefProgramChoice = (program: ReliefProgramKey) => `rp:${program}`;

export function parseReliefProgramChoice(value: string): ReliefProgramKey | undefined {
  const name = value.startsWith('rp:') ? value.slice(3) : '';
  return (RELIEF_PROGRAMS as readonly string[]).includes(name) ? (name as ReliefProgramKey) : undefined;
}

export const RELIEF = {
  start: 'rl:go',
  yes: 'rl:y',
  no: 'rl:n',
  ask: 'rl:ask',
  decline: 'rl:no',
} as const;

export const FAMILY = { askAboutVisit: 'fv:ask' } as const;

export const LANGUAGE_CHOICES = [
  { label: '简体中文', value: 'lang:zh-CN' },
  { label: '繁體中文', value: 'lang:zh-TW' },
  { label: 'English', value: 'lang:en' },
] as const satisfies readonly Choice[];

/**
 * The most choices one message offers, whatever the channel (the engine does
 * not see channel capabilities): the web chat's 12 (LINE takes 13).
 */
export const MAX_CHOICES = 12;

/** Joins choice lists, dropping repeated values, up to MAX_CHOICES. */
export function mergeChoices(...lists: (readonly Choice[] | undefined)[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const choice of lists.flatMap((list) => list ?? [])) {
    if (seen.has(choice.value) || out.length >= MAX_CHOICES) continue;
    seen.add(choice.value);
    out.push({ label: choice.label, value: choice.value });
  }
  return out;
}
