import type { FC } from 'hono/jsx';
import type { ContentKind } from '../../../generated/prisma/client.js';
import { LOCALES } from '../../../i18n/index.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField, Flash, Layout } from '../../views/layout.js';
import { CONTENT_KINDS } from '../forms.js';
import { kindLabel, localeLabel, scopeLabel } from '../labels.js';

/** An entry as the form shows it: a stored one, a copy to adapt, or a blank one. */
export interface EntryDraft {
  id?: string;
  kind: ContentKind;
  key: string;
  locale: string;
  scope: string;
  title: string;
  body: string;
  phone: string | null;
  hours: string | null;
  tags: string[];
  sortOrder: number;
  verifyBeforeLaunch: boolean;
  active: boolean;
}

export type EntryMode = 'new' | 'edit' | 'view';

const ScopeFields: FC<{ t: Translate; stations: { id: string; name: string }[] }> = ({ t, stations }) => (
  <fieldset class="stack">
    <legend>{t('content.scope')}</legend>
    <label>
      {t('content.scope')}
      <select name="scopeType">
        <option value="global">{t('content.scopeType.global')}</option>
        <option value="region">{t('content.scopeType.region')}</option>
        <option value="station" selected>
          {t('content.scopeType.station')}
        </option>
      </select>
    </label>
    <label>
      {t('content.region')}
      <input name="region" maxlength={40} />
    </label>
    <label>
      {t('content.station')}
      <select name="stationId">
        {stations.map((s) => (
          <option value={s.id}>{s.name}</option>
        ))}
      </select>
    </label>
  </fieldset>
);

const IdentityFields: FC<{ t: Translate; draft: EntryDraft }> = ({ t, draft }) => (
  <>
    <label>
      {t('content.kind')}
      <select name="kind" required>
        {CONTENT_KINDS.map((k) => (
          <option value={k} selected={draft.kind === k}>
            {kindLabel(t, k)}
          </option>
        ))}
      </select>
    </label>
    <label>
      {t('content.key')}
      <input name="key" required pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,79}" value={draft.key} autocapitalize="none" spellcheck={false} />
    </label>
    <label>
      {t('content.locale')}
      <select name="locale" required>
        {LOCALES.map((l) => (
          <option value={l} selected={draft.locale === l}>
            {localeLabel(t, l)}
          </option>
        ))}
      </select>
    </label>
  </>
);

const TextFields: FC<{ t: Translate; draft: EntryDraft }> = ({ t, draft }) => (
  <>
    <label>
      {t('content.fieldTitle')}
      <input name="title" required maxlength={200} value={draft.title} />
    </label>
    <label>
      {t('content.body')}
      <textarea name="body" rows={8} required maxlength={4000}>
        {draft.body}
      </textarea>
    </label>
    <label>
      {t('content.phone')}
      <input name="phone" maxlength={40} value={draft.phone ?? ''} inputmode="tel" />
    </label>
    <label>
      {t('content.hours')}
      <input name="hours" maxlength={100} value={draft.hours ?? ''} />
    </label>
    <label>
      {t('content.tags')}
      <input name="tags" value={draft.tags.join(', ')} />
    </label>
    <label>
      {t('content.sortOrder')}
      <input name="sortOrder" type="number" min={0} max={9999} value={String(draft.sortOrder)} />
    </label>
    <label class="check">
      <input type="checkbox" name="verifyBeforeLaunch" checked={draft.verifyBeforeLaunch} /> {t('content.verify')}
    </label>
    <p class="hint">{t('content.verifyHint')}</p>
  </>
);

const ReadOnly: FC<{ t: Translate; draft: EntryDraft }> = ({ t, draft }) => (
  <dl class="facts card">
    <dt>{t('content.fieldTitle')}</dt>
    <dd>{draft.title}</dd>
    <dt>{t('content.body')}</dt>
    <dd class="note">{draft.body}</dd>
    {draft.phone ? (
      <>
        <dt>{t('content.phone')}</dt>
        <dd>{draft.phone}</dd>
      </>
    ) : null}
    {draft.hours ? (
      <>
        <dt>{t('content.hours')}</dt>
        <dd>{draft.hours}</dd>
      </>
    ) : null}
    <dt>{t('content.tags')}</dt>
    <dd>{draft.tags.join(', ')}</dd>
  </dl>
);

export const EntryPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  mode: EntryMode;
  draft: EntryDraft;
  stations: { id: string; name: string }[];
  /** A supervisor reading a shared entry may start their station's own version of it. */
  canAdapt: boolean;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, mode, draft, stations, canAdapt, notice, error }) => {
  const names = new Map(stations.map((s) => [s.id, s.name]));
  const title = t(mode === 'new' ? 'content.newTitle' : mode === 'edit' ? 'content.editTitle' : 'content.viewTitle');
  return (
    <Layout t={t} locale={staff.locale} title={title} signedIn={{ staff, csrfToken }}>
      <p>
        <a href="/admin/content">← {t('content.back')}</a>
      </p>
      <Flash kind="ok" text={notice} />
      <Flash kind="error" text={error} />
      <h1 class="detail-title">
        {title}
        {draft.verifyBeforeLaunch && mode !== 'new' ? <span class="badge verify">{t('content.verifyBadge')}</span> : null}
        {draft.active ? null : <span class="badge">{t('content.retiredBadge')}</span>}
      </h1>
      {mode === 'new' ? null : (
        <p class="esc-meta">
          <span class="badge">{kindLabel(t, draft.kind)}</span>
          <span class="pseudo">{draft.key}</span>
          <span>{localeLabel(t, draft.locale)}</span>
          <span>{scopeLabel(t, draft.scope, names)}</span>
        </p>
      )}
      {mode === 'view' ? (
        <>
          <ReadOnly t={t} draft={draft} />
          <p class="readonly card">{t('content.readOnly')}</p>
          {canAdapt && draft.id ? (
            <p>
              <a class="button" href={`/admin/content/new?from=${draft.id}`}>
                {t('content.stationVersion')}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <form method="post" action={mode === 'new' ? '/admin/content' : `/admin/content/${draft.id ?? ''}`} class="stack card" id="content-form">
          <CsrfField token={csrfToken} />
          {mode === 'new' ? <IdentityFields t={t} draft={draft} /> : null}
          {mode === 'new' && staff.role === 'ADMIN' ? <ScopeFields t={t} stations={stations} /> : null}
          {mode === 'new' && staff.role !== 'ADMIN' ? <p class="hint">{scopeLabel(t, draft.scope, names)}</p> : null}
          <TextFields t={t} draft={draft} />
          <button type="submit" class="primary">
            {t(mode === 'new' ? 'content.create' : 'content.save')}
          </button>
        </form>
      )}
      {mode === 'edit' && draft.id ? (
        <form method="post" action={`/admin/content/${draft.id}/${draft.active ? 'retire' : 'restore'}`} class="card">
          <CsrfField token={csrfToken} />
          <button type="submit" id="retire">
            {t(draft.active ? 'content.retire' : 'content.restore')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
};
