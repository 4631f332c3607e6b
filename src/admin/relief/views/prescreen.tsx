import type { FC } from 'hono/jsx';
import { tr } from '../../../conversation/i18n/index.js';
import type { AdminLocale, Translate } from '../../i18n/index.js';
import type { Prescreen } from '../answers.js';

function answerLabel(t: Translate, answer: boolean | undefined): string {
  if (answer === undefined) return t('relief.answerNone');
  return t(answer ? 'relief.answerYes' : 'relief.answerNo');
}

/** The pre-screen: the questions as the person saw them (in the staff member's language) and their answers. */
export const PrescreenAnswers: FC<{ t: Translate; locale: AdminLocale; prescreen: Prescreen; open?: boolean }> = ({ t, locale, prescreen, open = false }) => (
  <details class="prescreen" open={open}>
    <summary>{t(prescreen.result === 'likely' ? 'relief.prescreenLikely' : 'relief.prescreenUnsure')}</summary>
    <ul>
      {prescreen.answers.map((a) => (
        <li>
          <span class="q">{tr(locale, a.question)}</span> <strong class={`a a-${String(a.answer)}`}>{answerLabel(t, a.answer)}</strong>
        </li>
      ))}
    </ul>
  </details>
);
