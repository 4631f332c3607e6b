import { Hono, type Context } from 'hono';
import type { StaffPrincipal } from '../access/principal.js';
import { writeAudit } from '../audit/write.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { visibleStations } from '../escalations/queue-query.js';
import { problemPage } from '../views/problem-page.js';
import { REPORT_TABLES, reportCsv, type ReportTable } from './csv.js';
import { buildReport } from './queries.js';
import { parseReportParams } from './range.js';
import { ReportPage } from './views/report-page.js';

/** Admins see every station; a supervisor their own. Caseworkers have no reports. */
function mayReport(staff: StaffPrincipal): boolean {
  return staff.role === 'ADMIN' || (staff.role === 'SUPERVISOR' && staff.stationId !== null);
}

function tableOf(file: string): ReportTable | undefined {
  return REPORT_TABLES.find((table) => file === `${table}.csv`);
}

/** /admin/reports and its CSV exports (each export is audited). */
export function reportRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  async function load(c: Context<ConsoleEnv>) {
    const { staff } = c.get('session');
    const now = deps.clock.now();
    const params = await parseReportParams(prisma, staff, c.req.query(), now);
    return { params, report: await buildReport(prisma, params, now), now };
  }

  app.get('/reports', async (c) => {
    const { staff, csrfToken } = c.get('session');
    if (!mayReport(staff)) return problemPage(c, 403);
    const [{ params, report }, stations] = await Promise.all([load(c), visibleStations(prisma, staff)]);
    return renderPage(c, <ReportPage t={c.get('t')} staff={staff} csrfToken={csrfToken} params={params} stations={stations} report={report} />);
  });

  app.get('/reports/:file', async (c) => {
    const { staff } = c.get('session');
    const table = tableOf(c.req.param('file'));
    if (!table) return problemPage(c, 404);
    if (!mayReport(staff)) return problemPage(c, 403);
    const { params, report, now } = await load(c);
    const csv = reportCsv(c.get('t'), table, report, params.by);
    await writeAudit(
      prisma,
      {
        actorId: staff.id,
        action: 'report.export',
        targetType: 'report',
        targetId: table,
        detail: { by: params.by, from: params.fromDay, to: params.toDay, timezone: params.timezone, stationId: params.stationId ?? null, rows: csv.rows },
      },
      now,
    );
    const name = `tongxing-${table}-${params.by}-${params.fromDay}-${params.toDay}.csv`;
    return c.body(csv.body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
  });

  return app;
}
