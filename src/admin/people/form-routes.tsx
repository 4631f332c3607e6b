import { Hono, type Context } from 'hono';
import { DateTime } from 'luxon';
import type { StaffPrincipal } from '../access/principal.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { problemPage } from '../views/problem-page.js';
import { peopleChoices } from './choices.js';
import { loadParticipantProfile } from './detail-query.js';
import { parseFamilyForm } from './family-input.js';
import { familyValues, invalidFields, NEW_FAMILY_VALUES, newParticipantValues, profileValues, submittedValues } from './form-values.js';
import { parseParticipantForm } from './participant-input.js';
import { createFamilyMember, updateFamilyMember } from './save-family.js';
import { createParticipant, updateParticipant, type SaveResult } from './save-participant.js';
import { FamilyFormPage } from './views/family-form-page.js';
import type { FormValues } from './views/form-fields.js';
import { ParticipantFormPage } from './views/participant-form-page.js';

type Ctx = Context<ConsoleEnv>;

/** Creating and editing participants and their family members: plain forms, checked with zod, audited. */
export function participantFormRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  async function participantForm(c: Ctx, options: { id?: string; pseudonym?: string; values: FormValues; errors?: Set<string>; status?: 200 | 422 }) {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const errors = options.errors ?? new Set<string>();
    return renderPage(
      c,
      <ParticipantFormPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        {...(options.id ? { id: options.id, pseudonym: options.pseudonym ?? '' } : {})}
        values={options.values}
        errors={errors}
        choices={await peopleChoices(prisma, staff)}
        problem={errors.size > 0 ? t('people.form.problem') : undefined}
      />,
      options.status ?? 200,
    );
  }

  /** Today in the staff member's station (UTC for admins), the default programme start. */
  async function today(staff: StaffPrincipal): Promise<string> {
    const station = staff.stationId ? await prisma.station.findUnique({ where: { id: staff.stationId }, select: { timezone: true } }) : null;
    return DateTime.fromJSDate(deps.clock.now()).setZone(station?.timezone ?? 'UTC').toISODate() ?? '';
  }

  async function saved(c: Ctx, result: SaveResult, values: FormValues, edit?: { id: string; pseudonym: string }): Promise<Response> {
    if (result.ok) return c.redirect(`/admin/people/${result.id}?done=${edit ? 'saved' : 'created'}`, 303);
    if (result.reason !== 'invalid') return problemPage(c, result.reason === 'not-found' ? 404 : 403);
    return participantForm(c, { ...(edit ?? {}), values, errors: new Set<string>([result.field]), status: 422 });
  }

  app.get('/people/new', async (c) => {
    const staff = c.get('session').staff;
    return participantForm(c, { values: newParticipantValues(staff, await today(staff)) });
  });

  app.post('/people', async (c) => {
    const staff = c.get('session').staff;
    const body = await c.req.parseBody();
    const parsed = parseParticipantForm(body);
    if (!parsed.success) return participantForm(c, { values: submittedValues(body), errors: invalidFields(parsed.error.issues), status: 422 });
    return saved(c, await createParticipant(prisma, { staff }, parsed.data, deps.clock.now()), submittedValues(body));
  });

  /** The participant, when the staff member may change their record; otherwise the 404 or 403 to answer. */
  async function editable(c: Ctx, id: string) {
    const lookup = await loadParticipantProfile(prisma, c.get('session').staff, id, deps.clock.now());
    if (lookup.access === 'none') return { problem: problemPage(c, 404) } as const;
    if (lookup.access !== 'act') return { problem: problemPage(c, 403) } as const;
    return { profile: lookup.profile } as const;
  }

  app.get('/people/:id/edit', async (c) => {
    const found = await editable(c, c.req.param('id'));
    if ('problem' in found) return found.problem;
    return participantForm(c, { id: found.profile.id, pseudonym: found.profile.pseudonym, values: profileValues(found.profile) });
  });

  app.post('/people/:id', async (c) => {
    const found = await editable(c, c.req.param('id'));
    if ('problem' in found) return found.problem;
    const { id, pseudonym } = found.profile;
    const body = await c.req.parseBody();
    const parsed = parseParticipantForm(body);
    if (!parsed.success) return participantForm(c, { id, pseudonym, values: submittedValues(body), errors: invalidFields(parsed.error.issues), status: 422 });
    const result = await updateParticipant(prisma, { staff: c.get('session').staff }, id, parsed.data, deps.clock.now());
    return saved(c, result, submittedValues(body), { id, pseudonym });
  });

  async function familyForm(c: Ctx, options: { participantId: string; pseudonym: string; familyMemberId?: string; values: FormValues; errors?: Set<string>; status?: 200 | 422 }) {
    const { staff, csrfToken } = c.get('session');
    const t = c.get('t');
    const errors = options.errors ?? new Set<string>();
    return renderPage(
      c,
      <FamilyFormPage
        t={t}
        staff={staff}
        csrfToken={csrfToken}
        participantId={options.participantId}
        pseudonym={options.pseudonym}
        {...(options.familyMemberId ? { familyMemberId: options.familyMemberId } : {})}
        values={options.values}
        errors={errors}
        problem={errors.size > 0 ? t('people.form.problem') : undefined}
      />,
      options.status ?? 200,
    );
  }

  app.get('/people/:id/family/new', async (c) => {
    const found = await editable(c, c.req.param('id'));
    if ('problem' in found) return found.problem;
    return familyForm(c, { participantId: found.profile.id, pseudonym: found.profile.pseudonym, values: NEW_FAMILY_VALUES });
  });

  app.post('/people/:id/family', async (c) => {
    const found = await editable(c, c.req.param('id'));
    if ('problem' in found) return found.problem;
    const { id, pseudonym } = found.profile;
    const body = await c.req.parseBody();
    const parsed = parseFamilyForm(body);
    if (!parsed.success) return familyForm(c, { participantId: id, pseudonym, values: submittedValues(body), errors: invalidFields(parsed.error.issues), status: 422 });
    const result = await createFamilyMember(prisma, { staff: c.get('session').staff }, id, parsed.data, deps.clock.now());
    if (!result.ok) return problemPage(c, result.reason === 'not-found' ? 404 : 403);
    return c.redirect(`/admin/people/${id}?done=family-added`, 303);
  });

  app.get('/people/:id/family/:familyId/edit', async (c) => {
    const found = await editable(c, c.req.param('id'));
    if ('problem' in found) return found.problem;
    const member = found.profile.family.find((f) => f.id === c.req.param('familyId'));
    if (!member) return problemPage(c, 404);
    return familyForm(c, { participantId: found.profile.id, pseudonym: found.profile.pseudonym, familyMemberId: member.id, values: familyValues(member) });
  });

  app.post('/people/:id/family/:familyId', async (c) => {
    const found = await editable(c, c.req.param('id'));
    if ('problem' in found) return found.problem;
    const { id, pseudonym } = found.profile;
    const familyMemberId = c.req.param('familyId');
    if (!found.profile.family.some((f) => f.id === familyMemberId)) return problemPage(c, 404);
    const body = await c.req.parseBody();
    const parsed = parseFamilyForm(body);
    if (!parsed.success) {
      return familyForm(c, { participantId: id, pseudonym, familyMemberId, values: submittedValues(body), errors: invalidFields(parsed.error.issues), status: 422 });
    }
    const result = await updateFamilyMember(prisma, { staff: c.get('session').staff }, id, familyMemberId, parsed.data, deps.clock.now());
    if (!result.ok) return problemPage(c, result.reason === 'not-found' ? 404 : 403);
    return c.redirect(`/admin/people/${id}?done=family-saved`, 303);
  });

  return app;
}
