// npm run admin -- user create … | token create … (see `npm run admin -- help`)
import { runAdminCli } from '../admin/cli/run.js';
import { loadConfig } from '../config/index.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { runCli } from './run-cli.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

runCli(async () => {
  const config = loadConfig();
  const code = await runAdminCli(process.argv.slice(2), {
    io: { readStdin, out: (line) => console.log(line), err: (line) => console.error(line) },
    async openDatabase() {
      const db = await openDatabase(config.database);
      try {
        await migrate(db.sql);
      } catch (error) {
        await db.close();
        throw error;
      }
      return db;
    },
    now: () => new Date(),
  });
  process.exitCode = code;
});
