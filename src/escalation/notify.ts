import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';
import type { SqlConnection } from '../db/sql-driver.js';

/** The PostgreSQL NOTIFY channel for "an escalation changed". */
export const ESCALATIONS_CHANNEL = 'tongxing_escalations';

/** What travels through NOTIFY: identifiers only, never text (payloads are visible to any database session). */
export const EscalationSignalSchema = z.object({ id: z.string().min(1).max(64), level: z.number().int().min(0).max(4) });
export type EscalationSignal = z.infer<typeof EscalationSignalSchema>;

/**
 * Tells every instance's open console pages that an escalation changed.
 * Call it after the change is committed (NOTIFY outside a transaction is
 * delivered at once). Accepts the bare driver or one of its connections.
 */
export async function notifyEscalationsChanged(sql: Pick<SqlConnection, 'query'>, signal: EscalationSignal): Promise<void> {
  const payload = JSON.stringify({ id: signal.id, level: signal.level });
  await sql.query('SELECT pg_notify($1, $2)', [ESCALATIONS_CHANNEL, payload]);
}

/**
 * The same, from inside a Prisma transaction: PostgreSQL holds the
 * notification until the transaction commits and drops it on rollback.
 */
export async function notifyEscalationsChangedInTransaction(tx: Prisma.TransactionClient, signal: EscalationSignal): Promise<void> {
  const payload = JSON.stringify({ id: signal.id, level: signal.level });
  await tx.$queryRaw`SELECT pg_notify(${ESCALATIONS_CHANNEL}, ${payload})::text AS sent`;
}

export function parseEscalationSignal(payload: string): EscalationSignal | undefined {
  try {
    const parsed = EscalationSignalSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
