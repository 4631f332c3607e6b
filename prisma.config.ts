// Configuration for the Prisma CLI (generate, and migrate deploy where the
// native schema engine can be downloaded). The service itself applies
// migrations with its own runner: see src/db/migrate.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/tongxing' },
});
