import { z } from 'zod';
import { CHANNELS, type InboundMessage } from '../core/messages.js';

/** What an InboundEvent row's payload holds: the channel-neutral message. */
export const InboundPayloadSchema = z.object({
  channel: z.enum(CHANNELS),
  eventKey: z.string().min(1),
  externalUserId: z.string().min(1),
  chatId: z.string().min(1),
  kind: z.enum(['text', 'choice', 'follow', 'unfollow', 'sticker', 'image', 'voice', 'video', 'file', 'location', 'other']),
  text: z.string().optional(),
  choice: z.string().optional(),
  sentAt: z.string(),
  replyToken: z.object({ token: z.string(), expiresAt: z.string() }).optional(),
}) satisfies z.ZodType<InboundMessage>;

export interface ClaimedEvent {
  id: string;
  attempts: number;
  message: InboundMessage;
}
