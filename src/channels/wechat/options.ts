import type { Puppet } from 'wechaty-puppet';
import type { ChannelCapabilities } from '../channel.js';
import type { Clock } from '../../core/clock.js';
import type { Locale } from '../../i18n/index.js';
import type { WechatPuppetName } from './env.js';

/** Who sent the invite code being checked, so the check can count attempts per sender. */
export interface InviteCodeSender {
  externalUserId: string;
}

export interface WechatChannelOptions {
  /** A puppet package name, or an instance (tests pass a PuppetMock). */
  puppet: WechatPuppetName | Puppet;
  /** wechaty-puppet-service token (e.g. a PadLocal token); ignored for a puppet instance. */
  puppetToken?: string;
  /** Memory-card name: the login session is kept in `<dataDir>/wechat/<name>.memory-card.json`. */
  name?: string;
  dataDir: string;
  /**
   * Checks a code found in a friend request's greeting without using it up.
   * The pipeline redeems the code when the link message arrives.
   */
  verifyInviteCode: (code: string, sender: InviteCodeSender) => Promise<boolean>;
  /** Language of the "reply with a number" hint under numbered choices. */
  locale?: Locale;
  clock?: Clock;
  /** After accepting a friend request, how long to wait for the Confirm event before linking anyway. */
  friendConfirmTimeoutMs?: number;
  /** WeChat never redelivers: waits between attempts to hand a message to the inbox. */
  sinkRetryDelaysMs?: readonly number[];
}

export const WECHAT_CAPABILITIES: ChannelCapabilities = {
  choices: 'numbered',
  maxChoices: 9,
  maxChoiceLabelLength: 40,
  maxTextLength: 2000,
  phoneLinks: false,
};

export const DEFAULT_MEMORY_NAME = 'tongxing';
export const DEFAULT_FRIEND_CONFIRM_TIMEOUT_MS = 60_000;
export const DEFAULT_SINK_RETRY_DELAYS_MS: readonly number[] = [500, 2_000, 10_000];
