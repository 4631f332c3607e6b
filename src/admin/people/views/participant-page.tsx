import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import type { ChartSeries } from '../chart-query.js';
import type { FamilyMemberView, LinkedAccount, ParticipantProfile } from '../detail-query.js';
import { isoDay } from '../participant-input.js';
import { appointmentLabel, channelLabel, personLocaleLabel, personStatusLabel, programmeLabel, riskLabel, sharingLabel, trackLabel } from '../labels.js';
import type { TimelineItem } from '../timeline-query.js';
import { MoodChart } from './mood-chart.js';
import { Timeline } from './timeline.js';

const Accounts: FC<{ t: Translate; accounts: LinkedAccount[] }> = ({ t, accounts }) =>
  accounts.length === 0 ? (
    <span class="reach none">{t('people.reach.unlinked')}</span>
  ) : (
    <span class="accounts">
      {accounts.map((a) => (
        <span class={`reach ${a.reachable && !a.optedOut ? 'on' : 'off'}`}>
          {channelLabel(t, a.channel)}
          {a.optedOut ? ` · ${t('people.optedOut')}` : !a.reachable ? ` · ${t('people.reach.unreachable')}` : ''}
        </span>
      ))}
    </span>
  );

const InviteButton: FC<{ t: Translate; action: string; csrfToken: string; id: string }> = ({ t, action, csrfToken, id }) => (
  <form method="post" action={action} class="inline">
    <CsrfField token={csrfToken} />
    <button type="submit" id={id}>
      {t('people.invite.issue')}
    </button>
  </form>
);

