// Runs `prisma generate` offline. Prisma only needs the native schema engine
// for migrate; generate works when the variable points at any existing file.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
execFileSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
