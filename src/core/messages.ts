/** Channel-neutral message shapes. Conversation code sees only these. */

export const CHANNELS = ['TELEGRAM', 'LINE', 'WECHAT', 'WEB'] as const;
export type ChannelName = (typeof CHANNELS)[number];

export type InboundKind =
  | 'text'
  /** A tap on a button, quick reply or numbered option: `choice` holds its value. */
  | 'choice'
  /** The person added or followed the bot (LINE follow, WeChat friend). */
  | 'follow'
  | 'unfollow'
  | 'sticker'
  | 'image'
  | 'voice'
  | 'video'
  | 'file'
  | 'location'
  | 'other';

/** Non-text kinds that get "please write it in text". */
export const NON_TEXT_KINDS: ReadonlySet<InboundKind> = new Set(['sticker', 'image', 'voice', 'video', 'file', 'location', 'other']);

/** Longest text kept; longer input is cut before processing and storage. */
export const MAX_INBOUND_TEXT = 4000;

export interface InboundMessage {
  channel: ChannelName;
  /**
   * Unique per channel for this platform event: redeliveries and duplicates
   * share it. Chat-scoped ids are prefixed with the chat id.
   */
  eventKey: string;
  /** The sender's platform user id. */
  externalUserId: string;
  /** Where replies go. */
  chatId: string;
  kind: InboundKind;
  text?: string;
  /** The value of a tapped choice. */
  choice?: string;
  /** The platform's time of the event (ISO 8601). */
  sentAt: string;
  /** LINE: a reply token and when it stops working (ISO 8601). */
  replyToken?: { token: string; expiresAt: string };
}

export interface Choice {
  /** What the person sees, e.g. "确认". */
  label: string;
  /** What comes back when they pick it, e.g. "appt:confirm:<id>". */
  value: string;
}

export interface OutboundMessage {
  text: string;
  choices?: Choice[];
}

/** Cuts text to MAX_INBOUND_TEXT characters (code points, not UTF-16 units). */
export function clampInboundText(text: string): string {
  const chars = Array.from(text);
  return chars.length > MAX_INBOUND_TEXT ? chars.slice(0, MAX_INBOUND_TEXT).join('') : text;
}
