import type { Prisma } from '../generated/prisma/client.js';

export type CancelAppointmentResult = { kind: 'cancelled'; cancelledReminders: number } | { kind: 'not-scheduled' } | { kind: 'not-found' };

/**
 * Cancels a scheduled appointment. Its pending reminders are closed at once
 * with the reason the dispatcher gives a cancelled appointment's reminder
 * ('appointment-cancelled'), so staff see what will no longer go out instead
 * of rows that would only be closed at their send time; open reschedule
 * tasks for it are done. Sent reminders stay as they were.
 */
export async function cancelAppointment(tx: Prisma.TransactionClient, appointmentId: string, now: Date): Promise<CancelAppointmentResult> {
  // Conditional: of two concurrent cancellations, one wins.
  const changed = await tx.appointment.updateMany({ where: { id: appointmentId, status: 'SCHEDULED' }, data: { status: 'CANCELLED' } });
  if (changed.count === 0) {
    const exists = await tx.appointment.count({ where: { id: appointmentId } });
    return exists ? { kind: 'not-scheduled' } : { kind: 'not-found' };
  }
  const { count } = await tx.reminder.updateMany({
    where: { appointmentId, status: 'PENDING' },
    data: { status: 'CANCELLED', skipReason: 'appointment-cancelled' },
  });
  await tx.caseworkerTask.updateMany({ where: { appointmentId, kind: 'RESCHEDULE', doneAt: null }, data: { doneAt: now } });
  return { kind: 'cancelled', cancelledReminders: count };
}
