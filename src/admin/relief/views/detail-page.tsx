import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import type { ReliefDetail, StatusEvent } from '../detail-query.js';
import { reliefProgramLabel, reliefStatusLabel } from '../labels.js';
import { MoveForm } from './move-form.js';
import { PrescreenAnswers } from './prescreen.js';

const History: FC<{ t: Translate; events: StatusEvent[]; timezone: string }> = ({ t, events, timezone }) =>
  events.length === 0 ? (
    <p class="empty">{t('relief.historyEmpty')}</p>
  ) : (
    <ol class="history">
      {events.map((event) => (
        <li>
          <time datetime={event.at.toISOString()}>{localTime(event.at, timezone)}</time>
          <span class="what">
            {t('relief.historyMove', {
              from: event.from ? reliefStatusLabel(t, event.from) : '—',
              to: event.to ? reliefStatusLabel(t, event.to) : '—',
            })}
          </span>
          <span class="who">{event.actor ?? '—'}</span>
        </li>
      ))}
    </ol>
  );

export const ReliefDetailPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  detail: ReliefDetail;
  canAct: boolean;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, detail, canAct, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={t('relief.detailTitle', { pseudonym: detail.pseudonym })} signedIn={{ staff, csrfToken }}>
    <p>
      <a href="/admin/relief">← {t('relief.back')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <h1 class="detail-title">
      {reliefProgramLabel(t, detail.program)}
      <span class={`status rs-${detail.status.toLowerCase()}`} id="status">
        {reliefStatusLabel(t, detail.status)}
      </span>
    </h1>
    <dl class="facts card">
      <dt>{t('relief.participant')}</dt>
      <dd>{detail.pseudonym}</dd>
      <dt>{t('relief.station')}</dt>
      <dd>{detail.stationName}</dd>
      <dt>{t('relief.created')}</dt>
      <dd>{localTime(detail.createdAt, detail.timezone)}</dd>
      <dt>{t('relief.updated')}</dt>
      <dd>{localTime(detail.updatedAt, detail.timezone)}</dd>
      <dt>{t('relief.handledBy')}</dt>
      <dd>{detail.handledBy ?? '—'}</dd>
      {detail.note ? (
        <>
          <dt>{t('relief.lastNote')}</dt>
          <dd class="note">{detail.note}</dd>
        </>
      ) : null}
    </dl>
    <section class="card">
      <h2>{t('relief.prescreen')}</h2>
      <PrescreenAnswers t={t} locale={staff.locale} prescreen={detail.prescreen} open />
    </section>
    {canAct ? (
      <section class="card">
        <p class="hint">{t('relief.messageHint')}</p>
        <MoveForm t={t} id={detail.id} status={detail.status} csrfToken={csrfToken} withNote />
      </section>
    ) : (
      <p class="readonly card">{t('relief.readOnly')}</p>
    )}
    <section class="card">
      <h2>{t('relief.history')}</h2>
      <History t={t} events={detail.history} timezone={detail.timezone} />
    </section>
  </Layout>
);
