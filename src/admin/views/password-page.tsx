import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../access/principal.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/policy.js';
import type { Translate } from '../i18n/index.js';
import { CsrfField, Flash, Layout } from './layout.js';

export const PasswordPage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  error?: string;
  notice?: string;
}> = ({ t, staff, csrfToken, error, notice }) => (
  <Layout t={t} locale={staff.locale} title={t('password.title')} signedIn={{ staff, csrfToken }}>
    <section class="card narrow">
      <h1>{t('password.title')}</h1>
      <Flash kind="ok" text={notice} />
      <Flash kind="error" text={error} />
      <form method="post" action="/admin/password" class="stack">
        <CsrfField token={csrfToken} />
        <input type="hidden" name="username" autocomplete="username" value={staff.login} />
        <label>
          {t('password.current')}
          <input name="current" type="password" autocomplete="current-password" required />
        </label>
        <label>
          {t('password.new', { min: PASSWORD_MIN_LENGTH })}
          <input
            name="next"
            type="password"
            autocomplete="new-password"
            required
            minlength={PASSWORD_MIN_LENGTH}
            maxlength={PASSWORD_MAX_LENGTH}
          />
        </label>
        <label>
          {t('password.confirm')}
          <input name="confirm" type="password" autocomplete="new-password" required />
        </label>
        <button type="submit" class="primary">
          {t('password.submit')}
        </button>
      </form>
    </section>
  </Layout>
);
