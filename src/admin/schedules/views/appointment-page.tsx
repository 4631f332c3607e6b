import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import { appointmentStatusLabel, attendanceLabel, kindLabel, reasonLabel, reminderStatusLabel, resultLabel } from '../labels.js';
import type { OutlookLine } from '../outlook.js';
import type { AppointmentView, AttendeeView } from '../query.js';
import { RECORDED_STATUSES, TEST_RESULTS } from '../schema.js';
import { ReminderLines } from './reminder-lines.js';

const DRUG_TESTS = new Set(['URINE_TEST', 'HAIR_TEST']);

const AttendanceForm: FC<{ t: Translate; view: AppointmentView; attendee: AttendeeView; csrfToken: string }> = ({ t, view, attendee, csrfToken }) => (
  <form method="post" action={`/admin/schedules/appointments/${view.id}/attendance`} class="row attendance-form">
    <CsrfField token={csrfToken} />
    <input type="hidden" name="participantId" value={attendee.participantId} />
    <label>
      {t('sched.attendance')}
      <select name="status" required>
        {RECORDED_STATUSES.map((s) => (
          <option value={s} selected={attendee.status === s}>
            {attendanceLabel(t, s)}
          </option>
        ))}
      </select>
    </label>
    {DRUG_TESTS.has(view.kind) ? (
      <label>
        {t('sched.result')}
        <select name="result">
          <option value="">{t('sched.result.none')}</option>
          {TEST_RESULTS.map((r) => (
            <option value={r} selected={attendee.result === r}>
              {resultLabel(t, r)}
            </option>
          ))}
        </select>
      </label>
    ) : null}
    <button type="submit">{t('sched.record')}</button>
  </form>
);

const Attendees: FC<{ t: Translate; view: AppointmentView; csrfToken: string }> = ({ t, view, csrfToken }) => (
  <section class="card">
    <h2>{t('sched.attendees', { count: view.attendees.length })}</h2>
    <ul class="attendees">
      {view.attendees.map((a) => (
        <li data-participant={a.participantId}>
          <span class="att-head">
            <span class="pseudo">{a.pseudonym}</span>
            <span class={`status att-${a.status.toLowerCase()}`}>{attendanceLabel(t, a.status)}</span>
            {DRUG_TESTS.has(view.kind) && a.result ? <span>{resultLabel(t, a.result)}</span> : null}
            {a.canRecord ? <a href={`/admin/schedules/participants/${a.participantId}`}>{t('sched.settingsLink')}</a> : null}
          </span>
          {a.canRecord && view.status !== 'CANCELLED' ? <AttendanceForm t={t} view={view} attendee={a} csrfToken={csrfToken} /> : null}
        </li>
      ))}
    </ul>
  </section>
);

const Reminders: FC<{ t: Translate; view: AppointmentView; lines: OutlookLine[]; hint: string }> = ({ t, view, lines, hint }) => (
  <section class="card">
    <h2>{t('sched.reminders')}</h2>
    <p class="hint">{hint}</p>
    {view.reminders.length === 0 ? (
      <ReminderLines t={t} lines={lines} timezone={view.timezone} />
    ) : (
      <ul class="rem-lines" id="reminder-rows">
        {view.reminders.map((r) => (
          <li class={`rem rem-${r.status.toLowerCase()}`} data-status={r.status}>
            <time datetime={r.dueAt.toISOString()}>{localTime(r.dueAt, view.timezone)}</time> <span class="pseudo">{r.pseudonym ?? ''}</span>{' '}
            <span class="rem-status">{reminderStatusLabel(t, r.status)}</span>
            {r.skipReason ? <span class="hint"> · {reasonLabel(t, r.skipReason)}</span> : null}
          </li>
        ))}
      </ul>
    )}
  </section>
);

const Changes: FC<{ t: Translate; view: AppointmentView; csrfToken: string; date: string; time: string }> = ({ t, view, csrfToken, date, time }) => (
  <section class="card actions">
    <h2>{t('sched.move')}</h2>
    <form method="post" action={`/admin/schedules/appointments/${view.id}/move`} class="row" id="move-form">
      <CsrfField token={csrfToken} />
      <label>
        {t('sched.field.date')}
        <input type="date" name="date" value={date} required />
      </label>
      <label>
        {t('sched.field.time', { zone: view.timezone })}
        <input type="time" name="time" value={time} required />
      </label>
      <button type="submit">{t('sched.moveSubmit')}</button>
    </form>
    <p class="hint">{t('sched.moveHint')}</p>
    <form method="post" action={`/admin/schedules/appointments/${view.id}/cancel`} id="cancel-form">
      <CsrfField token={csrfToken} />
      <button type="submit" class="danger">
        {t('sched.cancel')}
      </button>
      <p class="hint">{t('sched.cancelHint')}</p>
    </form>
  </section>
);

export const AppointmentPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  view: AppointmentView;
  lines: OutlookLine[];
  remindersHint: string;
  /** Local date and time of the start, to prefill the move form. */
  local: { date: string; time: string };
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, view, lines, remindersHint, local, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={`${kindLabel(t, view.kind)} · ${localTime(view.startsAt, view.timezone)}`} signedIn={{ staff, csrfToken }}>
    <p>
      <a href={`/admin/schedules?view=week&week=${local.date}`}>{t('sched.back')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <h1 class="detail-title">
      {kindLabel(t, view.kind)}
      <span class={`status st-${view.status.toLowerCase()}`} id="status">
        {appointmentStatusLabel(t, view.status)}
      </span>
    </h1>
    <dl class="facts card">
      <dt>{t('sched.field.when')}</dt>
      <dd>
        {localTime(view.startsAt, view.timezone)} ({view.timezone})
      </dd>
      {view.endsAt ? (
        <>
          <dt>{t('sched.field.ends')}</dt>
          <dd>{localTime(view.endsAt, view.timezone)}</dd>
        </>
      ) : null}
      <dt>{t('sched.field.station')}</dt>
      <dd>{view.stationName}</dd>
      {view.place ? (
        <>
          <dt>{t('sched.field.place')}</dt>
          <dd>{view.place}</dd>
        </>
      ) : null}
      {view.topic ? (
        <>
          <dt>{t('sched.field.topic')}</dt>
          <dd>{view.topic}</dd>
        </>
      ) : null}
      {view.title ? (
        <>
          <dt>{t('sched.field.title')}</dt>
          <dd>{view.title}</dd>
        </>
      ) : null}
      {view.recurrenceRule ? (
        <>
          <dt>{t('sched.field.repeat')}</dt>
          <dd class="pseudo">{view.recurrenceRule}</dd>
        </>
      ) : null}
    </dl>
    <Attendees t={t} view={view} csrfToken={csrfToken} />
    <Reminders t={t} view={view} lines={lines} hint={remindersHint} />
    {view.access === 'act' && view.status === 'SCHEDULED' ? (
      <Changes t={t} view={view} csrfToken={csrfToken} date={local.date} time={local.time} />
    ) : view.access === 'read' ? (
      <p class="readonly card">{t('sched.readOnly')}</p>
    ) : null}
  </Layout>
);
