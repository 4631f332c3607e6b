import type { FC } from 'hono/jsx';
import type { ReliefStatus } from '../../../generated/prisma/client.js';
import { RELIEF_NOTE_MAX, RELIEF_STATUSES } from '../../../relief/change-status.js';
import type { Translate } from '../../i18n/index.js';
import { CsrfField } from '../../views/layout.js';
import { reliefStatusLabel } from '../labels.js';

/** The usual next step, offered first. */
const NEXT: Record<ReliefStatus, ReliefStatus> = { NEW: 'IN_PROGRESS', IN_PROGRESS: 'SUBMITTED', SUBMITTED: 'APPROVED', APPROVED: 'IN_PROGRESS', DECLINED: 'IN_PROGRESS' };

/** Move a request to another status: compact on a board card, with a note to the person on its own page. */
export const MoveForm: FC<{ t: Translate; id: string; status: ReliefStatus; csrfToken: string; withNote: boolean }> = ({ t, id, status, csrfToken, withNote }) => (
  <form method="post" action={`/admin/relief/${id}/status`} class={withNote ? 'stack move-form' : 'row move-form'}>
    <CsrfField token={csrfToken} />
    <input type="hidden" name="from" value={status} />
    <input type="hidden" name="back" value={withNote ? 'detail' : 'board'} />
    <label>
      {t('relief.moveTo')}
      <select name="to" required>
        {RELIEF_STATUSES.filter((s) => s !== status).map((s) => (
          <option value={s} selected={s === NEXT[status]}>
            {reliefStatusLabel(t, s)}
          </option>
        ))}
      </select>
    </label>
    {withNote ? (
      <label>
        {t('relief.noteToPerson')}
        <textarea name="note" rows={3} maxlength={RELIEF_NOTE_MAX}></textarea>
      </label>
    ) : null}
    <button type="submit" class={withNote ? 'primary' : ''}>
      {t('relief.move')}
    </button>
  </form>
);
