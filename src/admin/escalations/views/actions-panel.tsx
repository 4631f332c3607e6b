import type { FC } from 'hono/jsx';
import { ESCALATION_NOTE_MAX } from '../../../escalation/note.js';
import { ESCALATION_OUTCOMES, RESOLUTION_NOTE_MAX } from '../../../escalation/resolve.js';
import type { Translate } from '../../i18n/index.js';
import { outcomeLabel } from '../../i18n/labels.js';
import { CsrfField } from '../../views/layout.js';
import type { EscalationDetail } from '../detail-query.js';

/** Acknowledge, assign, note and resolve: plain forms, each posting back to this escalation. */
export const ActionsPanel: FC<{ t: Translate; detail: EscalationDetail; csrfToken: string }> = ({ t, detail, csrfToken }) => {
  const base = `/admin/escalations/${detail.id}`;
  const open = detail.status !== 'RESOLVED';
  return (
    <section class="card actions" aria-label={t('detail.actions')}>
      <h2>{t('detail.actions')}</h2>
      {detail.status === 'OPEN' ? (
        <form method="post" action={`${base}/ack`}>
          <CsrfField token={csrfToken} />
          <button type="submit" class="primary big" id="ack">
            {t('detail.ack')}
          </button>
        </form>
      ) : null}
      {open && detail.assignees.length > 0 ? (
        <form method="post" action={`${base}/assign`} class="row">
          <CsrfField token={csrfToken} />
          <label>
            {t('detail.assignTo')}
            <select name="assigneeId" required>
              {detail.assignees.map((s) => (
                <option value={s.id} selected={s.id === detail.assignedToId}>
                  {s.displayName}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('detail.assign')}</button>
        </form>
      ) : null}
      <form method="post" action={`${base}/note`} class="stack">
        <CsrfField token={csrfToken} />
        <label>
          {t('detail.note')}
          <textarea name="note" rows={2} maxlength={ESCALATION_NOTE_MAX} required></textarea>
        </label>
        <button type="submit">{t('detail.addNote')}</button>
      </form>
      {open ? (
        <form method="post" action={`${base}/resolve`} class="stack" id="resolve-form">
          <CsrfField token={csrfToken} />
          <label>
            {t('detail.resolveOutcome')}
            <select name="outcome" required>
              <option value=""></option>
              {ESCALATION_OUTCOMES.map((o) => (
                <option value={o}>{outcomeLabel(t, o)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('detail.resolveNote')}
            <textarea name="note" rows={3} maxlength={RESOLUTION_NOTE_MAX}></textarea>
          </label>
          <button type="submit" class="primary" id="resolve">
            {t('detail.resolve')}
          </button>
        </form>
      ) : null}
    </section>
  );
};
