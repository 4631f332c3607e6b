// Shared by the schedules tests: a fixed clock on Wednesday 4 March 2026,
// chat accounts so reminders can be planned, and appointments made to order.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Clock } from '../../../src/core/clock.js';
import type { Database } from '../../../src/db/client.js';
import type { AppointmentKind } from '../../../src/generated/prisma/client.js';

export const SH = 'Asia/Shanghai';

/** An instant from a local "YYYY-MM-DDTHH:mm" in Shanghai. */
export function at(local: string, zone = SH): Date {
  return DateTime.fromISO(local, { zone }).toJSDate();
}

export const NOW = at('2026-03-04T08:00');
export const THU_0930 = at('2026-03-05T09:30');

export function fixedClock(now = NOW): Clock & { set(next: Date): void } {
  let current = now;
  return { now: () => current, set: (next) => (current = next) };
}

/** A chat account that can receive reminders. */
export async function reachable(db: Database, participantId: string): Promise<void> {
  const external = `web-${randomUUID()}`;
  await db.prisma.channelIdentity.create({ data: { participantId, channel: 'WEB', externalId: external, chatId: external } });
}

export async function appointmentFor(
  db: Database,
  stationId: string,
  attendees: string[],
  options: { kind?: AppointmentKind; startsAt?: Date } = {},
): Promise<string> {
  const row = await db.prisma.appointment.create({
    data: {
      stationId,
      kind: options.kind ?? 'URINE_TEST',
      startsAt: options.startsAt ?? THU_0930,
      place: '尿检室',
      attendees: { create: attendees.map((participantId) => ({ participantId })) },
    },
  });
  return row.id;
}
