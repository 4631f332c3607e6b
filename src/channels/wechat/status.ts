import type { ChannelStatus } from '../channel.js';

type State = ChannelStatus['state'];

/** What the console's channel page shows for WeChat. */
export class StatusBoard {
  private state: State = 'stopped';
  private loginQrCode: string | undefined;
  private detail: string | undefined;
  private lastEventAt: string | undefined;

  set(state: State, extra: { loginQrCode?: string; detail?: string } = {}): void {
    this.state = state;
    this.loginQrCode = extra.loginQrCode;
    this.detail = extra.detail;
  }

  get current(): State {
    return this.state;
  }

  touch(at: Date): void {
    this.lastEventAt = at.toISOString();
  }

  snapshot(): ChannelStatus {
    return {
      channel: 'WECHAT',
      state: this.state,
      ...(this.loginQrCode ? { loginQrCode: this.loginQrCode } : {}),
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.lastEventAt ? { lastEventAt: this.lastEventAt } : {}),
    };
  }
}
