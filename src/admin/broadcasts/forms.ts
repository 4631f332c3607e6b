import { z } from 'zod';

export const BROADCAST_AUDIENCES = ['PARTICIPANTS', 'FAMILIES', 'BOTH'] as const;
/** Long enough for a class announcement, short enough for one chat message on every platform. */
export const BROADCAST_BODY_MAX = 1000;

export const ComposeForm = z.object({
  stationId: z.string().trim().min(1).max(64),
  audience: z.enum(BROADCAST_AUDIENCES),
  body: z.string().trim().min(1).max(BROADCAST_BODY_MAX),
});

export type ComposeValues = z.infer<typeof ComposeForm>;
