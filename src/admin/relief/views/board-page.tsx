import type { FC } from 'hono/jsx';
import { RELIEF_PROGRAMS } from '../../../conversation/choices.js';
import { RELIEF_STATUSES } from '../../../relief/change-status.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { formatDuration } from '../../i18n/labels.js';
import { Flash, Layout } from '../../views/layout.js';
import type { Board, ReliefCard } from '../board-query.js';
import type { BoardFilters } from '../filters.js';
import { reliefProgramLabel, reliefStatusLabel } from '../labels.js';
import { MoveForm } from './move-form.js';
import { PrescreenAnswers } from './prescreen.js';
import { StationSelect } from '../../views/station-select.js';

const Card: FC<{ t: Translate; staff: StaffPrincipal; card: ReliefCard; now: Date; csrfToken: string }> = ({ t, staff, card, now, csrfToken }) => (
  <li class="relief-card" data-id={card.id} data-status={card.status}>
    <a class="relief-link" href={`/admin/relief/${card.id}`}>
      <span class="program">{reliefProgramLabel(t, card.program)}</span>
      <span class="pseudo">{card.pseudonym}</span>
    </a>
    <span class="relief-meta">
      <span class="age">{t('relief.age', { time: formatDuration(t, now.getTime() - card.createdAt.getTime()) })}</span>
      {staff.role === 'ADMIN' ? <span class="station">{card.stationName}</span> : null}
    </span>
    <PrescreenAnswers t={t} locale={staff.locale} prescreen={card.prescreen} />
    {card.canAct ? <MoveForm t={t} id={card.id} status={card.status} csrfToken={csrfToken} withNote={false} /> : null}
  </li>
);

const Filters: FC<{ t: Translate; staff: StaffPrincipal; filters: BoardFilters; stations: { id: string; name: string }[] }> = ({ t, staff, filters, stations }) => (
  <form method="get" action="/admin/relief" class="filters">
    <label>
      {t('relief.filterProgram')}
      <select name="program">
        <option value="">{t('relief.anyProgram')}</option>
        {RELIEF_PROGRAMS.map((p) => (
          <option value={p} selected={filters.program === p}>
            {reliefProgramLabel(t, p)}
          </option>
        ))}
      </select>
    </label>
    {staff.role === 'ADMIN' ? (
      <StationSelect label={t('relief.filterStation')} stations={stations} selected={filters.stationId} anyLabel={t('relief.allStations')} />
    ) : (
      <label class="check">
        <input type="checkbox" name="mine" value="1" checked={filters.mine} />
        {t('relief.filterMine')}
      </label>
    )}
    <button type="submit">{t('relief.filterApply')}</button>
  </form>
);

/** The board: one column per status, each card movable by whoever may act for the person. */
export const BoardPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  filters: BoardFilters;
  stations: { id: string; name: string }[];
  board: Board;
  now: Date;
  notice?: string | undefined;
  error?: string | undefined;
}> = ({ t, staff, csrfToken, filters, stations, board, now, notice, error }) => (
  <Layout t={t} locale={staff.locale} title={t('relief.title')} signedIn={{ staff, csrfToken }}>
    <h1>{t('relief.title')}</h1>
    <Flash kind="ok" text={notice} />
    <Flash kind="error" text={error} />
    <Filters t={t} staff={staff} filters={filters} stations={stations} />
    <p class="hint">{t('relief.messageHint')}</p>
    <div class="board">
      {RELIEF_STATUSES.map((status) => (
        <section class={`column col-${status.toLowerCase()}`} id={`col-${status}`} aria-label={reliefStatusLabel(t, status)}>
          <h2>
            {reliefStatusLabel(t, status)} <span class="count">{t('relief.count', { count: board[status].length })}</span>
          </h2>
          {board[status].length === 0 ? (
            <p class="empty">{t('relief.empty')}</p>
          ) : (
            <ol class="cards">
              {board[status].map((card) => (
                <Card t={t} staff={staff} card={card} now={now} csrfToken={csrfToken} />
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  </Layout>
);
