import type { FC } from 'hono/jsx';
import type { ContentEntry } from '../../../generated/prisma/client.js';
import { LOCALES } from '../../../i18n/index.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Flash, Layout } from '../../views/layout.js';
import { CONTENT_KINDS } from '../forms.js';
import { kindLabel, localeLabel, scopeLabel } from '../labels.js';
import { CONTENT_STATUSES, type ContentFilters } from '../queries.js';
import { StationSelect } from '../../views/station-select.js';

const STATUS_KEY = { active: 'content.status.active', retired: 'content.status.retired', all: 'content.status.all' } as const;

const Filters: FC<{ t: Translate; filters: ContentFilters; stations: { id: string; name: string }[]; isAdmin: boolean }> = ({ t, filters, stations, isAdmin }) => (
  <form method="get" action="/admin/content" class="filters">
    <label>
      {t('content.kind')}
      <select name="kind">
        <option value="">{t('content.anyKind')}</option>
        {CONTENT_KINDS.map((k) => (
          <option value={k} selected={filters.kind === k}>
            {kindLabel(t, k)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('content.locale')}
      <select name="locale">
        <option value="">{t('content.anyLocale')}</option>
        {LOCALES.map((l) => (
          <option value={l} selected={filters.locale === l}>
            {localeLabel(t, l)}
          </option>
        ))}
      </select>
    </label>
    {isAdmin ? (
      <StationSelect label={t('content.station')} stations={stations} selected={filters.stationId} anyLabel={t('content.anyScope')} />
    ) : null}
    <label>
      {t('content.status')}
      <select name="status">
        {CONTENT_STATUSES.map((s) => (
          <option value={s} selected={filters.status === s}>
            {t(STATUS_KEY[s])}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('content.search')}
      <input name="q" value={filters.search ?? ''} maxlength={80} />
    </label>
    <label class="check">
      <input type="checkbox" name="verify" value="1" checked={filters.verifyOnly} />
      {t('content.verifyOnly')}
    </label>
    <button type="submit">{t('content.filterApply')}</button>
  </form>
);

export const ContentListPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  filters: ContentFilters;
  entries: ContentEntry[];
  stations: { id: string; name: string }[];
  canCreate: boolean;
  notice?: string | undefined;
}> = ({ t, staff, csrfToken, filters, entries, stations, canCreate, notice }) => {
  const names = new Map(stations.map((s) => [s.id, s.name]));
  return (
    <Layout t={t} locale={staff.locale} title={t('content.title')} signedIn={{ staff, csrfToken }}>
      <div class="queue-head">
        <h1>{t('content.title')}</h1>
        {canCreate ? (
          <a class="button" href="/admin/content/new">
            {t('content.new')}
          </a>
        ) : null}
      </div>
      <Flash kind="ok" text={notice} />
      <Filters t={t} filters={filters} stations={stations} isAdmin={staff.role === 'ADMIN'} />
      <p class="count">{t('content.count', { count: entries.length })}</p>
      {entries.length === 0 ? (
        <p class="empty">{t('content.empty')}</p>
      ) : (
        <ul class="content-list">
          {entries.map((entry) => (
            <li class={entry.active ? 'content-item' : 'content-item retired'} data-id={entry.id}>
              <a href={`/admin/content/${entry.id}`}>
                <span class="badge">{kindLabel(t, entry.kind)}</span> <strong>{entry.title}</strong>
              </a>
              <span class="esc-meta">
                <span class="pseudo">{entry.key}</span>
                <span>{localeLabel(t, entry.locale)}</span>
                <span>{scopeLabel(t, entry.scope, names)}</span>
                {entry.phone ? <span>☎ {entry.phone}</span> : null}
                {entry.verifyBeforeLaunch ? <span class="badge verify">{t('content.verifyBadge')}</span> : null}
                {entry.active ? null : <span class="badge">{t('content.retiredBadge')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
};
