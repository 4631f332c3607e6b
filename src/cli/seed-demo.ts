// npm run db:seed:demo — migrates, then seeds the demo station once.
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../db/seed/demo.js';
import { runCli } from './run-cli.js';

runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config.database);
  try {
    await migrate(db.sql);
    const result = await seedDemo(db.prisma);
    if (!result.seeded) {
      console.log(
        result.reason === 'already-seeded'
          ? 'The demo is already seeded; nothing changed.'
          : 'The database already holds stations; the demo was not seeded.',
      );
      return;
    }
    console.log('Seeded the demo station. Logins (shown only this once):');
    for (const login of result.logins) console.log(`  ${login.role.padEnd(11)} ${login.login.padEnd(11)} ${login.password}`);
  } finally {
    await db.close();
  }
});
