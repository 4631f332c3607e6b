import type { FC } from 'hono/jsx';
import type { EscalationOutcome, EscalationStatus } from '../../../generated/prisma/client.js';
import type { Translate } from '../../i18n/index.js';
import { formatDuration, outcomeLabel, statusLabel } from '../../i18n/labels.js';

/** Time left to acknowledge (or how long overdue); for acknowledged and resolved ones, their state. */
export const Deadline: FC<{
  t: Translate;
  now: Date;
  status: EscalationStatus;
  ackDeadline: Date;
  outcome: EscalationOutcome | null;
}> = ({ t, now, status, ackDeadline, outcome }) => {
  if (status === 'RESOLVED') return <span class="due done">{outcome ? outcomeLabel(t, outcome) : statusLabel(t, status)}</span>;
  if (status === 'ACKNOWLEDGED') return <span class="due acked">{statusLabel(t, status)}</span>;
  const left = ackDeadline.getTime() - now.getTime();
  return left > 0 ? (
    <span class="due">{t('queue.timeLeft', { time: formatDuration(t, left) })}</span>
  ) : (
    <span class="due overdue">{t('queue.overdue', { time: formatDuration(t, -left) })}</span>
  );
};

export const LevelBadge: FC<{ level: number; label: string }> = ({ level, label }) => (
  <span class={`badge lvl-${Math.max(0, Math.min(4, level))}`}>{label}</span>
);
