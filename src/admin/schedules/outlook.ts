import type { ReminderStatus } from '../../generated/prisma/client.js';
import { appointmentWindows } from '../../scheduler/plan.js';
import { validZone } from '../../scheduler/time.js';
import type { Translate } from '../i18n/index.js';
import type { AppointmentView } from './query.js';

/** One line of what goes out for an appointment: a time, what happened or will, and for how many people. */
export interface OutlookLine {
  at: Date;
  status: ReminderStatus | 'EXPECTED';
  count: number;
}

/**
 * The appointment's reminders grouped by time and status. Before the
 * scheduler has planned them (it plans a day or two ahead), the times its
 * offsets will give, from the scheduler's own window rule, marked expected:
 * quiet hours may still move them.
 */
export function reminderOutlook(view: AppointmentView, offsetsMinutes: readonly number[], defaultZone: string, now: Date): OutlookLine[] {
  if (view.reminders.length > 0) {
    const groups = new Map<string, OutlookLine>();
    for (const r of view.reminders) {
      const key = `${r.dueAt.getTime()}|${r.status}`;
      const line = groups.get(key);
      if (line) line.count++;
      else groups.set(key, { at: r.dueAt, status: r.status, count: 1 });
    }
    return [...groups.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  }
  const waiting = view.attendees.filter((a) => a.status === 'INVITED').length;
  if (view.status !== 'SCHEDULED' || waiting === 0 || view.startsAt.getTime() <= now.getTime()) return [];
  return appointmentWindows(view.startsAt, offsetsMinutes, validZone(view.timezone, defaultZone))
    .filter((w) => w.windowEndsAt.getTime() > now.getTime())
    .map((w) => ({ at: w.rawDueAt, status: 'EXPECTED' as const, count: waiting }));
}

/** "1 天、2 小时" / "1 d, 2 h". */
export function offsetsText(t: Translate, offsetsMinutes: readonly number[]): string {
  return offsetsMinutes
    .map((m) =>
      m % 1440 === 0 ? t('sched.offset.days', { n: m / 1440 }) : m % 60 === 0 ? t('sched.offset.hours', { n: m / 60 }) : t('sched.offset.minutes', { n: m }),
    )
    .join(t('sched.offset.join'));
}
