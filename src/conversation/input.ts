import type { Turn } from '../pipeline/responder.js';
import { MENU, type MenuAction } from './choices.js';
import { CONVERSATION_CATALOGS, type ConversationKey } from './i18n/index.js';
import type { Input } from './types.js';

/** Width-folded, trimmed, lower-cased, single-spaced, without trailing punctuation. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s。.!！?？~～、,，]+$/u, '')
    .trim();
}

export type GlobalCommand = 'menu' | 'help' | 'language';

const COMMANDS: Record<GlobalCommand, readonly string[]> = {
  menu: ['菜单', '菜單', '選單', '选单', '主菜单', '主菜單', '目录', '目錄', 'menu', 'main menu', '返回菜单', '返回選單', 'back to menu'],
  help: ['帮助', '幫助', 'help', '?', '？', '帮忙', '幫忙'],
  language: ['语言', '語言', 'language', 'lang', '切换语言', '切換語言', 'change language', 'language 语言', '语言 language', '語言 language'],
};

/** 菜单/menu/選單, 帮助/help/幫助, 语言/language/語言: they work from any step. */
export function globalCommand(text: string): GlobalCommand | undefined {
  const n = normalise(text);
  for (const [command, words] of Object.entries(COMMANDS) as [GlobalCommand, readonly string[]][]) {
    if (words.includes(n)) return command;
  }
  return undefined;
}

/**
 * The turn as one input. A bare number typed where choices were offered picks
 * that choice (channels with buttons do not do this for us); anything else
 * stays text for the step to read.
 */
export function resolveInput(turn: Pick<Turn, 'text' | 'choice'>, offered: readonly string[]): Input {
  if (turn.choice) return { kind: 'choice', value: turn.choice };
  const text = turn.text ?? '';
  const match = /^\s*(\d{1,2})\s*[.、。)）]?\s*$/.exec(text.normalize('NFKC'));
  const picked = match ? offered[Number(match[1]) - 1] : undefined;
  return picked ? { kind: 'choice', value: picked } : { kind: 'text', text };
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10,
};

/** "7", "７", "七", "7分", "大概 7 吧", "7/10" → 7, when within [min, max]. */
export function parseNumber(text: string, min: number, max: number): number | undefined {
  const n = normalise(text);
  const match = /^(?:大概|大约|大約|差不多|about|around|maybe)?\s*(\d{1,2}|[零〇一二两兩三四五六七八九十])\s*(?:分|点|點|级|級|points?|\/\s*10|out of 10|\/\s*5)?\s*(?:吧|左右|啊|呀|吧)?$/u.exec(n);
  if (!match?.[1]) return undefined;
  const raw = match[1];
  const value = /^\d+$/.test(raw) ? Number(raw) : CHINESE_DIGITS[raw];
  if (value === undefined || value < min || value > max) return undefined;
  return value;
}

const NO = /^(没|沒|不|否|无|無|未|还没|還沒|no\b|nope|nah|n$|not\b|never|didn'?t|haven'?t|have not|did not)/u;
const YES = /^(是|有|对|對|嗯|用了|用过|用過|吃了|服了|喝了|好|行|可以|要|yes|y$|yeah|yep|yup|sure|ok|okay|taken|took|used|i used|i did|did|i have|have)/u;
const UNSURE = /(不知道|不确定|不確定|不清楚|说不清|說不清|don'?t know|not sure|unsure)/u;

/** Yes or no in Chinese or English; undefined when it is neither. */
export function parseYesNo(text: string): boolean | undefined {
  const n = normalise(text);
  if (!n || UNSURE.test(n)) return undefined;
  if (NO.test(n)) return false;
  if (YES.test(n)) return true;
  return undefined;
}

const SKIP = new Set(['跳过', '跳過', 'skip', '没有', '沒有', '没了', '沒了', '不用', '没什么', '沒什麼', 'no', 'nothing', 'none', 'nope', '无', '無']);

export function isSkip(text: string): boolean {
  return SKIP.has(normalise(text));
}

const SHORTCUT_KEYS: [ConversationKey, MenuAction][] = [
  ['menu.checkIn', MENU.checkIn],
  ['menu.appointments', MENU.appointments],
  ['menu.hotlines', MENU.hotlines],
  ['menu.relief', MENU.relief],
  ['menu.contact', MENU.contact],
  ['menu.familySupport', MENU.familySupport],
  ['menu.familyRelapse', MENU.familyRelapse],
  ['menu.familyOverdose', MENU.familyOverdose],
  ['menu.familySelfCare', MENU.familySelfCare],
  ['menu.familyVisit', MENU.familyVisit],
  ['menu.familyReport', MENU.familyReport],
];

const EXTRA_SHORTCUTS: [string, MenuAction][] = [
  ['签到吧', MENU.checkIn],
  ['打卡', MENU.checkIn],
  ['check in', MENU.checkIn],
  ['check-in', MENU.checkIn],
  ['checkin', MENU.checkIn],
  ['安排', MENU.appointments],
  ['appointments', MENU.appointments],
  ['热线', MENU.hotlines],
  ['熱線', MENU.hotlines],
  ['hotline', MENU.hotlines],
  ['救助', MENU.relief],
  ['relief', MENU.relief],
  ['社工', MENU.contact],
  ['caseworker', MENU.contact],
];

const SHORTCUTS: ReadonlyMap<string, MenuAction> = new Map([
  ...Object.values(CONVERSATION_CATALOGS).flatMap((catalog) =>
    SHORTCUT_KEYS.map(([key, action]) => [normalise(catalog[key]), action] as [string, MenuAction]),
  ),
  ...EXTRA_SHORTCUTS.map(([word, action]) => [normalise(word), action] as [string, MenuAction]),
]);

/** A menu item's label typed as text ("签到", "Check in") picks the item. */
export function menuShortcut(text: string): MenuAction | undefined {
  return SHORTCUTS.get(normalise(text));
}
