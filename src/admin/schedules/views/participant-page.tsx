import type { FC } from 'hono/jsx';
import { defaultCadence, WEEKDAYS } from '../../../scheduler/cadence.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import { DAY } from '../labels.js';
import type { OutlookLine } from '../outlook.js';
import type { ParticipantSchedule } from '../participant-settings.js';
import type { AppointmentView } from '../query.js';
import { AppointmentCard } from './appointment-card.js';

type Mode = 'default' | 'daily' | 'weekly' | 'days' | 'custom';

/** Which of the form's choices the stored cadence is. */
function currentMode(cadence: string | null): { mode: Mode; day?: string; days: string[] } {
  if (cadence === null) return { mode: 'default', days: [] };
  const value = cadence.trim().toUpperCase();
  if (value === 'DAILY') return { mode: 'daily', days: [] };
  const weekly = /^WEEKLY:([A-Z]{3})$/.exec(value);
  if (weekly?.[1]) return { mode: 'weekly', day: weekly[1], days: [] };
  const days = /^DAYS:([A-Z,]+)$/.exec(value);
  if (days?.[1]) return { mode: 'days', days: days[1].split(',') };
  return { mode: 'custom', days: [] };
}

const MuteForm: FC<{ t: Translate; person: ParticipantSchedule; csrfToken: string; resumeMin: string; resumeMax: string }> = ({
  t,
  person,
  csrfToken,
  resumeMin,
  resumeMax,
}) => (
  <section class="card actions">
    <h2>{t('sched.person.mute')}</h2>
    <p id="mute-state">
      {person.mutedUntil ? t('sched.person.mutedUntil', { date: localTime(person.mutedUntil, person.timezone) }) : t('sched.person.notMuted')}
    </p>
    <form method="post" action={`/admin/schedules/participants/${person.id}/mute`} class="row" id="mute-form">
      <CsrfField token={csrfToken} />
      <label>
        {t('sched.person.resumeOn')}
        <input type="date" name="resumeOn" min={resumeMin} max={resumeMax} required />
      </label>
      <button type="submit">{t('sched.person.muteSubmit')}</button>
    </form>
    {person.mutedUntil ? (
      <form method="post" action={`/admin/schedules/participants/${person.id}/mute`} id="unmute-form">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="clear" value="1" />
        <button type="submit">{t('sched.person.unmute')}</button>
      </form>
    ) : null}
  </section>
);

const CheckInForm: FC<{ t: Translate; person: ParticipantSchedule; csrfToken: string }> = ({ t, person, csrfToken }) => {
  const current = currentMode(person.checkInCadence);
  const radio = (mode: Mode, label: string) => (
    <label class="check">
      <input type="radio" name="mode" value={mode} checked={current.mode === mode} />
      {label}
    </label>
  );
  return (
    <section class="card actions">
      <h2>{t('sched.person.checkIn')}</h2>
      <p>{t('sched.person.current', { cadence: person.checkInCadence ?? defaultCadence(person.track, person.riskTier), time: person.checkInTime })}</p>
      <form method="post" action={`/admin/schedules/participants/${person.id}/check-in`} class="stack" id="check-in-form">
        <CsrfField token={csrfToken} />
        {radio('default', t('sched.cadence.default', { cadence: defaultCadence(person.track, person.riskTier) }))}
        {radio('daily', t('sched.cadence.daily'))}
        <div class="row">
          {radio('weekly', t('sched.cadence.weekly'))}
          <select name="day" aria-label={t('sched.field.weekday')}>
            {WEEKDAYS.map((d) => (
              <option value={d} selected={current.day === d}>
                {t(DAY[d])}
              </option>
            ))}
          </select>
        </div>
        {radio('days', t('sched.cadence.days'))}
        <div class="row days">
          {WEEKDAYS.map((d) => (
            <label class="check">
              <input type="checkbox" name="days" value={d} checked={current.days.includes(d)} />
              {t(DAY[d])}
            </label>
          ))}
        </div>
        <div class="row">
          {radio('custom', t('sched.cadence.custom'))}
          <input type="text" name="custom" maxlength={60} placeholder={t('sched.person.customHint')} value={current.mode === 'custom' ? (person.checkInCadence ?? '') : ''} />
        </div>
        <label>
          {t('sched.person.time', { zone: person.timezone })}
          <input type="time" name="time" value={person.checkInTime} required />
        </label>
        <button type="submit" class="primary">
          {t('sched.person.save')}
        </button>
      </form>
    </section>
  );
};

export const ParticipantSchedulePage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  person: ParticipantSchedule;
  canAct: boolean;
  upcoming: { view: AppointmentView; lines: OutlookLine[] }[];
  resume: { min: string; max: string };
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, person, canAct, upcoming, resume, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={t('sched.person.title', { pseudonym: person.pseudonym })} signedIn={{ staff, csrfToken }}>
    <p>
      <a href="/admin/schedules">{t('sched.back')}</a>
    </p>
    <h1>{t('sched.person.title', { pseudonym: person.pseudonym })}</h1>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    {canAct ? (
      <>
        <MuteForm t={t} person={person} csrfToken={csrfToken} resumeMin={resume.min} resumeMax={resume.max} />
        <CheckInForm t={t} person={person} csrfToken={csrfToken} />
      </>
    ) : (
      <p class="readonly card">{t('sched.readOnly')}</p>
    )}
    <section class="card">
      <h2>{t('sched.person.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('sched.person.none')}</p>
      ) : (
        <ul class="appts list">
          {upcoming.map(({ view, lines }) => (
            <AppointmentCard t={t} view={view} lines={lines} showStation={false} showDate={true} />
          ))}
        </ul>
      )}
    </section>
  </Layout>
);
