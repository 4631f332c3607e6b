import type { AdminDeps } from '../deps.js';
import { appointmentOffsetsFor } from '../../scheduler/index.js';
import { Hono, type Context } from 'hono';
import { localDate, validZone } from '../../scheduler/time.js';
import type { StaffPrincipal } from '../access/principal.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { appointmentRoutes } from './appointment-routes.js';
import { createAppointment } from './create.js';
import { listRange, parseScheduleFilters, statusOf } from './filters.js';
import { createFormValues, parseCreateForm, type CreateFormValues } from './forms.js';
import { reminderOutlook } from './outlook.js';
import { participantRoutes } from './participant-routes.js';
import { LIST_LIMIT, listAppointments, stationPeople, visibleStations, type StationOption } from './query.js';
import { flashes } from './respond.js';
import { NewAppointmentPage } from './views/new-page.js';
import { SchedulePage, type ScheduleData } from './views/schedule-page.js';
import { weekOf } from './week.js';

/** The requested station when visible, else the staff member's own, else the first visible one. */
function pickStation(stations: StationOption[], staff: StaffPrincipal, requested: string | undefined): StationOption | undefined {
  return stations.find((s) => s.id === requested) ?? stations.find((s) => s.id === staff.stationId) ?? stations[0];
}

/** /admin/schedules: the week view and the list, the create form, and (mounted here) appointment and participant pages. */
export function scheduleRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  app.get('/schedules', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const settings = deps.schedulerSettings;
    const filters = parseScheduleFilters(c.req.query());
    const now = deps.clock.now();
    const stations = await visibleStations(prisma, staff);
    const station = pickStation(stations, staff, filters.stationId);
    const zone = validZone(station?.timezone, settings.options.defaultTimezone);
    const today = localDate(now, zone);
    const week = weekOf(filters.week ?? today, zone);
    const range = listRange(filters, today, zone);
    const window = filters.view === 'week' ? { from: week.start, to: week.end } : { from: range.start, to: range.end };
    const views = station
      ? await listAppointments(prisma, staff, { ...window, stationId: station.id, kind: filters.kind, status: statusOf(filters.status) })
      : [];
    const data: ScheduleData = {
      views,
      lines: new Map(views.map((v) => [v.id, reminderOutlook(v, appointmentOffsetsFor(settings.options, v.kind), settings.options.defaultTimezone, now)])),
      limited: views.length >= LIST_LIMIT,
      station,
      zone,
      range: { from: range.from, to: range.to },
      week,
      today,
    };
    const { notice } = flashes(c, { count: Number(c.req.query('count') ?? 1) || 1 });
    return renderPage(c, <SchedulePage t={c.get('t')} staff={staff} csrfToken={csrfToken} filters={filters} stations={stations} data={data} notice={notice} />);
  });

  async function newPage(c: Context<ConsoleEnv>, values: CreateFormValues, error?: { message: string; status: 403 | 422 }) {
    const { staff, csrfToken } = c.get('session');
    const stations = await visibleStations(prisma, staff);
    const station = pickStation(stations, staff, values.station);
    if (!station) return problemPage(c, 404);
    const people = await stationPeople(prisma, staff, station.id);
    return renderPage(
      c,
      <NewAppointmentPage t={c.get('t')} staff={staff} csrfToken={csrfToken} stations={stations} station={station} people={people} values={values} error={error?.message} />,
      error?.status ?? 200,
    );
  }

  app.get('/schedules/new', (c) => {
    const station = c.req.query('station');
    return newPage(c, { attendees: [], wholeStation: false, ...(station ? { station } : {}) });
  });

  app.post('/schedules', async (c) => {
    const staff = c.get('session').staff;
    const t = c.get('t');
    const values = createFormValues(await c.req.parseBody({ all: true }));
    const input = parseCreateForm(values);
    if (!input) return newPage(c, values, { message: t('sched.error.invalid'), status: 422 });
    const result = await createAppointment(deps, { staff }, input);
    if (result.ok) {
      const first = await prisma.appointment.findUniqueOrThrow({ where: { id: result.appointmentIds[0] ?? '' }, select: { startsAt: true, station: { select: { timezone: true } } } });
      const week = localDate(first.startsAt, validZone(first.station.timezone, deps.schedulerSettings.options.defaultTimezone));
      return c.redirect(`/admin/schedules?view=week&station=${encodeURIComponent(input.stationId)}&week=${week}&done=created&count=${result.appointmentIds.length}`, 303);
    }
    switch (result.reason) {
      case 'not-found':
        return problemPage(c, 404);
      case 'forbidden':
        return newPage(c, values, { message: t('sched.error.forbiddenCreate'), status: 403 });
      default:
        return newPage(c, values, { message: t('sched.error.invalid'), status: 422 });
    }
  });

  app.route('/', appointmentRoutes(deps));
  app.route('/', participantRoutes(deps));
  return app;
}
