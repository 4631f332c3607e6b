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

const Empty: FC<{ t: Translate; cols: number }> = ({ t, cols }) => (
  <tr>
    <td colspan={cols} class="hint">
      {t('reports.empty')}
    </td>
  </tr>
);

export const ReportPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  params: ReportParams;
  stations: { id: string; name: string }[];
  report: Report;
}> = ({ t, staff, csrfToken, params, stations, report }) => {
  const groupHead = t(params.by === 'station' ? 'reports.station' : 'reports.caseworker');
  return (
    <Layout t={t} locale={staff.locale} title={t('reports.title')} signedIn={{ staff, csrfToken }}>
      <AreaTabs t={t} staff={staff} current="reports" />
      <h1>{t('reports.title')}</h1>
      <Filters t={t} staff={staff} params={params} stations={stations} />
      <p class="hint">{t('reports.rangeNote', { from: params.fromDay, to: params.toDay, tz: params.timezone })}</p>

      <section class="card report" id="check-ins">
        <Head t={t} title={t('reports.checkIns')} note={t('reports.checkInsNote')} table="check-ins" params={params} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{groupHead}</th>
                <th>{t('reports.sent')}</th>
                <th>{t('reports.answered')}</th>
                <th>{t('reports.pending')}</th>
                <th>{t('reports.responseRate')}</th>
              </tr>
            </thead>
            <tbody>
              {report.checkIns.length === 0 ? <Empty t={t} cols={5} /> : null}
              {report.checkIns.map((r) => (
                <tr class={rowClass(r.group)}>
                  <th scope="row">{groupLabel(t, params.by, r.group)}</th>
                  <td>{r.sent}</td>
                  <td>{r.answered}</td>
                  <td>{r.pending}</td>
                  <td>{percent(r.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="card report" id="attendance">
        <Head t={t} title={t('reports.attendance')} note={t('reports.attendanceNote')} table="attendance" params={params} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{groupHead}</th>
                <th>{t('reports.attended')}</th>
                <th>{t('reports.missed')}</th>
                <th>{t('reports.excused')}</th>
                <th>{t('reports.unrecorded')}</th>
                <th>{t('reports.attendanceRate')}</th>
              </tr>
            </thead>
            <tbody>
              {report.attendance.length === 0 ? <Empty t={t} cols={6} /> : null}
              {report.attendance.map((r) => (
                <tr class={rowClass(r.group)}>
                  <th scope="row">{groupLabel(t, params.by, r.group)}</th>
                  <td>{r.attended}</td>
                  <td>{r.missed}</td>
                  <td>{r.excused}</td>
                  <td>{r.unrecorded}</td>
                  <td>{percent(r.rate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section class="card report" id="escalations">
        <Head t={t} title={t('reports.escalations')} note={t('reports.escalationsNote')} table="escalations" params={params} />
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th>{groupHead}</th>
                <th>{t('reports.level')}</th>
                <th>{t('reports.opened')}</th>
                <th>{t('reports.acknowledged')}</th>
                <th>{t('reports.ackMedian')}</th>
                <th>{t('reports.ackP90')}</th>
                <th>{t('reports.reescalations')}</th>
                <th>{t('reports.reescalated')}</th>
              </tr>
            </thead>
            <tbody>
              {report.escalations.length === 0 ? <Empty t={t} cols={8} /> : null}
              {report.escalations.map((r) => (
                <tr class={r.level === null ? 'subtotal' : rowClass(r.group)}>
                  <th scope="row">{groupLabel(t, params.by, r.group)}</th>
                  <td>{levelCell(t, r.level)}</td>
                  <td>{r.opened}</td>
                  <td>{r.acknowledged}</td>
                  <td>{seconds(t, r.ackMedianSec)}</td>
                  <td>{seconds(t, r.ackP90Sec)}</td>
                  <td>{r.reescalations}</td>
                  <td>{r.reescalated}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
};
