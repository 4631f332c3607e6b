import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../deps.js';
import { renderPage } from '../http/render.js';
import { isSameOrigin } from '../http/same-origin.js';
import { localeFromAcceptLanguage, translator } from '../i18n/index.js';
import { writeAudit } from '../audit/write.js';
import { LoginPage } from '../views/login-page.js';
import { clientAddress } from './client-address.js';
import { clearLoginFormCookie, readLoginFormCookie, readSessionCookie, writeLoginFormCookie, writeSessionCookie } from './cookies.js';
import { LoginGuard, type LoginResult } from './login.js';
import { PASSWORD_MAX_LENGTH } from './policy.js';
import { safeNext } from './require-session.js';
import { newSecret, safeEqual } from './secrets.js';
import { createSession, findSession, revokeSessionByToken } from './sessions.js';

const LoginForm = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  _form: z.string().min(1),
  next: z.string().optional(),
});

/** The login page and its form; public, outside the session check. */
export function loginRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  const secure = deps.publicUrl?.startsWith('https:') ?? false;
  const guard = new LoginGuard(deps.db.prisma);

  async function showForm(c: Context, status: 200 | 401 | 403 | 429, view: { next: string; login?: string; error?: string; notice?: string }) {
    const locale = localeFromAcceptLanguage(c.req.header('accept-language'));
    const formToken = newSecret();
    writeLoginFormCookie(c, formToken, { secure });
    return renderPage(c, <LoginPage t={translator(locale)} locale={locale} formToken={formToken} {...view} />, status);
  }

  app.get('/login', async (c) => {
    const next = safeNext(c.req.query('next'));
    const token = readSessionCookie(c);
    if (token && (await findSession(deps.db.prisma, token, deps.clock.now()))) return c.redirect(next, 302);
    const t = translator(localeFromAcceptLanguage(c.req.header('accept-language')));
    const notice = c.req.query('out') ? t('login.loggedOut') : c.req.query('expired') ? t('login.expired') : undefined;
    return showForm(c, 200, { next, ...(notice ? { notice } : {}) });
  });

  app.post('/login', async (c) => {
    const t = translator(localeFromAcceptLanguage(c.req.header('accept-language')));
    const parsed = LoginForm.safeParse(await c.req.parseBody());
    const next = safeNext(parsed.success ? parsed.data.next : undefined);
    const cookieToken = readLoginFormCookie(c);
    if (!parsed.success || !cookieToken || !safeEqual(parsed.data._form, cookieToken) || !isSameOrigin(c, deps.publicUrl)) {
      return showForm(c, 403, { next, error: t('login.formExpired') });
    }
    const now = deps.clock.now();
    const { login, password } = parsed.data;
    const result = await guard.attempt({ login, password, address: clientAddress(c, deps.trustProxyHops ?? 0) }, now);
    if (!result.ok) {
      await auditFailure(deps, result, now);
      const error =
        result.reason === 'invalid'
          ? t('login.invalid')
          : result.reason === 'locked'
            ? t('login.locked', { minutes: Math.max(1, Math.ceil((result.until.getTime() - now.getTime()) / 60_000)) })
            : t('login.rateLimited');
      return showForm(c, result.reason === 'invalid' ? 401 : 429, { next, login, error });
    }
    const previous = readSessionCookie(c);
    if (previous) await revokeSessionByToken(deps.db.prisma, previous, now);
    const { token } = await createSession(deps.db.prisma, result.staff.id, now);
    await writeAudit(deps.db.prisma, { actorId: result.staff.id, action: 'auth.login', targetType: 'staff', targetId: result.staff.id }, now);
    writeSessionCookie(c, token, { secure });
    clearLoginFormCookie(c, { secure });
    return c.redirect(next, 303);
  });

  return app;
}

async function auditFailure(deps: AdminDeps, result: Exclude<LoginResult, { ok: true }>, now: Date): Promise<void> {
  if (result.reason === 'rate-limited' || !result.staffUserId) return;
  const action = result.reason === 'locked' && result.justLocked ? 'auth.locked' : 'auth.login-failed';
  await writeAudit(deps.db.prisma, { actorId: null, action, targetType: 'staff', targetId: result.staffUserId }, now);
}
