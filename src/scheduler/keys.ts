/**
 * Dedupe keys. Reminder.dedupeKey and OutboxMessage.dedupeKey are unique:
 * planning the same thing twice, on any instance, creates one row.
 */
export const reminderKeys = {
  checkIn: (participantId: string, localDate: string) => `checkin:${participantId}:${localDate}`,
  followUp: (reminderId: string) => `checkin-followup:${reminderId}`,
  appointment: (appointmentId: string, participantId: string, offset: string) => `appt:${appointmentId}:${participantId}:${offset}`,
  digest: (staffId: string, localDate: string) => `digest:${staffId}:${localDate}`,
} as const;

export const outboxKeys = {
  reminder: (reminderId: string) => `reminder:${reminderId}`,
  broadcast: (broadcastId: string, identityId: string) => `broadcast:${broadcastId}:${identityId}`,
} as const;

/** The local date of a `checkin:<participant>:<date>` key. */
export function checkInKeyDate(key: string): string | undefined {
  return /^checkin:[^:]+:(\d{4}-\d{2}-\d{2})$/.exec(key)?.[1];
}

/** The CHECK_IN reminder a follow-up belongs to. */
export function followUpParentId(key: string): string | undefined {
  return /^checkin-followup:(.+)$/.exec(key)?.[1];
}

/** The offset, in minutes, of an `appt:<appointment>:<participant>:<offset>` key. */
export function appointmentKeyOffset(key: string): number | undefined {
  const match = /^appt:[^:]+:[^:]+:(\d+)([dhm])$/.exec(key);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'd' ? 1440 : match[2] === 'h' ? 60 : 1);
}
