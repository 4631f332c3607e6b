import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { categoryLabel, levelLabel, outcomeLabel, statusLabel } from '../../i18n/labels.js';
import { Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import type { EscalationDetail } from '../detail-query.js';
import { ActionsPanel } from './actions-panel.js';
import { Deadline, LevelBadge } from './deadline.js';
import { History } from './history.js';

const Excerpt: FC<{ t: Translate; detail: EscalationDetail }> = ({ t, detail }) => (
  <section class="card">
    <h2>{t('detail.excerpt')}</h2>
    <p class="hint">{t('detail.excerptAudited')}</p>
    <ol class="excerpt-list">
      {detail.excerpt.map((entry) => (
        <li>
          <span class="meta">
            <time datetime={entry.at}>{localTime(entry.at, detail.timezone)}</time>
            <span>{t(entry.reporter === 'family' ? 'reporter.family' : 'reporter.participant')}</span>
            <LevelBadge level={entry.level} label={levelLabel(t, entry.level)} />
          </span>
          <p class="msg">{entry.text || t('queue.noText')}</p>
        </li>
      ))}
    </ol>
  </section>
);

export const DetailPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  detail: EscalationDetail;
  canAct: boolean;
  now: Date;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, detail, canAct, now, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={t('detail.title', { number: detail.number })} signedIn={{ staff, csrfToken }}>
    <p>
      <a href="/admin/escalations">← {t('detail.back')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <h1 class="detail-title">
      {t('detail.title', { number: detail.number })} <LevelBadge level={detail.level} label={levelLabel(t, detail.level)} />
      <span class={`status st-${detail.status.toLowerCase()}`} id="status">
        {statusLabel(t, detail.status)}
      </span>
    </h1>
    <dl class="facts card">
      <dt>{t('detail.participant')}</dt>
      <dd>{detail.pseudonym}</dd>
      <dt>{t('detail.station')}</dt>
      <dd>{detail.stationName}</dd>
      <dt>{t('detail.categories')}</dt>
      <dd>{detail.categories.map((c) => categoryLabel(t, c)).join(' · ')}</dd>
      <dt>{t('detail.opened')}</dt>
      <dd>{localTime(detail.openedAt, detail.timezone)}</dd>
      <dt>{t('detail.deadline')}</dt>
      <dd>
        {localTime(detail.ackDeadline, detail.timezone)}{' '}
        {detail.status === 'OPEN' ? <Deadline t={t} now={now} status={detail.status} ackDeadline={detail.ackDeadline} outcome={detail.outcome} /> : null}
      </dd>
      <dt>{t('detail.assignedTo')}</dt>
      <dd>{detail.assignedTo ?? t('queue.unassigned')}</dd>
      {detail.outcome ? (
        <>
          <dt>{t('detail.outcome')}</dt>
          <dd>
            {outcomeLabel(t, detail.outcome)}
            {detail.resolutionNote ? <p class="note">{detail.resolutionNote}</p> : null}
          </dd>
        </>
      ) : null}
    </dl>
    <Excerpt t={t} detail={detail} />
    {canAct ? <ActionsPanel t={t} detail={detail} csrfToken={csrfToken} /> : <p class="readonly card">{t('detail.readOnly')}</p>}
    <section class="card">
      <h2>{t('detail.history')}</h2>
      <History t={t} events={detail.history} timezone={detail.timezone} />
    </section>
  </Layout>
);
