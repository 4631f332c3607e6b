import type { FC } from 'hono/jsx';
import type { StaffPrincipal } from '../../access/principal.js';
import type { Translate } from '../../i18n/index.js';
import { Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import type { InviteLinks } from '../invite-links.js';
import type { IssuedInvite } from '../issue-invite.js';

/** A fresh invite code, shown once: the code, its expiry, the Telegram link with its QR code, and how to use it elsewhere. */
export const InvitePage: FC<{
  t: Translate;
  staff: StaffPrincipal;
  csrfToken: string;
  invite: IssuedInvite;
  links: InviteLinks;
  /** The Telegram link as a QR code image (data: URL), when the link is known. */
  qrCode: string | null;
}> = ({ t, staff, csrfToken, invite, links, qrCode }) => {
  const who = invite.familyMember ? `${invite.familyMember.displayName} (${invite.familyMember.relation})` : invite.pseudonym;
  return (
    <Layout t={t} locale={staff.locale} title={t('people.invite.title')} signedIn={{ staff, csrfToken }}>
      <p>
        <a href={`/admin/people/${invite.participantId}`}>← {t('people.back')}</a>
      </p>
      <h1>{t('people.invite.title')}</h1>
      <section class="card invite">
        <p>{t('people.invite.for', { who })}</p>
        <p class="invite-code" id="invite-code">
          {invite.code}
        </p>
        <p>
          {t('people.invite.expires')} <time datetime={invite.expiresAt.toISOString()} id="invite-expires">{localTime(invite.expiresAt, invite.timezone)}</time>
        </p>
        <p class="hint">{t('people.invite.once')}</p>
      </section>
      <section class="card">
        <h2>{t('people.channel.TELEGRAM')}</h2>
        {links.telegram && qrCode ? (
          <>
            <img class="qr" id="invite-qr" src={qrCode} alt={t('people.invite.qrAlt')} width={240} height={240} />
            <p>
              <a href={links.telegram} id="telegram-link" rel="noreferrer">
                {links.telegram}
              </a>
            </p>
            <p>{t('people.invite.telegramScan')}</p>
          </>
        ) : (
          <p id="telegram-instructions">{t('people.invite.telegramManual')}</p>
        )}
      </section>
      <section class="card">
        <h2>{t('people.channel.LINE')}</h2>
        <p>{t('people.invite.line')}</p>
      </section>
      <section class="card">
        <h2>{t('people.channel.WECHAT')}</h2>
        <p>{t('people.invite.wechat')}</p>
      </section>
      {links.web ? (
        <section class="card">
          <h2>{t('people.channel.WEB')}</h2>
          <p>
            {t('people.invite.web')} <a href={links.web}>{links.web}</a>
          </p>
        </section>
      ) : null}
    </Layout>
  );
};
