import type { FC } from 'hono/jsx';
import type { ChannelStatus } from '../../../channels/channel.js';
import type { StaffPrincipal } from '../../access/principal.js';
import type { AdminMessageKey, Translate } from '../../i18n/index.js';
import { formatDuration } from '../../i18n/labels.js';
import { Layout } from '../../views/layout.js';
import { localTime } from '../../views/time.js';
import { AreaTabs } from '../../staff/views/area-tabs.js';
import { channelLabel } from '../../staff/views/labels.js';
import type { ChannelCard } from '../statuses.js';

const STATE: Record<ChannelStatus['state'], AdminMessageKey> = {
  starting: 'channels.state.starting',
  running: 'channels.state.running',
  stopped: 'channels.state.stopped',
  error: 'channels.state.error',
  'waiting-for-login': 'channels.state.waiting-for-login',
};

const Card: FC<{ t: Translate; card: ChannelCard; now: Date; timezone: string }> = ({ t, card, now, timezone }) => {
  const { status } = card;
  return (
    <li class={`card channel st-${status.state}`} id={`channel-${status.channel.toLowerCase()}`}>
      <h2>
        {channelLabel(t, status.channel)} <span class={`state state-${status.state}`}>{t(STATE[status.state])}</span>
      </h2>
      <dl class="facts">
        <dt>{t('channels.webhook')}</dt>
        <dd class="url">{status.webhookUrl ?? t('channels.noWebhook')}</dd>
        <dt>{t('channels.lastEvent')}</dt>
        <dd>
          {status.lastEventAt
            ? t('channels.lastEventAt', { at: localTime(status.lastEventAt, timezone), ago: formatDuration(t, now.getTime() - Date.parse(status.lastEventAt)) })
            : t('channels.noEvents')}
        </dd>
        {status.detail ? (
          <>
            <dt>{t('channels.detail')}</dt>
            <dd class="note">{status.detail}</dd>
          </>
        ) : null}
      </dl>
      {card.qrDataUrl ? (
        <div class="login-qr">
          <p>{t('channels.scanToLogin')}</p>
          <img class="qr" src={card.qrDataUrl} alt={t('channels.qrAlt')} width={240} height={240} id="wechat-qr" />
          <p class="hint">{t('channels.qrRefresh')}</p>
        </div>
      ) : null}
    </li>
  );
};

export const ChannelsPage: FC<{ t: Translate; staff: StaffPrincipal; csrfToken: string; cards: ChannelCard[]; now: Date; timezone: string }> = ({
  t,
  staff,
  csrfToken,
  cards,
  now,
  timezone,
}) => (
  <Layout t={t} locale={staff.locale} title={t('channels.title')} signedIn={{ staff, csrfToken }}>
    <AreaTabs t={t} staff={staff} current="channels" />
    <div class="queue-head">
      <h1>{t('channels.title')}</h1>
      <a href="/admin/channels" id="reload">
        {t('channels.reload')}
      </a>
    </div>
    <p class="hint">{t('channels.checkedAt', { at: localTime(now, timezone) })}</p>
    {cards.length === 0 ? <p class="card">{t('channels.none')}</p> : null}
    <ul class="channel-list">
      {cards.map((card) => (
        <Card t={t} card={card} now={now} timezone={timezone} />
      ))}
    </ul>
  </Layout>
);
