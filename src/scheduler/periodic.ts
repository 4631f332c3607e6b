import { schedule, type ScheduledTask } from 'node-cron';
import type { Logger } from '../log/logger.js';

/**
 * Runs `job` on a node-cron expression, never overlapping itself, and logs
 * failures instead of crashing. The job's state lives in the database, so a
 * restart loses nothing.
 */
export function startPeriodic(name: string, expression: string, job: () => Promise<unknown>, log: Logger): { stop(): Promise<void> } {
  let running: Promise<unknown> | undefined;
  const task: ScheduledTask = schedule(
    expression,
    async () => {
      if (running) return;
      running = job()
        .catch((error: unknown) => log.error({ err: error, job: name }, 'periodic job failed'))
        .finally(() => (running = undefined));
      await running;
    },
    { name, noOverlap: true },
  );
  return {
    async stop() {
      await task.stop();
      await running;
    },
  };
}
