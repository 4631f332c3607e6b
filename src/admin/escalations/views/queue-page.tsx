import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { levelLabel } from '../../i18n/labels.js';
import { Layout } from '../../views/layout.js';
import { QUEUE_STATUSES, filtersToQuery, type QueueFilters, type QueueStatus } from '../filters.js';
import type { QueueRow } from '../queue-query.js';
import { QueueList } from './queue-list.js';
import { StationSelect } from '../../views/station-select.js';

function statusOption(t: Translate, status: QueueStatus): string {
  switch (status) {
    case 'active':
      return t('queue.statusActive');
    case 'OPEN':
      return t('status.OPEN');
    case 'ACKNOWLEDGED':
      return t('status.ACKNOWLEDGED');
    case 'RESOLVED':
      return t('status.RESOLVED');
  }
}

const Filters: FC<{ t: Translate; staff: StaffPrincipal; filters: QueueFilters; stations: { id: string; name: string }[] }> = ({
  t,
  staff,
  filters,
  stations,
}) => (
  <form method="get" action="/admin/escalations" class="filters">
    <label>
      {t('queue.filterStatus')}
      <select name="status">
        {QUEUE_STATUSES.map((s) => (
          <option value={s} selected={filters.status === s}>
            {statusOption(t, s)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('queue.filterLevel')}
      <select name="level">
        <option value="">{t('queue.anyLevel')}</option>
        {[4, 3, 2, 1].map((level) => (
          <option value={String(level)} selected={filters.level === level}>
            {levelLabel(t, level)}
          </option>
        ))}
      </select>
    </label>
    {staff.role === 'ADMIN' ? (
      <StationSelect label={t('queue.filterStation')} stations={stations} selected={filters.stationId} anyLabel={t('queue.allStations')} />
    ) : (
      <label class="check">
        <input type="checkbox" name="mine" value="1" checked={filters.mine} />
        {t('queue.filterMine')}
      </label>
    )}
    <button type="submit">{t('queue.filterApply')}</button>
  </form>
);

export const QueuePage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  filters: QueueFilters;
  stations: { id: string; name: string }[];
  rows: QueueRow[];
  now: Date;
}> = ({ t, staff, csrfToken, filters, stations, rows, now }) => (
  <Layout t={t} locale={staff.locale} title={t('queue.title')} signedIn={{ staff, csrfToken }} scripts={['/admin/assets/queue.js']}>
    <div id="alert-banner" class="banner" role="alert" hidden data-template={t('queue.banner')}>
      <span id="alert-text"></span>
      <a id="alert-link" href="/admin/escalations">
        {t('queue.bannerOpen')}
      </a>
      <button type="button" id="alert-dismiss">
        {t('queue.bannerDismiss')}
      </button>
    </div>
    <div class="queue-head">
      <h1>{t('queue.title')}</h1>
      <span id="live-status" class="live off" data-live={t('queue.live')} data-offline={t('queue.offline')}>
        {t('queue.offline')}
      </span>
    </div>
    <Filters t={t} staff={staff} filters={filters} stations={stations} />
    <p id="sound-hint" class="hint" hidden>
      {t('queue.soundHint')}
    </p>
    <section id="queue-list" data-src={`/admin/escalations/list${filtersToQuery(filters)}`} aria-live="polite">
      <QueueList t={t} rows={rows} now={now} showStation={staff.role === 'ADMIN'} />
    </section>
  </Layout>
);
