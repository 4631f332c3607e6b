import type { Choice } from '../../core/messages.js';
import { DEFAULT_LOCALE, t, type Locale } from '../../i18n/index.js';

/**
 * Choices as numbered text options under the message, for channels without
 * buttons. The pipeline maps a number reply back to the choice.
 *
 *   我的安排
 *
 *   1. 签到
 *   2. 我的安排
 *   回复数字选择。
 */
export function renderNumberedChoices(text: string, choices: readonly Choice[], locale: Locale = DEFAULT_LOCALE): string {
  if (choices.length === 0) return text;
  const options = choices.map((choice, index) => `${index + 1}. ${choice.label}`).join('\n');
  const block = `${options}\n${t(locale, 'choice.numberedHint')}`;
  return text.trim() === '' ? block : `${text}\n\n${block}`;
}

export { splitText } from '../split-text.js';
