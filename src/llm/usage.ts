import type { Prisma } from '../generated/prisma/client.js';
import type { ModelUsage } from './errors.js';

/** A Prisma client or an interactive transaction's client: both can run this. */
export type UsageDb = Pick<Prisma.TransactionClient, '$executeRaw'>;

/** Something that stores one call's tokens, e.g. `(u) => recordLlmUsage(prisma, u)` for work done outside a transaction. */
export type UsageRecorder = (record: UsageRecord) => Promise<void>;

export interface UsageRecord extends ModelUsage {
  /** The configured model id (OPENAI_MODEL), not the dated id the server echoes, so a day has one row per model. */
  model: string;
  /** When the call ended; the row is its UTC day (providers bill by UTC day). */
  at: Date;
}

/**
 * Adds one request and its tokens to LlmUsage for (UTC day, model). One
 * INSERT … ON CONFLICT statement: safe when several messages are answered at
 * once, and inside an interactive transaction it uses only that
 * transaction's connection (PGlite has one).
 */
export async function recordLlmUsage(db: UsageDb, record: UsageRecord): Promise<void> {
  const day = record.at.toISOString().slice(0, 10);
  await db.$executeRaw`
    INSERT INTO "LlmUsage" ("day", "model", "requests", "promptTokens", "completionTokens")
    VALUES (${day}::date, ${record.model}, 1, ${record.promptTokens}, ${record.completionTokens})
    ON CONFLICT ("day", "model") DO UPDATE SET
      "requests" = "LlmUsage"."requests" + 1,
      "promptTokens" = "LlmUsage"."promptTokens" + EXCLUDED."promptTokens",
      "completionTokens" = "LlmUsage"."completionTokens" + EXCLUDED."completionTokens"`;
}
