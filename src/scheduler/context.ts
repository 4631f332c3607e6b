import { DEFAULT_ACK_POLICY } from '../escalation/policy.js';
import type { EscalationContext } from '../escalation/open-or-raise.js';
import { resolveOptions, type SchedulerOptions } from './options.js';
import { parseQuietHours, parseTimeOfDay, type QuietHours } from './time.js';

/** Resolved settings every scheduler step reads. */
export interface SchedulerSettings {
  options: SchedulerOptions;
  quiet: QuietHours;
  /** Minutes after midnight. */
  digestMinutes: number;
  escalation: EscalationContext;
}

export const DEFAULT_ESCALATION_CONTEXT: EscalationContext = { policy: DEFAULT_ACK_POLICY, consoleUrl: undefined };

/** Validates the options once; a bad value fails at start-up, not at 03:00. */
export function schedulerSettings(options: Partial<SchedulerOptions> = {}, escalation: EscalationContext = DEFAULT_ESCALATION_CONTEXT): SchedulerSettings {
  const resolved = resolveOptions(options);
  const digestMinutes = parseTimeOfDay(resolved.digestTime);
  if (digestMinutes === undefined) throw new Error(`digest time must be HH:MM, got ${resolved.digestTime}`);
  for (const [name, value] of [
    ['checkInWindowHours', resolved.checkInWindowHours],
    ['digestWindowHours', resolved.digestWindowHours],
  ] as const) {
    if (!(value > 0)) throw new Error(`${name} must be positive`);
  }
  if (!(resolved.followUpHours >= 0)) throw new Error('followUpHours must be 0 or more');
  if (!(Number.isInteger(resolved.missedStreak) && resolved.missedStreak >= 1)) throw new Error('missedStreak must be a whole number ≥ 1');
  return { options: resolved, quiet: parseQuietHours(resolved.quietHours), digestMinutes, escalation };
}

/** Settings for the standalone functions when the caller passes none. */
export function settingsOrDefault(settings: SchedulerSettings | undefined): SchedulerSettings {
  return settings ?? (defaultSettings ??= schedulerSettings());
}

let defaultSettings: SchedulerSettings | undefined;
