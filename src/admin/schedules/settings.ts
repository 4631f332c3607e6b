import type { SchedulerSettings } from '../../scheduler/index.js';
import type { AdminDeps } from '../deps.js';

/** The running scheduler's settings (reminder offsets, ack policy, quiet hours). */
export type SchedulesDeps = AdminDeps;

export function settingsFor(deps: SchedulesDeps): SchedulerSettings {
  return deps.schedulerSettings;
}
