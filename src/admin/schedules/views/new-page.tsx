import type { FC } from 'hono/jsx';
import { WEEKDAYS } from '../../../scheduler/cadence.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import type { CreateFormValues } from '../forms.js';
import { DAY, kindLabel } from '../labels.js';
import type { PersonOption, StationOption } from '../query.js';
import { APPOINTMENT_KINDS, MAX_SERIES, TEXT_MAX } from '../schema.js';
import { StationSelect } from '../../views/station-select.js';

const NTH = [1, 2, 3, 4, 5, -1] as const;

const StationSwitch: FC<{ t: Translate; stations: StationOption[]; station: StationOption }> = ({ t, stations, station }) => (
  <form method="get" action="/admin/schedules/new" class="filters">
    <StationSelect label={t('sched.new.station')} stations={stations} selected={station.id} />
    <button type="submit">{t('sched.new.switch')}</button>
  </form>
);

const People: FC<{ t: Translate; people: PersonOption[]; values: CreateFormValues }> = ({ t, people, values }) => (
  <fieldset class="people">
    <legend>{t('sched.field.attendees')}</legend>
    <label class="check">
      <input type="checkbox" name="wholeStation" value="1" checked={values.wholeStation} />
      {t('sched.wholeStation')}
    </label>
    {people.length === 0 ? <p class="hint">{t('sched.noPeople')}</p> : null}
    {people.map((p) => (
      <label class="check">
        <input type="checkbox" name="attendees" value={p.id} checked={values.attendees.includes(p.id)} />
        <span class="pseudo">{p.pseudonym}</span> {p.displayName}
        {p.own ? <span class="badge">{t('sched.mine')}</span> : null}
      </label>
    ))}
  </fieldset>
);

const Repeat: FC<{ t: Translate; values: CreateFormValues }> = ({ t, values }) => (
  <fieldset class="repeat">
    <legend>{t('sched.field.repeat')}</legend>
    {(['none', 'weeks', 'monthly'] as const).map((r) => (
      <label class="check">
        <input type="radio" name="repeat" value={r} checked={(values.repeat ?? 'none') === r} />
        {t(r === 'none' ? 'sched.repeat.none' : r === 'weeks' ? 'sched.repeat.weeks' : 'sched.repeat.monthly')}
      </label>
    ))}
    <div class="row">
      <label>
        {t('sched.field.interval')}
        <input type="number" name="interval" min={1} max={52} value={values.interval ?? '2'} />
      </label>
      <label>
        {t('sched.field.nth')}
        <select name="nth">
          {NTH.map((n) => (
            <option value={String(n)} selected={(values.nth ?? '1') === String(n)}>
              {n === -1 ? t('sched.nth.last') : t('sched.nth.n', { n })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sched.field.weekday')}
        <select name="weekday">
          {WEEKDAYS.map((d) => (
            <option value={d} selected={(values.weekday ?? 'SAT') === d}>
              {t(DAY[d])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('sched.field.count')}
        <input type="number" name="count" min={1} max={MAX_SERIES} value={values.count ?? '6'} />
      </label>
    </div>
  </fieldset>
);

export const NewAppointmentPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  stations: StationOption[];
  station: StationOption;
  people: PersonOption[];
  values: CreateFormValues;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, stations, station, people, values, error }) => (
  <Layout t={t} locale={staff.locale} title={t('sched.new.title')} signedIn={{ staff, csrfToken }}>
    <p>
      <a href="/admin/schedules">{t('sched.back')}</a>
    </p>
    <h1>{t('sched.new.title')}</h1>
    <Flash kind="error" text={error} />
    {stations.length > 1 ? <StationSwitch t={t} stations={stations} station={station} /> : null}
    <form method="post" action="/admin/schedules" class="stack card" id="new-appointment-form">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="station" value={station.id} />
      <label>
        {t('sched.field.kind')}
        <select name="kind" required>
          {APPOINTMENT_KINDS.map((k) => (
            <option value={k} selected={values.kind === k}>
              {kindLabel(t, k)}
            </option>
          ))}
        </select>
      </label>
      <div class="row">
        <label>
          {t('sched.field.date')}
          <input type="date" name="date" value={values.date ?? ''} required />
        </label>
        <label>
          {t('sched.field.time', { zone: station.timezone })}
          <input type="time" name="time" value={values.time ?? '09:00'} required />
        </label>
        <label>
          {t('sched.field.duration')}
          <input type="number" name="duration" min={5} max={720} value={values.duration ?? ''} />
        </label>
      </div>
      <label>
        {t('sched.field.place')}
        <input type="text" name="place" maxlength={TEXT_MAX} value={values.place ?? ''} />
      </label>
      <label>
        {t('sched.field.topic')}
        <input type="text" name="topic" maxlength={TEXT_MAX} value={values.topic ?? ''} />
      </label>
      <label>
        {t('sched.field.title')}
        <input type="text" name="title" maxlength={TEXT_MAX} value={values.title ?? ''} />
      </label>
      <People t={t} people={people} values={values} />
      <Repeat t={t} values={values} />
      <button type="submit" class="primary big" id="create">
        {t('sched.create')}
      </button>
    </form>
  </Layout>
);
