import { z } from 'zod';
import type { ReliefProgram } from '../../generated/prisma/client.js';
import { RELIEF_PROGRAMS } from '../../conversation/choices.js';

export interface BoardFilters {
  program?: ReliefProgram;
  /** Admins only; others are limited to their station anyway. */
  stationId?: string;
  /** Only the staff member's caseload. */
  mine: boolean;
}

// Pages are lenient: a bad value in the address bar falls back to the default.
const BoardQuerySchema = z.object({
  program: z.enum(RELIEF_PROGRAMS).optional().catch(undefined),
  station: z.string().trim().max(64).optional().catch(undefined),
  mine: z.string().optional().catch(undefined),
});

export function parseBoardFilters(query: Record<string, string>): BoardFilters {
  const parsed = BoardQuerySchema.parse(query);
  return {
    ...(parsed.program ? { program: parsed.program } : {}),
    ...(parsed.station ? { stationId: parsed.station } : {}),
    mine: parsed.mine === '1',
  };
}
