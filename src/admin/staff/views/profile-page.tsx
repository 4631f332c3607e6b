import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../auth/policy.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import type { StaffProfile } from '../queries.js';
import { AreaTabs } from './area-tabs.js';
import { InvitePanel, type ShownInvite } from './invite-panel.js';
import { channelLabel, localeLabel, roleLabel } from './labels.js';

const Chats: FC<{ t: Translate; profile: StaffProfile; csrfToken: string }> = ({ t, profile, csrfToken }) => {
  const base = `/admin/staff/${profile.id}`;
  return (
    <section class="card" id="chats">
      <h2>{t('staff.chats')}</h2>
      <p class="hint">{t('staff.chatsHint')}</p>
      {profile.chats.length === 0 ? <p>{t('staff.noChats')}</p> : null}
      <ul class="chat-list">
        {profile.chats.map((chat) => (
          <li>
            <span class="tag">{channelLabel(t, chat.channel)}</span>
            <span class="hint">{t('staff.linkedAt', { at: localTime(chat.linkedAt, profile.timezone) })}</span>
            {chat.reachable ? null : <span class="tag off">{t('staff.unreachable')}</span>}
            {profile.permissions.link ? (
              <form method="post" action={`${base}/unlink`} class="inline">
                <CsrfField token={csrfToken} />
                <input type="hidden" name="identityId" value={chat.id} />
                <button type="submit">{t('staff.unlink')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {profile.permissions.link && profile.active ? (
        <form method="post" action={`${base}/invite`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="primary" id="issue-invite">
            {t('staff.issueInvite')}
          </button>
        </form>
      ) : null}
    </section>
  );
};

const Privacy: FC<{ t: Translate; profile: StaffProfile; csrfToken: string }> = ({ t, profile, csrfToken }) => (
  <section class="card" id="privacy">
    <h2>{t('staff.privacy')}</h2>
    <p>{t(profile.alertPrivacyMode ? 'staff.privacyIsOn' : 'staff.privacyIsOff')}</p>
    {profile.permissions.link ? (
      <form method="post" action={`/admin/staff/${profile.id}/privacy`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="mode" value={profile.alertPrivacyMode ? 'off' : 'on'} />
        <button type="submit">{t(profile.alertPrivacyMode ? 'staff.privacyTurnOff' : 'staff.privacyTurnOn')}</button>
      </form>
    ) : null}
  </section>
);

const Manage: FC<{ t: Translate; profile: StaffProfile; csrfToken: string }> = ({ t, profile, csrfToken }) => {
  const base = `/admin/staff/${profile.id}`;
  return (
    <section class="card" id="manage">
      <h2>{t('staff.manage')}</h2>
      <form method="post" action={`${base}/password`} class="stack">
        <CsrfField token={csrfToken} />
        <label>
          {t('staff.resetPasswordField', { min: PASSWORD_MIN_LENGTH })}
          <input name="password" type="password" autocomplete="new-password" minlength={PASSWORD_MIN_LENGTH} maxlength={PASSWORD_MAX_LENGTH} />
        </label>
        <button type="submit" id="reset-password">
          {t('staff.resetPassword')}
        </button>
      </form>
      <form method="post" action={`${base}/active`}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="active" value={profile.active ? '0' : '1'} />
        <button type="submit" id="toggle-active" class={profile.active ? 'danger' : undefined}>
          {t(profile.active ? 'staff.deactivate' : 'staff.reactivate')}
        </button>
      </form>
    </section>
  );
};

export const StaffProfilePage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  profile: StaffProfile;
  invite?: ShownInvite | undefined;
  newPassword?: string | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, profile, invite, newPassword, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={profile.displayName} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="staff" />
    <p>
      <a href="/admin/staff">← {t('staff.back')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <h1>{profile.displayName}</h1>
    <dl class="facts card">
      <dt>{t('staff.field.login')}</dt>
      <dd class="pseudo">{profile.login}</dd>
      <dt>{t('staff.field.role')}</dt>
      <dd>{roleLabel(t, profile.role)}</dd>
      <dt>{t('staff.field.station')}</dt>
      <dd>{profile.stationName ?? t('staff.noStation')}</dd>
      <dt>{t('staff.field.locale')}</dt>
      <dd>{localeLabel(t, profile.locale)}</dd>
      <dt>{t('staff.field.status')}</dt>
      <dd id="account-status">{t(profile.active ? 'staff.active' : 'staff.inactive')}</dd>
    </dl>
    {newPassword ? (
      <section class="card" id="new-password">
        <h2>{t('staff.newPassword')}</h2>
        <p class="secret">{newPassword}</p>
        <p class="hint">{t('staff.shownOnce')}</p>
      </section>
    ) : null}
    {invite ? <InvitePanel t={t} invite={invite} timezone={profile.timezone} /> : null}
    <Chats t={t} profile={profile} csrfToken={csrfToken} />
    <Privacy t={t} profile={profile} csrfToken={csrfToken} />
    {profile.permissions.manage ? <Manage t={t} profile={profile} csrfToken={csrfToken} /> : null}
  </Layout>
);
