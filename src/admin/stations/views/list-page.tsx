import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Flash, Layout } from '../../views/layout.js';
import { AreaTabs } from '../../staff/views/area-tabs.js';
import type { StationRow } from '../queries.js';
import { StationForm, type StationFormValues } from './station-form.js';

export const StationListPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  stations: StationRow[];
  values?: StationFormValues;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, stations, values = {}, error }) => (
  <Layout t={t} locale={staff.locale} title={t('stations.title')} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="stations" />
    <h1>{t('stations.title')}</h1>
    <Flash kind="error" text={error} />
    {stations.length === 0 ? <p class="hint">{t('stations.none')}</p> : null}
    <ul class="station-list">
      {stations.map((s) => (
        <li class="card">
          <a href={`/admin/stations/${s.id}`} class="staff-name">
            {s.name}
          </a>
          <span class="hint">
            {s.region} · {s.timezone}
          </span>
          <span>{t('stations.counts', { staff: s.staffCount, participants: s.participantCount })}</span>
          <span>{t('stations.emergency', { number: s.emergencyNumber })}</span>
        </li>
      ))}
    </ul>
    {staff.role === 'ADMIN' ? (
      <section class="card">
        <h2>{t('stations.create')}</h2>
        <StationForm t={t} csrfToken={csrfToken} action="/admin/stations" submit={t('stations.createSubmit')} values={values} />
      </section>
    ) : null}
  </Layout>
);
