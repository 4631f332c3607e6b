import type { Context } from 'hono';

function hasSocketAddress(value: unknown): value is { incoming: { socket: { remoteAddress?: string } } } {
  if (typeof value !== 'object' || value === null || !('incoming' in value)) return false;
  const incoming = (value as { incoming: unknown }).incoming;
  return typeof incoming === 'object' && incoming !== null && 'socket' in incoming;
}

/**
 * The client's address for per-address login limits. With no trusted proxy
 * (the default) it is the peer's address and X-Forwarded-For is ignored, so
 * nobody can pick their own address. Behind `trustedHops` reverse proxies,
 * each of which appends the address it saw, the entry that many places from
 * the right is the one the outermost trusted proxy saw; entries further left
 * were written by the client and are never used. In-process requests (tests)
 * have no socket.
 */
export function clientAddress(c: Context, trustedHops = 0): string {
  const peer = hasSocketAddress(c.env) ? (c.env.incoming.socket.remoteAddress ?? 'unknown') : 'local';
  if (trustedHops === 0) return peer;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded.at(-trustedHops) ?? peer;
}
