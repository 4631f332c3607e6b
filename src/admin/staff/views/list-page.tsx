import type { FC } from 'hono/jsx';
import type { StaffRole } from '../../../generated/prisma/client.js';
import { LOCALES } from '../../../i18n/index.js';
import type { StaffPrincipal } from '../../access/principal.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/policy.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import type { StaffRow } from '../queries.js';
import { AreaTabs } from './area-tabs.js';
import { channelLabel, localeLabel, roleLabel } from './labels.js';

const StaffList: FC<{ t: Translate; rows: StaffRow[] }> = ({ t, rows }) =>
  rows.length === 0 ? (
    <p class="hint">{t('staff.none')}</p>
  ) : (
    <ul class="staff-list">
      {rows.map((row) => (
        <li class={row.active ? 'staff-item' : 'staff-item inactive'}>
          <a href={`/admin/staff/${row.id}`} class="staff-name">
            {row.displayName}
          </a>
          <span class="pseudo">{row.login}</span>
          <span class="tag">{roleLabel(t, row.role)}</span>
          <span>{row.stationName ?? t('staff.noStation')}</span>
          {row.active ? null : <span class="tag off">{t('staff.inactive')}</span>}
          {row.alertPrivacyMode ? <span class="tag">{t('staff.privacyOn')}</span> : null}
          <span class="hint">
            {row.linkedChannels.length > 0 ? row.linkedChannels.map((c) => channelLabel(t, c)).join(' · ') : t('staff.noChats')}
          </span>
        </li>
      ))}
    </ul>
  );

export interface CreateFormValues {
  role?: string;
  login?: string;
  displayName?: string;
  stationId?: string;
  locale?: string;
}

const CreateForm: FC<{
  t: Translate;
  csrfToken: string;
  roles: StaffRole[];
  stations: { id: string; name: string }[];
  values: CreateFormValues;
}> = ({ t, csrfToken, roles, stations, values }) => (
  <section class="card">
    <h2>{t('staff.create')}</h2>
    <form method="post" action="/admin/staff" class="stack" id="create-staff">
      <CsrfField token={csrfToken} />
      <div class="row">
        <label>
          {t('staff.field.role')}
          <select name="role" required>
            {roles.map((role) => (
              <option value={role} selected={values.role === role}>
                {roleLabel(t, role)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('staff.field.station')}
          <select name="stationId">
            {roles.includes('ADMIN') ? <option value="">{t('staff.noStation')}</option> : null}
            {stations.map((s) => (
              <option value={s.id} selected={values.stationId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="row">
        <label>
          {t('staff.field.login')}
          <input name="login" required maxlength={64} autocomplete="off" value={values.login ?? ''} />
        </label>
        <label>
          {t('staff.field.displayName')}
          <input name="displayName" maxlength={100} value={values.displayName ?? ''} />
        </label>
        <label>
          {t('staff.field.locale')}
          <select name="locale">
            {LOCALES.map((locale) => (
              <option value={locale} selected={(values.locale ?? 'zh-CN') === locale}>
                {localeLabel(t, locale)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('staff.field.password', { min: PASSWORD_MIN_LENGTH })}
        <input name="password" type="password" autocomplete="new-password" minlength={PASSWORD_MIN_LENGTH} maxlength={PASSWORD_MAX_LENGTH} />
      </label>
      <p class="hint">{t('staff.passwordHint')}</p>
      <button type="submit" class="primary">
        {t('staff.createSubmit')}
      </button>
    </form>
  </section>
);

export const StaffListPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  rows: StaffRow[];
  roles: StaffRole[];
  stations: { id: string; name: string }[];
  values?: CreateFormValues;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, rows, roles, stations, values = {}, error }) => (
  <Layout t={t} locale={staff.locale} title={t('staff.title')} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="staff" />
    <h1>{t('staff.title')}</h1>
    <Flash kind="error" text={error} />
    <StaffList t={t} rows={rows} />
    {roles.length > 0 ? <CreateForm t={t} csrfToken={csrfToken} roles={roles} stations={stations} values={values} /> : null}
  </Layout>
);

/** After creating an account: the generated password, once. */
export const StaffCreatedPage: FC<{ t: Translate; staff: StaffPrincipal; csrfToken: string; id: string; login: string; password: string | undefined }> = ({
  t,
  staff,
  csrfToken,
  id,
  login,
  password,
}) => (
  <Layout t={t} locale={staff.locale} title={t('staff.created')} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="staff" />
    <section class="card narrow">
      <h1>{t('staff.created')}</h1>
      <dl class="facts">
        <dt>{t('staff.field.login')}</dt>
        <dd class="pseudo">{login}</dd>
        {password ? (
          <>
            <dt>{t('staff.initialPassword')}</dt>
            <dd class="secret" id="initial-password">
              {password}
            </dd>
          </>
        ) : null}
      </dl>
      {password ? <p class="hint">{t('staff.shownOnce')}</p> : null}
      <p>
        <a href={`/admin/staff/${id}`}>{t('staff.openProfile')}</a>
      </p>
    </section>
  </Layout>
);
