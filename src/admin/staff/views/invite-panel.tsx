import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { localTime } from '../../views/time.js';
import type { InviteLinks } from '../invite-links.js';

export interface ShownInvite {
  code: string;
  expiresAt: Date;
  links: InviteLinks;
  /** QR code of the Telegram deep link, when there is one. */
  qrDataUrl: string | undefined;
  /** Chat apps switched on in this deployment. */
  channels: ('TELEGRAM' | 'LINE' | 'WECHAT')[];
}

/** A freshly issued linking code with how to use it on each chat app; shown once. */
export const InvitePanel: FC<{ t: Translate; invite: ShownInvite; timezone: string }> = ({ t, invite, timezone }) => (
  <section class="card invite" id="invite">
    <h2>{t('staff.invite.title')}</h2>
    <p class="invite-code" id="invite-code">
      {invite.code}
    </p>
    <p class="hint">{t('staff.invite.expires', { at: localTime(invite.expiresAt, timezone) })}</p>
    {invite.channels.length === 0 ? <p class="flash error">{t('staff.invite.noChannels')}</p> : null}
    <ul class="steps">
      {invite.channels.includes('TELEGRAM') ? (
        <li>
          <strong>{t('staff.channel.TELEGRAM')}</strong>{' '}
          {invite.links.telegram ? (
            <>
              <a href={invite.links.telegram} id="telegram-link" rel="noopener noreferrer" target="_blank">
                {t('staff.invite.telegramOpen')}
              </a>
              {invite.qrDataUrl ? <img class="qr" src={invite.qrDataUrl} alt={t('staff.invite.telegramQr')} width={180} height={180} /> : null}
            </>
          ) : (
            t('staff.invite.telegramSend', { code: invite.code })
          )}
        </li>
      ) : null}
      {invite.channels.includes('LINE') ? (
        <li>
          <strong>{t('staff.channel.LINE')}</strong> {t('staff.invite.line', { code: invite.code })}
        </li>
      ) : null}
      {invite.channels.includes('WECHAT') ? (
        <li>
          <strong>{t('staff.channel.WECHAT')}</strong> {t('staff.invite.wechat', { code: invite.code })}
        </li>
      ) : null}
    </ul>
    <p class="hint">{t('staff.invite.once')}</p>
  </section>
);
