import type { FC } from 'hono/jsx';
import type { AdminLocale, Translate } from '../i18n/index.js';
import { Flash, Layout } from './layout.js';

export const LoginPage: FC<{
  t: Translate;
  locale: AdminLocale;
  formToken: string;
  next: string;
  login?: string;
  error?: string;
  notice?: string;
}> = ({ t, locale, formToken, next, login = '', error, notice }) => (
  <Layout t={t} locale={locale} title={t('login.title')}>
    <section class="card narrow">
      <h1>{t('login.title')}</h1>
      <Flash kind="ok" text={notice} />
      <Flash kind="error" text={error} />
      <form method="post" action="/admin/login" class="stack">
        <input type="hidden" name="_form" value={formToken} />
        <input type="hidden" name="next" value={next} />
        <label>
          {t('login.login')}
          <input name="login" autocomplete="username" required value={login} autocapitalize="none" spellcheck={false} />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit" class="primary">
          {t('login.submit')}
        </button>
      </form>
    </section>
  </Layout>
);
