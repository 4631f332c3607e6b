import type { AdminDeps } from '../deps.js';
import { appointmentOffsetsFor } from '../../scheduler/index.js';
import { DateTime } from 'luxon';
import { Hono } from 'hono';
import { validZone } from '../../scheduler/time.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { recordAttendanceFor } from './attendance.js';
import { cancelScheduledAppointment, moveAppointment } from './change.js';
import { parseAttendanceForm, parseMoveForm } from './forms.js';
import { loadAppointmentTarget } from './load-appointment.js';
import { offsetsText, reminderOutlook } from './outlook.js';
import { loadAppointmentView } from './query.js';
import { afterChange, flashes } from './respond.js';
import { AppointmentPage } from './views/appointment-page.js';

/** One appointment: its attendees and reminders, and moving, cancelling and attendance. */
export function appointmentRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;
  const base = (id: string) => `/admin/schedules/appointments/${encodeURIComponent(id)}`;

  app.get('/schedules/appointments/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const settings = deps.schedulerSettings;
    const view = await loadAppointmentView(prisma, staff, c.req.param('id'));
    if (!view) return problemPage(c, 404);
    const now = deps.clock.now();
    const start = DateTime.fromJSDate(view.startsAt, { zone: validZone(view.timezone, settings.options.defaultTimezone) });
    const offsets = appointmentOffsetsFor(settings.options, view.kind);
    return renderPage(
      c,
      <AppointmentPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        view={view}
        lines={reminderOutlook(view, offsets, settings.options.defaultTimezone, now)}
        remindersHint={t('sched.remindersHint', { offsets: offsetsText(t, offsets) })}
        local={{ date: start.toISODate() ?? '', time: start.toFormat('HH:mm') }}
        {...flashes(c)}
      />,
    );
  });

  /** A form that does not validate is still a 404 or 403 first, for whoever may not act. */
  async function invalid(c: Parameters<typeof afterChange>[0], id: string) {
    const lookup = await loadAppointmentTarget(prisma, c.get('session').staff, id);
    if (lookup.access === 'none') return problemPage(c, 404);
    if (lookup.access !== 'act') return problemPage(c, 403);
    return c.redirect(`${base(id)}?error=invalid`, 303);
  }

  app.post('/schedules/appointments/:id/move', async (c) => {
    const id = c.req.param('id');
    const form = parseMoveForm(await c.req.parseBody({ all: true }));
    if (!form) return invalid(c, id);
    const result = await moveAppointment(deps, { staff: c.get('session').staff }, id, form);
    return afterChange(c, base(id), result.ok ? { ok: true, done: 'moved' } : result);
  });

  app.post('/schedules/appointments/:id/cancel', async (c) => {
    const id = c.req.param('id');
    const result = await cancelScheduledAppointment(deps, { staff: c.get('session').staff }, id);
    return afterChange(c, base(id), result.ok ? { ok: true, done: 'cancelled' } : result);
  });

  app.post('/schedules/appointments/:id/attendance', async (c) => {
    const id = c.req.param('id');
    const form = parseAttendanceForm(await c.req.parseBody({ all: true }));
    if (!form) {
      const lookup = await loadAppointmentTarget(prisma, c.get('session').staff, id);
      return lookup.access === 'none' ? problemPage(c, 404) : c.redirect(`${base(id)}?error=invalid`, 303);
    }
    const result = await recordAttendanceFor(deps, { staff: c.get('session').staff }, { appointmentId: id, ...form });
    return afterChange(c, base(id), result.ok ? { ok: true, done: result.signalled ? 'signalled' : 'attendance' } : result);
  });

  return app;
}
