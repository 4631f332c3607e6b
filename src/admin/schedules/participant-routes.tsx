import type { AdminDeps } from '../deps.js';
import { appointmentOffsetsFor } from '../../scheduler/index.js';
import { Hono } from 'hono';
import { addDays, localDate, validZone } from '../../scheduler/time.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { parseCheckInForm, parseMuteForm } from './forms.js';
import { reminderOutlook } from './outlook.js';
import { latestResumeDate, loadParticipantSchedule, setCheckInSchedule, setMute } from './participant-settings.js';
import { listAppointments } from './query.js';
import { afterChange, flashes } from './respond.js';
import { ParticipantSchedulePage } from './views/participant-page.js';

/** Coming appointments shown on a person's page. */
const UPCOMING_DAYS = 60;

/** /admin/schedules/participants/:id: pause reminders, check-in cadence and time (linked from the people pages). */
export function participantRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;
  const base = (id: string) => `/admin/schedules/participants/${encodeURIComponent(id)}`;

  app.get('/schedules/participants/:id', async (c) => {
    const { staff, csrfToken } = c.get('session');
    const settings = deps.schedulerSettings;
    const lookup = await loadParticipantSchedule(prisma, staff, c.req.param('id'));
    if (lookup.access === 'none') return problemPage(c, 404);
    const { person } = lookup;
    const now = deps.clock.now();
    const zone = validZone(person.timezone, settings.options.defaultTimezone);
    const views = await listAppointments(prisma, staff, {
      from: now,
      to: new Date(now.getTime() + UPCOMING_DAYS * 86_400_000),
      participantId: person.id,
      status: 'SCHEDULED',
    });
    const upcoming = views.map((view) => ({ view, lines: reminderOutlook(view, appointmentOffsetsFor(settings.options, view.kind), settings.options.defaultTimezone, now) }));
    return renderPage(
      c,
      <ParticipantSchedulePage
        t={c.get('t')}
        staff={staff}
        csrfToken={csrfToken}
        person={person}
        canAct={lookup.access === 'act'}
        upcoming={upcoming}
        resume={{ min: addDays(localDate(now, zone), 1), max: latestResumeDate(now, zone) }}
        {...flashes(c)}
      />,
    );
  });

  app.post('/schedules/participants/:id/mute', async (c) => {
    const id = c.req.param('id');
    const form = parseMuteForm(await c.req.parseBody({ all: true }));
    const result = form
      ? await setMute(deps, { staff: c.get('session').staff }, id, form.resumeOn)
      : await refusalFor(id, c.get('session').staff);
    if (result.ok) return afterChange(c, base(id), { ok: true, done: form?.resumeOn ? 'muted' : 'unmuted' });
    return afterChange(c, base(id), { ...result, error: 'mute' });
  });

  app.post('/schedules/participants/:id/check-in', async (c) => {
    const id = c.req.param('id');
    const form = parseCheckInForm(await c.req.parseBody({ all: true }));
    const result = form ? await setCheckInSchedule(deps, { staff: c.get('session').staff }, id, form) : await refusalFor(id, c.get('session').staff);
    if (result.ok) return afterChange(c, base(id), { ok: true, done: 'checkIn' });
    return afterChange(c, base(id), { ...result, error: 'cadence' });
  });

  /** A form that does not validate: still a 404 or 403 first for whoever may not act. */
  async function refusalFor(id: string, staff: Parameters<typeof loadParticipantSchedule>[1]) {
    const lookup = await loadParticipantSchedule(prisma, staff, id);
    if (lookup.access === 'none') return { ok: false as const, reason: 'not-found' as const };
    if (lookup.access !== 'act') return { ok: false as const, reason: 'forbidden' as const };
    return { ok: false as const, reason: 'invalid' as const };
  }

  return app;
}
