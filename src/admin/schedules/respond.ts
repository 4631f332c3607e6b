import type { Context } from 'hono';
import type { ConsoleEnv } from '../http/env.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { refusedChange } from '../views/problem-page.js';
import type { Refusal } from './result.js';

/** Post/redirect/get: success and form problems go back to the page with a flash; scope problems are 404 or 403 pages. */
export function afterChange(c: Context<ConsoleEnv>, back: string, outcome: { ok: true; done: string } | { ok: false; reason: Refusal; error?: string }): Response | Promise<Response> {
  if (outcome.ok) return c.redirect(`${back}?done=${outcome.done}`, 303);
  return refusedChange(c, back, outcome.reason, outcome.error);
}

const DONE: Record<string, AdminMessageKey> = {
  created: 'sched.done.created',
  moved: 'sched.done.moved',
  cancelled: 'sched.done.cancelled',
  attendance: 'sched.done.attendance',
  signalled: 'sched.done.signalled',
  muted: 'sched.done.muted',
  unmuted: 'sched.done.unmuted',
  checkIn: 'sched.done.checkIn',
};

const ERROR: Record<string, AdminMessageKey> = {
  invalid: 'sched.error.invalid',
  conflict: 'sched.error.conflict',
  cadence: 'sched.error.cadence',
  mute: 'sched.error.mute',
};

/** The flash messages named in the address (?done=…, ?error=…); unknown names show nothing. */
export function flashes(c: Context<ConsoleEnv>, params: Record<string, string | number> = {}): { notice?: string; error?: string } {
  const t = c.get('t');
  const done = DONE[c.req.query('done') ?? ''];
  const error = ERROR[c.req.query('error') ?? ''];
  return { ...(done ? { notice: t(done, params) } : {}), ...(error ? { error: t(error) } : {}) };
}
