import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../access/principal.js';
import type { AdminLocale, Translate } from '../i18n/index.js';
import { Layout } from './layout.js';

/** A page with one message: not found, forbidden, form expired. */
export const MessagePage: FC<{
  t: Translate;
  locale: AdminLocale;
  title: string;
  message: string;
  signedIn?: { staff: StaffPrincipal; csrfToken: string };
}> = ({ t, locale, title, message, signedIn }) => (
  <Layout t={t} locale={locale} title={title} {...(signedIn ? { signedIn } : {})}>
    <h1>{title}</h1>
    <p>{message}</p>
    <p>
      <a href="/admin/escalations">{t('detail.back')}</a>
    </p>
  </Layout>
);
