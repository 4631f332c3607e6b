// The whole service in this process (console included), for browser tests.
import type { Database } from '../../../src/db/client.js';
import type { RunningService } from '../../../src/service.js';
import { startTestService } from '../../support/service.js';

export interface ConsoleService {
  service: RunningService;
  url: string;
  stop(): Promise<void>;
}

export async function startConsoleService(db: Database): Promise<ConsoleService> {
  const service = await startTestService(db);
  return { service, url: service.http.url, stop: () => service.stop() };
}
