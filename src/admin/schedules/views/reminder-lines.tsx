import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { localTime } from '../../views/time.js';
import { reminderStatusLabel } from '../labels.js';
import type { OutlookLine } from '../outlook.js';

/** What goes out for an appointment: time, status (planned, sent, skipped, cancelled or expected), how many people. */
export const ReminderLines: FC<{ t: Translate; lines: OutlookLine[]; timezone: string }> = ({ t, lines, timezone }) =>
  lines.length === 0 ? (
    <p class="hint rem-none">{t('sched.noReminders')}</p>
  ) : (
    <ul class="rem-lines" aria-label={t('sched.reminders')}>
      {lines.map((line) => (
        <li class={`rem rem-${line.status.toLowerCase()}`} data-status={line.status}>
          <time datetime={line.at.toISOString()}>{localTime(line.at, timezone)}</time>{' '}
          <span class="rem-status">{line.status === 'EXPECTED' ? t('sched.rem.expected') : reminderStatusLabel(t, line.status)}</span>
          {line.count > 1 ? <span class="rem-count"> {t('sched.rem.count', { count: line.count })}</span> : null}
        </li>
      ))}
    </ul>
  );
