import { z } from 'zod';
import { RELIEF_NOTE_MAX, RELIEF_STATUSES } from '../../relief/change-status.js';

export const StatusForm = z.object({
  from: z.enum(RELIEF_STATUSES),
  to: z.enum(RELIEF_STATUSES),
  note: z.string().trim().max(RELIEF_NOTE_MAX).optional(),
});

export type StatusFormValues = z.infer<typeof StatusForm>;

/** Where to go after the change: the board (moved from a card) or the request's page. */
export function returnTo(body: Record<string, unknown>): 'board' | 'detail' {
  return body.back === 'detail' ? 'detail' : 'board';
}
