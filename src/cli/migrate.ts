// npm run db:migrate — applies pending migrations to the configured database.
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    const result = await migrate(db.sql);
    console.log(
      result.applied.length === 0
        ? `Up to date (${result.alreadyApplied} migrations applied).`
        : `Applied ${result.applied.length}: ${result.applied.join(', ')}`,
    );
  } finally {
    await db.close();
  }
});
