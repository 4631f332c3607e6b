// Fakes and helpers shared by the staff, reports and channel status tests.
import type { ChannelAdapter, ChannelStatus } from '../../../src/channels/channel.js';
import type { ChannelName } from '../../../src/core/messages.js';
import type { Database } from '../../../src/db/client.js';
import { passwordHash } from './world.js';

/**
 * A channel adapter that only reports a status: the console page reads
 * status(), it never sends. Not a platform fake; the channel is not under test.
 */
export function statusOnlyAdapter(channel: ChannelName, status: () => Omit<ChannelStatus, 'channel'> & { botUsername?: string }): ChannelAdapter {
  return {
    channel,
    capabilities: { choices: 'buttons', maxChoices: 10, maxChoiceLabelLength: 20, maxTextLength: 4096, phoneLinks: true },
    start: async () => undefined,
    stop: async () => undefined,
    send: async () => ({ ok: false, kind: 'rejected', reason: 'status-only adapter' }),
    status: () => ({ channel, ...status() }),
  };
}

let counter = 0;
/** Another caseworker on a station, with the shared test password. */
export async function extraCaseworker(db: Database, stationId: string, name = 'extra'): Promise<{ id: string; login: string }> {
  counter += 1;
  const login = `${name}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const created = await db.prisma.staffUser.create({
    data: { login, displayName: `${name} ${counter}`, role: 'CASEWORKER', stationId, passwordHash: await passwordHash() },
  });
  return { id: created.id, login };
}
