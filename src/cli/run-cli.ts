import { ConfigError } from '../config/index.js';
import { EmbeddedDatabaseInUseError } from '../db/embedded-lock.js';

/** Runs a command-line entry point: operator errors as one line, exit code 1. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof EmbeddedDatabaseInUseError) {
      console.error(`${error.message}: stop the service first, or run this against its DATABASE_URL`);
    } else if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exit(1);
  });
}
