import type { FC } from 'hono/jsx';
import type { BroadcastPreview } from '../../../scheduler/broadcast.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import { audienceLabel } from '../labels.js';
import type { BroadcastRow } from '../queries.js';

/** A draft with its recipient count and the text as people will read it; or a sent one with its count. */
export const BroadcastPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  broadcast: BroadcastRow;
  /** Only for drafts. */
  preview: BroadcastPreview | undefined;
  /** The announcement as a recipient in the staff member's language reads it. */
  asRead: string;
  quietUntil: Date | undefined;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, broadcast, preview, asRead, quietUntil, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={t('broadcast.previewTitle')} signedIn={{ staff, csrfToken }}>
    <p>
      <a href="/admin/broadcasts">← {t('broadcast.title')}</a>
    </p>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <h1>{broadcast.sentAt ? t('broadcast.title') : t('broadcast.previewTitle')}</h1>
    <dl class="facts card">
      <dt>{t('broadcast.station')}</dt>
      <dd>{broadcast.stationName}</dd>
      <dt>{t('broadcast.audience')}</dt>
      <dd>{audienceLabel(t, broadcast.audience)}</dd>
    </dl>
    <section class="card">
      <p class="hint">{t('broadcast.asRead')}</p>
      <p class="msg bubble" id="as-read">
        {asRead}
      </p>
    </section>
    {preview ? (
      <section class="card stack" id="preview">
        <p id="recipient-count" data-count={String(preview.recipients)}>
          {t('broadcast.recipients', { count: preview.recipients, people: preview.people })}
        </p>
        <p class="hint">{t('broadcast.skipped', { ...preview.skipped })}</p>
        {quietUntil ? <p class="flash error">{t('broadcast.quiet', { time: localTime(quietUntil, broadcast.timezone) })}</p> : null}
        <p class="hint">{t('broadcast.pace')}</p>
        <form method="post" action={`/admin/broadcasts/${broadcast.id}/send`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="primary big" id="send">
            {t('broadcast.send')}
          </button>
        </form>
        <a href={`/admin/broadcasts?from=${broadcast.id}`}>{t('broadcast.edit')}</a>
      </section>
    ) : (
      <p class="card">{broadcast.sentAt ? t('broadcast.sentAt', { time: localTime(broadcast.sentAt, broadcast.timezone), count: broadcast.recipientCount }) : null}</p>
    )}
  </Layout>
);
