import type { Child, FC } from 'hono/jsx';
import type { StaffPrincipal } from '../access/principal.js';
import type { AdminLocale, Translate } from '../i18n/index.js';

export interface LayoutProps {
  t: Translate;
  locale: AdminLocale;
  title: string;
  /** Signed in: the navigation and the logout form (with its CSRF token). */
  signedIn?: { staff: StaffPrincipal; csrfToken: string };
  /** Served script files; never inline code. */
  scripts?: string[];
  children?: Child;
}

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

export const Layout: FC<LayoutProps> = ({ t, locale, title, signedIn, scripts = [], children }) => (
  <html lang={locale}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="same-origin" />
      <title>{`${title} · ${t('app.name')}`}</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/admin/assets/console.css" />
    </head>
    <body>
      <header class="top">
        <a class="brand" href="/admin/escalations">
          {t('app.name')}
        </a>
        {signedIn ? (
          <nav aria-label="main">
            <a href="/admin/escalations">{t('nav.queue')}</a>
            <a href="/admin/people">{t('people.title')}</a>
            <a href="/admin/relief">{t('relief.nav')}</a>
            <a href="/admin/content">{t('content.nav')}</a>
            <a href="/admin/broadcasts">{t('broadcast.nav')}</a>
            <a href="/admin/schedules">{t('sched.nav')}</a>
            <a href="/admin/staff">{t('nav.staffArea')}</a>
            <a href="/admin/password">{t('nav.password')}</a>
            <form method="post" action="/admin/logout" class="inline">
              <CsrfField token={signedIn.csrfToken} />
              <button type="submit" class="link">
                {t('nav.logout')}
              </button>
            </form>
            <span class="who">{t('nav.signedInAs', { name: signedIn.staff.displayName })}</span>
          </nav>
        ) : null}
      </header>
      <main>{children}</main>
      {scripts.map((src) => (
        <script src={src} defer></script>
      ))}
    </body>
  </html>
);

export const Flash: FC<{ kind: 'ok' | 'error'; text: string | undefined }> = ({ kind, text }) =>
  text ? (
    <p class={`flash ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {text}
    </p>
  ) : null;
