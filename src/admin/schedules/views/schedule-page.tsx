import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Flash, Layout } from '../../views/layout.js';
import { filtersToQuery, STATUS_FILTERS, type ScheduleFilters } from '../filters.js';
import { appointmentStatusLabel, kindLabel } from '../labels.js';
import type { OutlookLine } from '../outlook.js';
import type { AppointmentView, StationOption } from '../query.js';
import { APPOINTMENT_KINDS } from '../schema.js';
import type { Week } from '../week.js';
import { dayOf } from '../week.js';
import { AppointmentCard } from './appointment-card.js';
import { dayHeading } from './format.js';
import { StationSelect } from '../../views/station-select.js';

export interface ScheduleData {
  views: AppointmentView[];
  lines: Map<string, OutlookLine[]>;
  limited: boolean;
  /** The station whose timezone the page is in. */
  station: StationOption | undefined;
  zone: string;
  /** List range, local dates. */
  range: { from: string; to: string };
  week: Week;
  today: string;
}

const Filters: FC<{ t: Translate; staff: StaffPrincipal; filters: ScheduleFilters; stations: StationOption[]; data: ScheduleData }> = ({
  t,
  staff,
  filters,
  stations,
  data,
}) => (
  <form method="get" action="/admin/schedules" class="filters">
    <input type="hidden" name="view" value={filters.view} />
    {filters.view === 'week' && filters.week ? <input type="hidden" name="week" value={filters.week} /> : null}
    <label>
      {t('sched.filterKind')}
      <select name="kind">
        <option value="">{t('sched.anyKind')}</option>
        {APPOINTMENT_KINDS.map((k) => (
          <option value={k} selected={filters.kind === k}>
            {kindLabel(t, k)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('sched.filterStatus')}
      <select name="status">
        {STATUS_FILTERS.map((s) => (
          <option value={s} selected={filters.status === s}>
            {s === 'all' ? t('sched.statusAll') : appointmentStatusLabel(t, s)}
          </option>
        ))}
      </select>
    </label>
    {staff.role === 'ADMIN' ? (
      <StationSelect label={t('sched.filterStation')} stations={stations} selected={data.station?.id} />
    ) : null}
    {filters.view === 'list' ? (
      <>
        <label>
          {t('sched.filterFrom')}
          <input type="date" name="from" value={data.range.from} />
        </label>
        <label>
          {t('sched.filterTo')}
          <input type="date" name="to" value={data.range.to} />
        </label>
      </>
    ) : null}
    <button type="submit">{t('sched.filterApply')}</button>
  </form>
);

const WeekView: FC<{ t: Translate; filters: ScheduleFilters; data: ScheduleData }> = ({ t, filters, data }) => {
  const byDay = new Map<string, AppointmentView[]>();
  for (const view of data.views) {
    const date = dayOf(view.startsAt, data.zone);
    byDay.set(date, [...(byDay.get(date) ?? []), view]);
  }
  const first = data.week.days[0]?.date ?? '';
  const last = data.week.days[6]?.date ?? '';
  return (
    <section aria-label={t('sched.viewWeek')}>
      <nav class="week-nav">
        <a href={`/admin/schedules${filtersToQuery(filters, { week: data.week.previous })}`} id="prev-week">
          {t('sched.prevWeek')}
        </a>
        <span class="week-range">{t('sched.range', { from: first, to: last, zone: data.zone })}</span>
        <a href={`/admin/schedules${filtersToQuery(filters, { week: data.today })}`}>{t('sched.thisWeek')}</a>
        <a href={`/admin/schedules${filtersToQuery(filters, { week: data.week.next })}`} id="next-week">
          {t('sched.nextWeek')}
        </a>
      </nav>
      <div class="week">
        {data.week.days.map((day) => (
          <section class={`day${day.date === data.today ? ' today' : ''}`} data-date={day.date}>
            <h2>{dayHeading(t, day.date)}</h2>
            <ul class="appts">
              {(byDay.get(day.date) ?? []).map((view) => (
                <AppointmentCard t={t} view={view} lines={data.lines.get(view.id) ?? []} showStation={false} showDate={false} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
};

const ListView: FC<{ t: Translate; showStation: boolean; data: ScheduleData }> = ({ t, showStation, data }) => (
  <section aria-label={t('sched.viewList')}>
    <p class="count">{t('sched.range', { from: data.range.from, to: data.range.to, zone: data.zone })}</p>
    {data.views.length === 0 ? (
      <p class="card">{t('sched.empty')}</p>
    ) : (
      <ul class="appts list">
        {data.views.map((view) => (
          <AppointmentCard t={t} view={view} lines={data.lines.get(view.id) ?? []} showStation={showStation} showDate={true} />
        ))}
      </ul>
    )}
  </section>
);

export const SchedulePage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  filters: ScheduleFilters;
  stations: StationOption[];
  data: ScheduleData;
  notice?: string | undefined;
}> = ({ t, staff, csrfToken, filters, stations, data, notice }) => (
  <Layout t={t} locale={staff.locale} title={t('sched.title')} signedIn={{ staff, csrfToken }}>
    <div class="queue-head">
      <h1>{t('sched.title')}</h1>
      <a class="button primary" href={`/admin/schedules/new${data.station ? `?station=${encodeURIComponent(data.station.id)}` : ''}`} id="new-appointment">
        {t('sched.new')}
      </a>
    </div>
    <Flash kind="ok" text={notice} />
    <nav class="tabs">
      <a href={`/admin/schedules${filtersToQuery(filters, { view: 'week' })}`} aria-current={filters.view === 'week' ? 'page' : undefined}>
        {t('sched.viewWeek')}
      </a>
      <a href={`/admin/schedules${filtersToQuery(filters, { view: 'list' })}`} aria-current={filters.view === 'list' ? 'page' : undefined}>
        {t('sched.viewList')}
      </a>
    </nav>
    <Filters t={t} staff={staff} filters={filters} stations={stations} data={data} />
    {data.limited ? <p class="hint">{t('sched.limited', { count: data.views.length })}</p> : null}
    {filters.view === 'week' ? <WeekView t={t} filters={filters} data={data} /> : <ListView t={t} showStation={staff.role === 'ADMIN'} data={data} />}
  </Layout>
);
