import type { ChannelName } from '../core/messages.js';
import type { ChannelAdapter } from './channel.js';

/** The enabled channels by name; the dispatcher and pipeline look adapters up here. */
export function channelMap(adapters: ChannelAdapter[]): ReadonlyMap<ChannelName, ChannelAdapter> {
  return new Map(adapters.map((adapter) => [adapter.channel, adapter]));
}
