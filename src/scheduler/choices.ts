/**
 * Choice values on scheduler messages. The conversation engine handles the
 * taps: `m:checkin` starts a check-in; `appt:ok:<id>` confirms and
 * `appt:move:<id>` asks to reschedule one appointment. All fit Telegram's
 * 64 bytes with a UUID.
 */
export const SCHEDULER_CHOICES = {
  startCheckIn: 'm:checkin',
  confirmAppointment: (appointmentId: string) => `appt:ok:${appointmentId}`,
  rescheduleAppointment: (appointmentId: string) => `appt:move:${appointmentId}`,
} as const;

/** `appt:ok:<id>` / `appt:move:<id>` → what and which, or undefined. */
export function parseAppointmentReply(value: string): { action: 'confirm' | 'reschedule'; appointmentId: string } | undefined {
  const match = /^appt:(ok|move):([0-9a-f-]{36})$/.exec(value);
  if (!match) return undefined;
  return { action: match[1] === 'ok' ? 'confirm' : 'reschedule', appointmentId: match[2] ?? '' };
}
