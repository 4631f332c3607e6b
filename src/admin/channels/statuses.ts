import type { ChannelAdapter, ChannelStatus } from '../../channels/channel.js';
import { qrImageDataUrl } from '../views/qr-code.js';

export interface ChannelCard {
  status: ChannelStatus;
  /** The WeChat login QR code as an image, while it waits for a scan. */
  qrDataUrl: string | undefined;
}

/** A status() that throws is shown as an error, not a broken page. */
function safeStatus(adapter: ChannelAdapter): ChannelStatus {
  try {
    return adapter.status();
  } catch (error) {
    return { channel: adapter.channel, state: 'error', detail: error instanceof Error ? error.message : 'status unavailable' };
  }
}

export async function channelCards(channels: ReadonlyMap<string, ChannelAdapter>): Promise<ChannelCard[]> {
  return Promise.all(
    [...channels.values()].map(async (adapter) => {
      const status = safeStatus(adapter);
      const waiting = status.state === 'waiting-for-login' && status.loginQrCode;
      return { status, qrDataUrl: waiting ? await qrImageDataUrl(status.loginQrCode ?? '') : undefined };
    }),
  );
}
