import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import { BROADCAST_AUDIENCES, BROADCAST_BODY_MAX } from '../forms.js';
import { audienceLabel } from '../labels.js';
import type { BroadcastRow } from '../queries.js';

export interface ComposeDraft {
  stationId?: string;
  audience?: string;
  body?: string;
}

const Compose: FC<{ t: Translate; csrfToken: string; stations: { id: string; name: string }[]; draft: ComposeDraft }> = ({ t, csrfToken, stations, draft }) => (
  <form method="post" action="/admin/broadcasts/preview" class="stack card" id="compose">
    <h2>{t('broadcast.compose')}</h2>
    <CsrfField token={csrfToken} />
    <label>
      {t('broadcast.station')}
      <select name="stationId" required>
        {stations.map((s) => (
          <option value={s.id} selected={draft.stationId === s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('broadcast.audience')}
      <select name="audience" required>
        {BROADCAST_AUDIENCES.map((a) => (
          <option value={a} selected={draft.audience === a}>
            {audienceLabel(t, a)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('broadcast.body')}
      <textarea name="body" rows={5} required maxlength={BROADCAST_BODY_MAX}>
        {draft.body ?? ''}
      </textarea>
    </label>
    <p class="hint">{t('broadcast.bodyHint')}</p>
    <button type="submit" class="primary">
      {t('broadcast.preview')}
    </button>
  </form>
);

export const BroadcastListPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  stations: { id: string; name: string }[];
  rows: BroadcastRow[];
  draft: ComposeDraft;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, stations, rows, draft, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={t('broadcast.title')} signedIn={{ staff, csrfToken }}>
    <h1>{t('broadcast.title')}</h1>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    {stations.length > 0 ? <Compose t={t} csrfToken={csrfToken} stations={stations} draft={draft} /> : null}
    <section class="card">
      <h2>{t('broadcast.history')}</h2>
      {rows.length === 0 ? (
        <p class="empty">{t('broadcast.empty')}</p>
      ) : (
        <ol class="history broadcasts">
          {rows.map((row) => (
            <li data-id={row.id}>
              <a href={`/admin/broadcasts/${row.id}`}>
                {row.stationName} · {audienceLabel(t, row.audience)}
              </a>
              <span class="what">
                {row.sentAt ? t('broadcast.sentAt', { time: localTime(row.sentAt, row.timezone), count: row.recipientCount }) : t('broadcast.draft')}
              </span>
              {row.createdBy ? <span class="who">{t('broadcast.by', { name: row.createdBy })}</span> : null}
              <p class="note">{row.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  </Layout>
);
