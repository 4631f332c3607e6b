import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { levelLabel } from '../../i18n/labels.js';
import { LevelBadge } from '../../escalations/views/deadline.js';
import { Layout } from '../../views/layout.js';
import { PERSON_STATUSES, RISK_TIERS, TRACKS } from '../fields.js';
import { REACH_FILTERS, filtersToQuery, type PeopleFilters } from '../filters.js';
import { personStatusLabel, reachLabel, riskLabel, trackLabel } from '../labels.js';
import type { PeoplePage, PersonRow } from '../list-query.js';
import { StationSelect } from '../../views/station-select.js';

export interface FilterChoices {
  stations: { id: string; name: string }[];
  caseworkers: { id: string; displayName: string }[];
}

const Filters: FC<{ t: Translate; staff: StaffPrincipal; filters: PeopleFilters; choices: FilterChoices }> = ({ t, staff, filters, choices }) => (
  <form method="get" action="/admin/people" class="filters" role="search">
    <label class="wide">
      {t('people.search')}
      <input type="search" name="q" value={filters.q ?? ''} maxlength={64} placeholder={t('people.searchHint')} autocomplete="off" />
    </label>
    {staff.role === 'ADMIN' ? (
      <StationSelect label={t('people.station')} stations={choices.stations} selected={filters.stationId} anyLabel={t('people.any')} />
    ) : null}
    <label>
      {t('people.caseworker')}
      <select name="caseworker">
        <option value="">{t('people.any')}</option>
        {choices.caseworkers.map((s) => (
          <option value={s.id} selected={filters.caseworkerId === s.id}>
            {s.displayName}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('people.track')}
      <select name="track">
        <option value="">{t('people.any')}</option>
        {TRACKS.map((v) => (
          <option value={v} selected={filters.track === v}>
            {trackLabel(t, v)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('people.riskTier')}
      <select name="risk">
        <option value="">{t('people.any')}</option>
        {RISK_TIERS.map((v) => (
          <option value={v} selected={filters.riskTier === v}>
            {riskLabel(t, v)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('people.status')}
      <select name="status">
        <option value="">{t('people.any')}</option>
        {PERSON_STATUSES.map((v) => (
          <option value={v} selected={filters.status === v}>
            {personStatusLabel(t, v)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('people.reach')}
      <select name="reach">
        <option value="">{t('people.any')}</option>
        {REACH_FILTERS.map((v) => (
          <option value={v} selected={filters.reach === v}>
            {reachLabel(t, v)}
          </option>
        ))}
      </select>
    </label>
    <button type="submit">{t('people.filterApply')}</button>
  </form>
);

const Reach: FC<{ t: Translate; row: PersonRow }> = ({ t, row }) => {
  if (row.accounts === 0) return <span class="reach none">{t('people.reach.unlinked')}</span>;
  if (row.reachable === 0) return <span class="reach off">{t('people.reach.unreachable')}</span>;
  return <span class="reach on">{t('people.linkedCount', { count: row.accounts })}</span>;
};

const PersonItem: FC<{ t: Translate; row: PersonRow; showStation: boolean }> = ({ t, row, showStation }) => (
  <li class={`person risk-${row.riskTier.toLowerCase()}`} data-id={row.id}>
    <a class="person-link" href={`/admin/people/${row.id}`}>
      <span class="person-head">
        <span class="pseudo">{row.pseudonym}</span>
        <span class="person-name">{row.displayName}</span>
        {row.openLevel !== null ? <LevelBadge level={row.openLevel} label={levelLabel(t, row.openLevel)} /> : null}
        {row.mine ? <span class="tag">{t('people.mine')}</span> : null}
      </span>
      <span class="person-meta">
        <span>{trackLabel(t, row.track)}</span>
        <span class={`tier tier-${row.riskTier.toLowerCase()}`}>{riskLabel(t, row.riskTier)}</span>
        <span>{personStatusLabel(t, row.status)}</span>
        <span>{row.caseworker ?? t('people.noCaseworker')}</span>
        {showStation ? <span>{row.stationName}</span> : null}
        <Reach t={t} row={row} />
      </span>
    </a>
  </li>
);

const Pager: FC<{ t: Translate; filters: PeopleFilters; page: PeoplePage }> = ({ t, filters, page }) =>
  page.pages > 1 ? (
    <nav class="pager" aria-label={t('people.pages')}>
      {page.page > 1 ? <a href={`/admin/people${filtersToQuery(filters, page.page - 1)}`}>← {t('people.previous')}</a> : <span></span>}
      <span>{t('people.pageOf', { page: page.page, pages: page.pages })}</span>
      {page.page < page.pages ? <a href={`/admin/people${filtersToQuery(filters, page.page + 1)}`}>{t('people.next')} →</a> : <span></span>}
    </nav>
  ) : null;

export const ListPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  filters: PeopleFilters;
  choices: FilterChoices;
  page: PeoplePage;
}> = ({ t, staff, csrfToken, filters, choices, page }) => (
  <Layout t={t} locale={staff.locale} title={t('people.title')} signedIn={{ staff, csrfToken }}>
    <div class="queue-head">
      <h1>{t('people.title')}</h1>
      <a class="button primary" href="/admin/people/new" id="new-person">
        {t('people.new')}
      </a>
    </div>
    <Filters t={t} staff={staff} filters={filters} choices={choices} />
    <p class="count">{t('people.count', { count: page.total })}</p>
    {page.rows.length === 0 ? (
      <p class="empty">{t('people.empty')}</p>
    ) : (
      <ol class="people">
        {page.rows.map((row) => (
          <PersonItem t={t} row={row} showStation={staff.role === 'ADMIN'} />
        ))}
      </ol>
    )}
    <Pager t={t} filters={filters} page={page} />
  </Layout>
);
