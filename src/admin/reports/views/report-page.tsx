import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Layout } from '../../views/layout.js';
import { AreaTabs } from '../../staff/views/area-tabs.js';
import type { ReportTable } from '../csv.js';
import { groupLabel, levelCell, percent, seconds } from '../labels.js';
import type { Report, ReportGroup } from '../queries.js';
import { paramsToQuery, REPORT_DIMENSIONS, type ReportParams } from '../range.js';
import { StationSelect } from '../../views/station-select.js';

const Filters: FC<{ t: Translate; staff: StaffPrincipal; params: ReportParams; stations: { id: string; name: string }[] }> = ({ t, staff, params, stations }) => (
  <form method="get" action="/admin/reports" class="filters">
    <label>
      {t('reports.from')}
      <input type="date" name="from" value={params.fromDay} required />
    </label>
    <label>
      {t('reports.to')}
      <input type="date" name="to" value={params.toDay} required />
    </label>
    <label>
      {t('reports.by')}
      <select name="by">
        {REPORT_DIMENSIONS.map((by) => (
          <option value={by} selected={params.by === by}>
            {t(by === 'station' ? 'reports.byStation' : 'reports.byCaseworker')}
          </option>
        ))}
      </select>
    </label>
    {staff.role === 'ADMIN' ? (
      <StationSelect label={t('reports.station')} stations={stations} selected={params.stationId} anyLabel={t('reports.allStations')} />
    ) : null}
    <button type="submit">{t('reports.apply')}</button>
  </form>
);

const Head: FC<{ t: Translate; title: string; note: string; table: ReportTable; params: ReportParams }> = ({ t, title, note, table, params }) => (
  <div class="report-head">
    <h2>{title}</h2>
    <a class="button-link" href={`/admin/reports/${table}.csv?${paramsToQuery(params)}`} download>
      {t('reports.csv')}
    </a>
    <p class="hint">{note}</p>
  </div>
);

function rowClass(group: ReportGroup): string | undefined {
  return group.kind === 'all' ? 'total' : undefined;
}

/** One report table: its heading and CSV link, a column per head, and a row per group (or "nothing in range"). */
function ReportSection<Row extends { group: ReportGroup }>(props: {
  t: Translate;
  params: ReportParams;
  table: ReportTable;
  title: string;
  note: string;
  heads: string[];
  rows: Row[];
  cells: (row: Row) => (string | number)[];
  rowClassOf?: (row: Row) => string | undefined;
}) {
  const { t, params, table, heads, rows } = props;
  const groupHead = t(params.by === 'station' ? 'reports.station' : 'reports.caseworker');
  return (
    <section class="card report" id={table}>
      <Head t={t} title={props.title} note={props.note} table={table} params={params} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{groupHead}</th>
              {heads.map((head) => (
                <th>{head}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colspan={heads.length + 1} class="hint">
                  {t('reports.empty')}
                </td>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr class={props.rowClassOf?.(row) ?? rowClass(row.group)}>
                <th scope="row">{groupLabel(t, params.by, row.group)}</th>
                {props.cells(row).map((cell) => (
                  <td>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const ReportPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  params: ReportParams;
  stations: { id: string; name: string }[];
  report: Report;
}> = ({ t, staff, csrfToken, params, stations, report }) => (
  <Layout t={t} locale={staff.locale} title={t('reports.title')} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="reports" />
    <h1>{t('reports.title')}</h1>
    <Filters t={t} staff={staff} params={params} stations={stations} />
    <p class="hint">{t('reports.rangeNote', { from: params.fromDay, to: params.toDay, tz: params.timezone })}</p>
    <ReportSection
      t={t}
      params={params}
      table="check-ins"
      title={t('reports.checkIns')}
      note={t('reports.checkInsNote')}
      heads={[t('reports.sent'), t('reports.answered'), t('reports.pending'), t('reports.responseRate')]}
      rows={report.checkIns}
      cells={(r) => [r.sent, r.answered, r.pending, percent(r.rate)]}
    />
    <ReportSection
      t={t}
      params={params}
      table="attendance"
      title={t('reports.attendance')}
      note={t('reports.attendanceNote')}
      heads={[t('reports.attended'), t('reports.missed'), t('reports.excused'), t('reports.unrecorded'), t('reports.attendanceRate')]}
      rows={report.attendance}
      cells={(r) => [r.attended, r.missed, r.excused, r.unrecorded, percent(r.rate)]}
    />
    <ReportSection
      t={t}
      params={params}
      table="escalations"
      title={t('reports.escalations')}
      note={t('reports.escalationsNote')}
      heads={[
        t('reports.level'),
        t('reports.opened'),
        t('reports.acknowledged'),
        t('reports.ackMedian'),
        t('reports.ackP90'),
        t('reports.reescalations'),
        t('reports.reescalated'),
      ]}
      rows={report.escalations}
      cells={(r) => [levelCell(t, r.level), r.opened, r.acknowledged, seconds(t, r.ackMedianSec), seconds(t, r.ackP90Sec), r.reescalations, r.reescalated]}
      rowClassOf={(r) => (r.level === null ? 'subtotal' : rowClass(r.group))}
    />
  </Layout>
);
