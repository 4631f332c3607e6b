import type { Context } from 'hono';

/**
 * A browser's state-changing request must come from the console's own
 * origin. Browsers send Origin on POST; a request without it (curl, old
 * clients) relies on the CSRF token alone.
 */
export function isSameOrigin(c: Context, publicUrl: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  if (origin === 'null') return false;
  const expected = publicUrl ? new URL(publicUrl).origin : new URL(c.req.url).origin;
  return origin === expected;
}
