import { Hono } from 'hono';
import { z } from 'zod';
import { writeAudit } from '../audit/write.js';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { PasswordPage } from '../views/password-page.js';
import { changePassword, type ChangePasswordResult } from './change-password.js';
import { clearSessionCookie } from './cookies.js';
import { LOCKOUT, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './policy.js';
import { revokeSession } from './sessions.js';

const PasswordForm = z.object({
  current: z.string().max(PASSWORD_MAX_LENGTH),
  next: z.string().max(PASSWORD_MAX_LENGTH * 4),
  confirm: z.string().max(PASSWORD_MAX_LENGTH * 4),
});

const PROBLEM: Record<Exclude<ChangePasswordResult, { ok: true }>['reason'], AdminMessageKey> = {
  'wrong-current': 'password.wrongCurrent',
  locked: 'login.locked',
  mismatch: 'password.mismatch',
  same: 'password.same',
  'too-short': 'password.tooShort',
  'too-long': 'password.tooShort',
};

/** Logout and password change: the signed-in staff member's own account. */
export function accountRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();
  const secure = deps.publicUrl?.startsWith('https:') ?? false;

  app.post('/logout', async (c) => {
    const session = c.get('session');
    const now = deps.clock.now();
    await revokeSession(deps.db.prisma, session.id, now);
    await writeAudit(deps.db.prisma, { actorId: session.staff.id, action: 'auth.logout', targetType: 'staff', targetId: session.staff.id }, now);
    clearSessionCookie(c, { secure });
    return c.redirect('/admin/login?out=1', 303);
  });

  app.get('/password', (c) => {
    const session = c.get('session');
    const t = c.get('t');
    return renderPage(
      c,
      <PasswordPage t={t} staff={session.staff} csrfToken={session.csrfToken} {...(c.req.query('done') ? { notice: t('password.changed') } : {})} />,
    );
  });

  app.post('/password', async (c) => {
    const session = c.get('session');
    const t = c.get('t');
    const parsed = PasswordForm.safeParse(await c.req.parseBody());
    const now = deps.clock.now();
    const result: ChangePasswordResult = parsed.success
      ? await changePassword(deps.db.prisma, { staffUserId: session.staff.id, sessionId: session.id, ...parsed.data }, now)
      : { ok: false, reason: 'mismatch' };
    if (!result.ok) {
      const error = t(PROBLEM[result.reason], { min: PASSWORD_MIN_LENGTH, minutes: LOCKOUT.lockMs / 60_000 });
      return renderPage(c, <PasswordPage t={t} staff={session.staff} csrfToken={session.csrfToken} error={error} />, 422);
    }
    await writeAudit(
      deps.db.prisma,
      { actorId: session.staff.id, action: 'auth.password-changed', targetType: 'staff', targetId: session.staff.id, detail: { revokedSessions: result.revokedSessions } },
      now,
    );
    return c.redirect('/admin/password?done=1', 303);
  });

  return app;
}
