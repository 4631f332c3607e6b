import type { SqlDriver } from './sql-driver.js';

/**
 * What autovacuum does on a PostgreSQL server, for the embedded database.
 * PGlite runs PostgreSQL as a single backend with no autovacuum, so without
 * this its tables are never analysed (the planner guesses row counts: with
 * 10,000 open escalations the queue's query looped over a station's every
 * participant, 120-160 ms against 54-68 once analysed) and dead rows left by
 * updates (outbox, inbox, reminders) are never vacuumed.
 */

/** A table past autovacuum's default thresholds, and what it needs. */
export interface TableUpkeep {
  table: string;
  vacuum: boolean;
  analyze: boolean;
}

// PostgreSQL's defaults: autovacuum_{vacuum,analyze}_threshold 50, scale factors 0.2 and 0.1.
const DUE = `
  SELECT relname AS "table",
         n_dead_tup > 50 + 0.2 * n_live_tup AS vacuum,
         n_mod_since_analyze > 50 + 0.1 * n_live_tup AS analyze
  FROM pg_stat_user_tables
  WHERE schemaname = current_schema()
    AND (n_dead_tup > 50 + 0.2 * n_live_tup OR n_mod_since_analyze > 50 + 0.1 * n_live_tup)
  ORDER BY relname`;

export async function tablesDueForUpkeep(sql: SqlDriver): Promise<TableUpkeep[]> {
  return sql.query<{ table: string; vacuum: boolean; analyze: boolean } & Record<string, unknown>>(DUE);
}

const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`;

function statementFor({ table, vacuum, analyze }: TableUpkeep): string {
  if (vacuum) return `VACUUM ${analyze ? '(ANALYZE) ' : ''}${quoted(table)}`;
  return `ANALYZE ${quoted(table)}`;
}

/**
 * Vacuums and analyses the tables that need it, one statement per table so
 * that other work gets its turn between them. Returns what it did.
 */
export async function runUpkeep(sql: SqlDriver): Promise<TableUpkeep[]> {
  const due = await tablesDueForUpkeep(sql);
  for (const table of due) await sql.exec(statementFor(table));
  return due;
}
