import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Flash, Layout } from '../../views/layout.js';
import { AreaTabs } from '../../staff/views/area-tabs.js';
import type { StationRow } from '../queries.js';
import { StationForm, type StationFormValues } from './station-form.js';

function valuesOf(station: StationRow): StationFormValues {
  return {
    name: station.name,
    region: station.region,
    timezone: station.timezone,
    emergencyNumber: station.emergencyNumber,
    hotline: station.hotline ?? '',
    drugCounsellingNumber: station.drugCounsellingNumber ?? '',
    reliefOfficeNumber: station.reliefOfficeNumber ?? '',
  };
}

const Facts: FC<{ t: Translate; station: StationRow }> = ({ t, station }) => (
  <dl class="facts card">
    <dt>{t('stations.field.region')}</dt>
    <dd>{station.region}</dd>
    <dt>{t('stations.field.timezone')}</dt>
    <dd>{station.timezone}</dd>
    <dt>{t('stations.field.emergencyNumber')}</dt>
    <dd>{station.emergencyNumber}</dd>
    <dt>{t('stations.field.hotline')}</dt>
    <dd>{station.hotline ?? '—'}</dd>
    <dt>{t('stations.field.drugCounsellingNumber')}</dt>
    <dd>{station.drugCounsellingNumber ?? '—'}</dd>
    <dt>{t('stations.field.reliefOfficeNumber')}</dt>
    <dd>{station.reliefOfficeNumber ?? '—'}</dd>
  </dl>
);

/** Admins edit; everyone else who may see the station reads it. */
export const StationPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  station: StationRow;
  values?: StationFormValues | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, station, values, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={station.name} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="stations" />
    <p>
      <a href="/admin/stations">← {t('stations.back')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <h1>{station.name}</h1>
    <p>{t('stations.counts', { staff: station.staffCount, participants: station.participantCount })}</p>
    {staff.role === 'ADMIN' ? (
      <section class="card">
        <h2>{t('stations.edit')}</h2>
        <StationForm t={t} csrfToken={csrfToken} action={`/admin/stations/${station.id}`} submit={t('stations.save')} values={values ?? valuesOf(station)} />
      </section>
    ) : (
      <Facts t={t} station={station} />
    )}
  </Layout>
);
