import { describe, expect, it } from 'vitest';
import { parseAppointmentReply, SCHEDULER_CHOICES } from '../../../src/scheduler/choices.js';
import { appointmentKeyOffset, checkInKeyDate, followUpParentId, reminderKeys } from '../../../src/scheduler/keys.js';
import { pickIdentity, type IdentityRow } from '../../../src/scheduler/recipients.js';

const identity = (id: string, over: Partial<IdentityRow> = {}): IdentityRow => ({
  id,
  channel: 'WEB',
  reachable: true,
  optedOutAt: null,
  lastSeenAt: null,
  linkedAt: new Date('2026-01-01T00:00:00Z'),
  ...over,
});

describe('recipients', () => {
  it('picks the chat account used last, and says why when there is none', () => {
    const old = identity('old', { lastSeenAt: new Date('2026-02-01T00:00:00Z') });
    const recent = identity('recent', { channel: 'TELEGRAM', lastSeenAt: new Date('2026-03-01T00:00:00Z') });
    expect(pickIdentity([old, recent])).toEqual({ identity: recent });
    expect(pickIdentity([old, identity('stopped', { optedOutAt: new Date(), lastSeenAt: new Date() })])).toEqual({ identity: old });
    expect(pickIdentity([identity('s', { optedOutAt: new Date() }), identity('u', { reachable: false })])).toEqual({ reason: 'opted-out' });
    expect(pickIdentity([identity('u', { reachable: false })])).toEqual({ reason: 'unreachable' });
    expect(pickIdentity([])).toEqual({ reason: 'no-identity' });
  });
});

describe('keys and choices', () => {
  const uuid = '0b9f6a3e-4c1d-4e8a-9f00-123456789abc';
  it('read back what they encode', () => {
    expect(checkInKeyDate(reminderKeys.checkIn(uuid, '2026-03-02'))).toBe('2026-03-02');
    expect(followUpParentId(reminderKeys.followUp(uuid))).toBe(uuid);
    expect(appointmentKeyOffset(reminderKeys.appointment(uuid, uuid, '1d'))).toBe(1440);
    expect(appointmentKeyOffset(reminderKeys.appointment(uuid, uuid, '2h'))).toBe(120);
    expect(appointmentKeyOffset(`${reminderKeys.appointment(uuid, uuid, '2h')}@x`)).toBeUndefined();
  });

  it('fit in Telegram’s 64 bytes and parse back', () => {
    for (const value of [SCHEDULER_CHOICES.confirmAppointment(uuid), SCHEDULER_CHOICES.rescheduleAppointment(uuid)]) {
      expect(Buffer.byteLength(value)).toBeLessThanOrEqual(64);
    }
    expect(parseAppointmentReply(SCHEDULER_CHOICES.confirmAppointment(uuid))).toEqual({ action: 'confirm', appointmentId: uuid });
    expect(parseAppointmentReply(SCHEDULER_CHOICES.rescheduleAppointment(uuid))).toEqual({ action: 'reschedule', appointmentId: uuid });
    expect(parseAppointmentReply('appt:ok:nope')).toBeUndefined();
  });
});
