import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The name-space for Tongxing's LINE retry keys (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1d0c7a4b2e4e8f9a3d5c1b7e2f8a40', 'hex');

/**
 * X-Line-Retry-Key for an outbox row. LINE requires a UUID; a key that is
 * one already is used as it is, anything else becomes a name-based UUID
 * (version 5, RFC 9562) so the same row always gets the same retry key, across
 * restarts and instances.
 */
export function lineRetryKey(idempotencyKey: string): string {
  if (UUID.test(idempotencyKey)) return idempotencyKey.toLowerCase();
  const bytes = createHash('sha1').update(NAMESPACE).update(idempotencyKey, 'utf8').digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
