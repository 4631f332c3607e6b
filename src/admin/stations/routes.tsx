import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { loadStation, listStations } from './queries.js';
import { createStation, updateStation } from './save.js';
import { StationSchema } from './schema.js';
import { StationListPage } from './views/list-page.js';
import type { StationFormValues } from './views/station-form.js';
import { StationPage } from './views/station-page.js';

const FIELDS = ['name', 'region', 'timezone', 'emergencyNumber', 'hotline', 'drugCounsellingNumber', 'reliefOfficeNumber'] as const;

function formValues(body: Record<string, unknown>): StationFormValues {
  const values: StationFormValues = {};
  for (const field of FIELDS) {
    const value = body[field];
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/** /admin/stations: every role sees its stations; admins create and edit them. */
export function stationRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  async function listPage(c: Context<ConsoleEnv>, extra: { values?: StationFormValues; error?: string } = {}, status: 200 | 422 = 200) {
    const { staff, csrfToken } = c.get('session');
    const stations = await listStations(prisma, staff);
    return renderPage(c, <StationListPage t={c.get('t')} staff={staff} csrfToken={csrfToken} stations={stations} {...extra} />, status);
  }

  app.get('/stations', (c) => listPage(c));

  app.post('/stations', async (c) => {
    const { staff } = c.get('session');
    if (staff.role !== 'ADMIN') return problemPage(c, 403);
    const body = await c.req.parseBody();
    const parsed = StationSchema.safeParse(body);
    if (!parsed.success) return listPage(c, { values: formValues(body), error: c.get('t')('stations.error.invalid') }, 422);
    const result = await createStation(prisma, { staff }, parsed.data, deps.clock.now());
    if (!result.ok) return problemPage(c, 403);
    return c.redirect(`/admin/stations/${result.id}?done=created`, 303);
  });

  app.get('/stations/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const station = await loadStation(prisma, staff, c.req.param('id'));
    if (!station) return problemPage(c, 404);
    const done = c.req.query('done');
    const notice = done === 'created' ? t('stations.done.created') : done === 'saved' ? t('stations.done.saved') : undefined;
    return renderPage(c, <StationPage t={t} staff={staff} csrfToken={csrfToken} station={station} notice={notice} />);
  });

  app.post('/stations/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const id = c.req.param('id');
    const station = await loadStation(prisma, staff, id);
    if (!station) return problemPage(c, 404);
    if (staff.role !== 'ADMIN') return problemPage(c, 403);
    const body = await c.req.parseBody();
    const parsed = StationSchema.safeParse(body);
    if (!parsed.success) {
      const page = <StationPage t={t} staff={staff} csrfToken={csrfToken} station={station} values={formValues(body)} error={t('stations.error.invalid')} />;
      return renderPage(c, page, 422);
    }
    const result = await updateStation(prisma, { staff }, id, parsed.data, deps.clock.now());
    if (!result.ok) return problemPage(c, result.reason === 'forbidden' ? 403 : 404);
    return c.redirect(`/admin/stations/${id}?done=saved`, 303);
  });

  return app;
}
