import { Hono, type Context } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { PASSWORD_MIN_LENGTH } from '../auth/policy.js';
import { qrImageDataUrl } from '../views/qr-code.js';
import { problemPage } from '../views/problem-page.js';
import { creatableRoles } from './access.js';
import { createStaff, NewStaffSchema, type CreateStaffResult } from './create.js';
import { ActiveForm, isDoneNotice, PrivacyForm, ResetPasswordForm, UnlinkForm, type DoneNotice } from './forms.js';
import { inviteLinks, linkableChannels } from './invite-links.js';
import { issueStaffInvite, resetStaffPassword, setAlertPrivacy, setStaffActive, unlinkStaffChat, type StaffActionFailure } from './manage.js';
import { assignableStations, listStaff, loadStaffProfile } from './queries.js';
import { StaffCreatedPage, StaffListPage, type CreateFormValues } from './views/list-page.js';
import type { ShownInvite } from './views/invite-panel.js';
import { StaffProfilePage } from './views/profile-page.js';

const DONE: Record<DoneNotice, AdminMessageKey> = {
  privacy: 'staff.done.privacy',
  unlink: 'staff.done.unlink',
  active: 'staff.done.active',
  password: 'staff.done.password',
};

const CREATE_PROBLEMS: Record<Exclude<CreateStaffResult, { ok: true }>['reason'], AdminMessageKey> = {
  forbidden: 'error.forbidden',
  'login-taken': 'staff.error.loginTaken',
  'invalid-login': 'staff.error.invalidLogin',
  'invalid-locale': 'staff.error.invalid',
  'station-required': 'staff.error.stationRequired',
  'unknown-station': 'staff.error.unknownStation',
  'too-short': 'staff.error.passwordLength',
  'too-long': 'staff.error.passwordLength',
};

function formValues(body: Record<string, unknown>): CreateFormValues {
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  return { role: text('role'), login: text('login'), displayName: text('displayName'), stationId: text('stationId'), locale: text('locale') };
}

