import { Hono } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ConsoleEnv } from '../http/env.js';
import { renderPage } from '../http/render.js';
import { isLead } from '../staff/views/area-tabs.js';
import { problemPage } from '../views/problem-page.js';
import { channelCards } from './statuses.js';
import { ChannelsPage } from './views/channels-page.js';

/** While WeChat waits for a scan the page reloads itself this often (a Refresh header: no script). */
export const LOGIN_REFRESH_SECONDS = 15;
const FALLBACK_TIMEZONE = 'Asia/Shanghai';

/** /admin/channels: each running channel's state, for admins and supervisors. */
export function channelStatusRoutes(deps: AdminDeps): Hono<ConsoleEnv> {
  const app = new Hono<ConsoleEnv>();

  app.get('/channels', async (c) => {
    const { staff, csrfToken } = c.get('session');
    if (!isLead(staff)) return problemPage(c, 403);
    const station = staff.stationId ? await deps.db.prisma.station.findUnique({ where: { id: staff.stationId }, select: { timezone: true } }) : null;
    const cards = await channelCards(deps.channels);
    if (cards.some((card) => card.qrDataUrl)) c.header('Refresh', String(LOGIN_REFRESH_SECONDS));
    c.header('Cache-Control', 'no-store');
    const page = <ChannelsPage t={c.get('t')} staff={staff} csrfToken={csrfToken} cards={cards} now={deps.clock.now()} timezone={station?.timezone ?? FALLBACK_TIMEZONE} />;
    return renderPage(c, page);
  });

  return app;
}
