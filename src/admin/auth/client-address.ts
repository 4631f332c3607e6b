import type { Context } from 'hono';

function hasSocketAddress(value: unknown): value is { incoming: { socket: { remoteAddress?: string } } } {
  if (typeof value !== 'object' || value === null || !('incoming' in value)) return false;
  const incoming = (value as { incoming: unknown }).incoming;
  return typeof incoming === 'object' && incoming !== null && 'socket' in incoming;
}

/**
 * The peer's address from the Node server. Forwarded headers are not
 * trusted, so behind a reverse proxy every client shares the proxy's address
 * (and the per-address login limit); trusting X-Forwarded-For needs a setting
 * saying which proxy to believe. In-process requests (tests) have none.
 */
export function clientAddress(c: Context): string {
  return hasSocketAddress(c.env) ? (c.env.incoming.socket.remoteAddress ?? 'unknown') : 'local';
}
