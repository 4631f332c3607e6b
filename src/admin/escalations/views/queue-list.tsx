import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { categoryLabel, levelLabel, statusLabel } from '../../i18n/labels.js';
import type { QueueRow } from '../queue-query.js';
import { Deadline, LevelBadge } from './deadline.js';

const QueueItem: FC<{ t: Translate; row: QueueRow; now: Date; showStation: boolean }> = ({ t, row, now, showStation }) => (
  <li class={`esc lvl-${row.level} st-${row.status.toLowerCase()}`} data-id={row.id} data-level={String(row.level)} data-status={row.status}>
    <a class="esc-link" href={`/admin/escalations/${row.id}`}>
      <span class="esc-head">
        <LevelBadge level={row.level} label={levelLabel(t, row.level)} />
        <span class="num">#{row.number}</span>
        <span class="pseudo">{row.pseudonym}</span>
        <span class={`status st-${row.status.toLowerCase()}`}>{statusLabel(t, row.status)}</span>
      </span>
      <span class="esc-meta">
        <Deadline t={t} now={now} status={row.status} ackDeadline={row.ackDeadline} outcome={row.outcome} />
        <span class="cats">{row.categories.map((c) => categoryLabel(t, c)).join(' · ')}</span>
        {showStation ? <span class="station">{row.stationName}</span> : null}
        <span class="assignee">{row.assignedTo ? t('queue.assigned', { name: row.assignedTo }) : t('queue.unassigned')}</span>
      </span>
      <span class="excerpt">{row.latest?.text ? row.latest.text : t('queue.noText')}</span>
    </a>
  </li>
);

/** The list itself: the queue page embeds it, and its script fetches it again on every change. */
export const QueueList: FC<{ t: Translate; rows: QueueRow[]; now: Date; showStation: boolean }> = ({ t, rows, now, showStation }) => (
  <div class="queue-wrap" data-count={String(rows.length)}>
    <p class="count">{t('queue.count', { count: rows.length })}</p>
    {rows.length === 0 ? (
      <p class="empty">{t('queue.empty')}</p>
    ) : (
      <ol class="queue">
        {rows.map((row) => (
          <QueueItem t={t} row={row} now={now} showStation={showStation} />
        ))}
      </ol>
    )}
  </div>
);
