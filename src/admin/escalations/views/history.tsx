import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { EVENT_KEYS, levelLabel, outcomeLabel } from '../../i18n/labels.js';
import { localTime } from '../../views/time.js';
import type { HistoryEvent } from '../detail-query.js';

function describe(t: Translate, event: HistoryEvent): string {
  const key = EVENT_KEYS[event.type];
  switch (event.type) {
    case 'RAISED':
      return t(key, { from: event.fromLevel ?? '?', to: event.toLevel ?? '?' });
    case 'OPENED':
      return event.toLevel ? `${t(key)} · ${levelLabel(t, event.toLevel)}` : t(key);
    case 'ASSIGNED':
      return t(key, { name: event.assignee ?? '—' });
    case 'RESOLVED':
      return t(key, { outcome: event.outcome ? outcomeLabel(t, event.outcome) : '—' });
    default:
      return t(key);
  }
}

/** Every step of an escalation, oldest first. */
export const History: FC<{ t: Translate; events: HistoryEvent[]; timezone: string }> = ({ t, events, timezone }) => (
  <ol class="history">
    {events.map((event) => (
      <li class={`ev ev-${event.type.toLowerCase()}`}>
        <time datetime={event.at.toISOString()}>{localTime(event.at, timezone)}</time>
        <span class="what">{describe(t, event)}</span>
        <span class="who">{event.actor ?? t('event.system')}</span>
        {event.note ? <p class="note">{event.note}</p> : null}
      </li>
    ))}
  </ol>
);