/** /admin/staff: the list, new accounts, and each profile with its chat links, privacy mode and account actions. */
export function staffRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const { prisma } = deps.db;

  async function listPage(c: Context<ConsoleEnv>, extra: { values?: CreateFormValues; error?: string } = {}, status: 200 | 422 = 200) {
    const { staff, csrfToken } = c.get('session');
    const [rows, stations] = await Promise.all([listStaff(prisma, staff), assignableStations(prisma, staff)]);
    const page = <StaffListPage t={c.get('t')} staff={staff} csrfToken={csrfToken} rows={rows} roles={creatableRoles(staff)} stations={stations} {...extra} />;
    return renderPage(c, page, status);
  }

  async function profilePage(
    c: Context<ConsoleEnv>,
    id: string,
    extra: { invite?: ShownInvite; newPassword?: string | undefined; notice?: string; error?: string } = {},
    status: 200 | 422 = 200,
  ) {
    const { staff, csrfToken } = c.get('session');
    const profile = await loadStaffProfile(prisma, staff, id);
    if (!profile) return problemPage(c, 404);
    return renderPage(c, <StaffProfilePage t={c.get('t')} staff={staff} csrfToken={csrfToken} profile={profile} {...extra} />, status);
  }

  function failure(c: Context<ConsoleEnv>, id: string, result: StaffActionFailure) {
    switch (result.reason) {
      case 'not-found':
        return problemPage(c, 404);
      case 'forbidden':
        return problemPage(c, 403);
      case 'inactive':
        return profilePage(c, id, { error: c.get('t')('staff.error.inactive') }, 422);
      case 'too-short':
      case 'too-long':
        return profilePage(c, id, { error: c.get('t')('staff.error.passwordLength', { min: PASSWORD_MIN_LENGTH }) }, 422);
    }
  }

  const done = (c: Context<ConsoleEnv>, id: string, what: DoneNotice) => c.redirect(`/admin/staff/${encodeURIComponent(id)}?done=${what}`, 303);
  const actor = (c: Context<ConsoleEnv>) => ({ staff: c.get('session').staff });

  app.get('/staff', (c) => listPage(c));

  app.post('/staff', async (c) => {
    const staff = c.get('session').staff;
    const t = c.get('t');
    if (creatableRoles(staff).length === 0) return problemPage(c, 403);
    const body = await c.req.parseBody();
    const parsed = NewStaffSchema.safeParse(body);
    if (!parsed.success) return listPage(c, { values: formValues(body), error: t('staff.error.invalid') }, 422);
    const result = await createStaff(prisma, actor(c), parsed.data, deps.clock.now());
    if (!result.ok) {
      if (result.reason === 'forbidden') return problemPage(c, 403);
      return listPage(c, { values: formValues(body), error: t(CREATE_PROBLEMS[result.reason], { min: PASSWORD_MIN_LENGTH }) }, 422);
    }
    const { csrfToken } = c.get('session');
    return renderPage(c, <StaffCreatedPage t={t} staff={staff} csrfToken={csrfToken} id={result.id} login={parsed.data.login} password={result.generatedPassword} />, 201);
  });

  app.get('/staff/:id', (c) => {
    const notice = c.req.query('done');
    return profilePage(c, c.req.param('id'), isDoneNotice(notice) ? { notice: c.get('t')(DONE[notice]) } : {});
  });

  app.post('/staff/:id/invite', async (c) => {
    const id = c.req.param('id');
    const result = await issueStaffInvite(prisma, actor(c), id, deps.clock.now());
    if (!result.ok) return failure(c, id, result);
    const links = inviteLinks(result.code, deps.channels);
    const invite: ShownInvite = {
      code: result.code,
      expiresAt: result.expiresAt,
      links,
      qrDataUrl: links.telegram ? await qrImageDataUrl(links.telegram) : undefined,
      channels: linkableChannels(deps.channels),
    };
    return profilePage(c, id, { invite });
  });

  app.post('/staff/:id/unlink', async (c) => {
    const id = c.req.param('id');
    const form = UnlinkForm.safeParse(await c.req.parseBody());
    const result = await unlinkStaffChat(prisma, actor(c), id, form.success ? form.data.identityId : '', deps.clock.now());
    return result.ok ? done(c, id, 'unlink') : failure(c, id, result);
  });

  app.post('/staff/:id/privacy', async (c) => {
    const id = c.req.param('id');
    const form = PrivacyForm.safeParse(await c.req.parseBody());
    if (!form.success) return profilePage(c, id, { error: c.get('t')('staff.error.invalid') }, 422);
    const result = await setAlertPrivacy(prisma, actor(c), id, form.data.mode === 'on', deps.clock.now());
    return result.ok ? done(c, id, 'privacy') : failure(c, id, result);
  });

  app.post('/staff/:id/active', async (c) => {
    const id = c.req.param('id');
    const form = ActiveForm.safeParse(await c.req.parseBody());
    if (!form.success) return profilePage(c, id, { error: c.get('t')('staff.error.invalid') }, 422);
    const result = await setStaffActive(prisma, actor(c), id, form.data.active === '1', deps.clock.now());
    return result.ok ? done(c, id, 'active') : failure(c, id, result);
  });

  app.post('/staff/:id/password', async (c) => {
    const id = c.req.param('id');
    const form = ResetPasswordForm.safeParse(await c.req.parseBody());
    if (!form.success) return profilePage(c, id, { error: c.get('t')('staff.error.invalid') }, 422);
    const result = await resetStaffPassword(prisma, actor(c), id, form.data.password || undefined, deps.clock.now());
    if (!result.ok) return failure(c, id, result);
    if (!result.generatedPassword) return done(c, id, 'password');
    return profilePage(c, id, { newPassword: result.generatedPassword, notice: c.get('t')('staff.done.password') });
  });

  return app;
}