const Family: FC<{ t: Translate; profile: ParticipantProfile; canAct: boolean; csrfToken: string }> = ({ t, profile, canAct, csrfToken }) => (
  <section class="card" id="family">
    <h2>{t('people.family.title')}</h2>
    {profile.family.length === 0 ? <p class="empty">{t('people.family.none')}</p> : null}
    <ul class="family">
      {profile.family.map((f: FamilyMemberView) => (
        <li data-id={f.id}>
          <span class="person-head">
            <span class="person-name">{f.displayName}</span>
            <span>{f.relation}</span>
            <span>{personStatusLabel(t, f.status)}</span>
          </span>
          <span class="person-meta">
            <span>{f.phone ?? '—'}</span>
            <span>{personLocaleLabel(t, f.locale)}</span>
            <span>{t('people.family.sharesLabel', { scope: sharingLabel(t, f.sharingScope) })}</span>
            <Accounts t={t} accounts={f.accounts} />
          </span>
          {canAct ? (
            <span class="row-actions">
              <a href={`/admin/people/${profile.id}/family/${f.id}/edit`}>{t('people.edit')}</a>
              <InviteButton t={t} action={`/admin/people/${profile.id}/family/${f.id}/invites`} csrfToken={csrfToken} id={`invite-family-${f.id}`} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
    {canAct ? (
      <p>
        <a href={`/admin/people/${profile.id}/family/new`} id="add-family">
          + {t('people.family.add')}
        </a>
      </p>
    ) : null}
  </section>
);

const Facts: FC<{ t: Translate; profile: ParticipantProfile }> = ({ t, profile }) => (
  <dl class="facts card">
    <dt>{t('people.field.phone')}</dt>
    <dd>{profile.phone ?? '—'}</dd>
    <dt>{t('people.station')}</dt>
    <dd>{profile.stationName}</dd>
    <dt>{t('people.caseworker')}</dt>
    <dd>{profile.caseworker ?? t('people.noCaseworker')}</dd>
    <dt>{t('people.field.backupCaseworker')}</dt>
    <dd>{profile.backupCaseworker ?? t('people.noCaseworker')}</dd>
    <dt>{t('people.field.programme')}</dt>
    <dd>{programmeLabel(t, profile.programme)}</dd>
    <dt>{t('people.track')}</dt>
    <dd>{trackLabel(t, profile.track)}</dd>
    <dt>{t('people.riskTier')}</dt>
    <dd>{riskLabel(t, profile.riskTier)}</dd>
    <dt>{t('people.status')}</dt>
    <dd>{personStatusLabel(t, profile.status)}</dd>
    <dt>{t('people.field.locale')}</dt>
    <dd>{personLocaleLabel(t, profile.locale)}</dd>
    <dt>{t('people.field.programmeStart')}</dt>
    <dd>{isoDay(profile.programmeStart)}</dd>
    <dt>{t('people.field.recoveryStart')}</dt>
    <dd>{isoDay(profile.recoveryStartDate) ?? '—'}</dd>
    <dt>{t('people.field.birthday')}</dt>
    <dd>{isoDay(profile.birthday) ?? '—'}</dd>
    <dt>{t('people.field.cadence')}</dt>
    <dd>
      {profile.checkInCadence ?? t('people.cadenceDefault')} · {profile.checkInTime}
      {profile.mutedUntil ? ` · ${t('people.mutedUntil', { time: localTime(profile.mutedUntil, profile.timezone) })}` : ''}
    </dd>
    <dt>{t('people.accounts')}</dt>
    <dd>
      <Accounts t={t} accounts={profile.accounts} />
    </dd>
  </dl>
);

export const ParticipantPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  profile: ParticipantProfile;
  canAct: boolean;
  timeline: { items: TimelineItem[]; older: string | null; newest: string | null };
  chart: ChartSeries;
  notice?: string | undefined;
}> = ({ t, staff, csrfToken, profile, canAct, timeline, chart, notice }) => (
  <Layout t={t} locale={staff.locale} title={profile.pseudonym} signedIn={{ staff, csrfToken }}>
    <p>
      <a href="/admin/people">← {t('people.backToList')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <h1 class="detail-title">
      <span class="pseudo">{profile.pseudonym}</span> <span id="person-name">{profile.displayName}</span>
      <span class={`tier tier-${profile.riskTier.toLowerCase()}`}>{riskLabel(t, profile.riskTier)}</span>
    </h1>
    <p class="recovery" id="days-in-recovery">
      {profile.daysInRecovery === undefined ? t('people.recoveryUnknown') : t('people.recoveryDays', { days: profile.daysInRecovery })}
    </p>
    {canAct ? (
      <p class="row-actions">
        <a class="button" href={`/admin/people/${profile.id}/edit`} id="edit-person">
          {t('people.edit')}
        </a>
        <InviteButton t={t} action={`/admin/people/${profile.id}/invites`} csrfToken={csrfToken} id="invite-person" />
      </p>
    ) : (
      <p class="readonly card">{t('people.readOnly')}</p>
    )}
    <Facts t={t} profile={profile} />
    <Family t={t} profile={profile} canAct={canAct} csrfToken={csrfToken} />
    <section class="card">
      <h2>{t('people.upcoming')}</h2>
      {profile.upcoming.length === 0 ? (
        <p class="empty">{t('people.upcomingNone')}</p>
      ) : (
        <ul class="upcoming">
          {profile.upcoming.map((a) => (
            <li>
              <time datetime={a.startsAt.toISOString()}>{localTime(a.startsAt, profile.timezone)}</time> {appointmentLabel(t, a.kind)}
              {a.title ? ` · ${a.title}` : ''}
              {a.place ? ` · ${a.place}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
    <section class="card">
      <h2>{t('people.chart.title')}</h2>
      <MoodChart t={t} series={chart} fromLabel={localTime(chart.from, profile.timezone).slice(0, 10)} toLabel={localTime(chart.to, profile.timezone).slice(0, 10)} />
    </section>
    <section class="card">
      <h2>{t('people.timeline.title')}</h2>
      <p class="hint">{t('people.timeline.audited')}</p>
      <Timeline t={t} items={timeline.items} timezone={profile.timezone} older={timeline.older} newest={timeline.newest} />
    </section>
  </Layout>
);
