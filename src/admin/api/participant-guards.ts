import type { Context } from 'hono';
import type { AdminDeps } from '../deps.js';
import type { ApiEnv } from './bearer.js';
import { apiError } from './errors.js';

export const READ_ONLY = 'this token is not linked to a staff member and may only read';

/** A token without a staff member may not change anything: 404 for a person who does not exist, else 403. */
export async function readOnly(c: Context<ApiEnv>, deps: AdminDeps, participantId: string): Promise<Response> {
  const exists = await deps.db.prisma.participant.count({ where: { id: participantId } });
  return exists ? apiError(c, 'forbidden', READ_ONLY) : apiError(c, 'not_found', 'no such participant');
}

/** Invites take no options: the body is empty or `{}`. */
export async function hasEmptyBody(c: Context<ApiEnv>): Promise<boolean> {
  const raw = (await c.req.text()).trim();
  if (raw === '') return true;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
  } catch {
    return false;
  }
}
