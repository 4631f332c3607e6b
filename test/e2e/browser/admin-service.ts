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
  // No quiet hours: what the pages say about messages to people must not depend on the time of day the tests run.
  const service = await startTestService(db, { QUIET_HOURS_START: '00:00', QUIET_HOURS_END: '00:00' });
  return { service, url: service.http.url, stop: () => service.stop() };
}
