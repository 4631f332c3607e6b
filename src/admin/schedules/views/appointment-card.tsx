import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { localTime } from '../../views/time.js';
import { appointmentStatusLabel, kindLabel } from '../labels.js';
import type { OutlookLine } from '../outlook.js';
import type { AppointmentView } from '../query.js';
import { clockTime } from './format.js';
import { ReminderLines } from './reminder-lines.js';

/** Names are shown for a few attendees; a class shows its size. */
const SHOW_NAMES = 3;

/** One appointment in the list or a week column. */
export const AppointmentCard: FC<{
  t: Translate;
  view: AppointmentView;
  lines: OutlookLine[];
  showStation: boolean;
  showDate: boolean;
}> = ({ t, view, lines, showStation, showDate }) => (
  <li class={`appt appt-${view.status.toLowerCase()}`} data-id={view.id}>
    <a class="appt-link" href={`/admin/schedules/appointments/${view.id}`}>
      <span class="appt-head">
        <time datetime={view.startsAt.toISOString()}>{showDate ? localTime(view.startsAt, view.timezone) : clockTime(view.startsAt, view.timezone)}</time>
        <strong>{kindLabel(t, view.kind)}</strong>
        {view.status !== 'SCHEDULED' ? <span class={`status st-${view.status.toLowerCase()}`}>{appointmentStatusLabel(t, view.status)}</span> : null}
      </span>
      {view.topic || view.title ? <span class="appt-topic">{view.topic ?? view.title}</span> : null}
      <span class="appt-meta">
        {view.attendees.length <= SHOW_NAMES
          ? view.attendees.map((a) => <span class="pseudo">{a.pseudonym}</span>)
          : t('sched.attendeeCount', { count: view.attendees.length })}
        {view.place ? <span>{view.place}</span> : null}
        {showStation ? <span>{view.stationName}</span> : null}
      </span>
    </a>
    <ReminderLines t={t} lines={lines} timezone={view.timezone} />
  </li>
);

