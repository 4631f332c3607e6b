import { z } from 'zod';
import type { OutboundMessage } from '../core/messages.js';

export const OutboxPayloadSchema = z.object({
  text: z.string(),
  choices: z.array(z.object({ label: z.string(), value: z.string() })).optional(),
  replyToken: z.object({ token: z.string(), expiresAt: z.string() }).optional(),
});

export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;

export function toOutbound(payload: OutboxPayload): OutboundMessage {
  return payload.choices ? { text: payload.text, choices: payload.choices } : { text: payload.text };
}
