import type { AdminDeps } from '../deps.js';
import { cancelAppointment, replanAppointment } from '../../scheduler/index.js';
import { validZone } from '../../scheduler/time.js';
import { writeAudit } from '../audit/write.js';
import type { Actor } from '../escalations/actions.js';
import { loadAppointmentTarget } from './load-appointment.js';
import { refuse, type ChangeResult } from './result.js';
import { startInstant, type StartInput } from './start-time.js';

/**
 * Moves a scheduled appointment to a new time (its length kept) and lets the
 * scheduler re-plan: pending reminders for the old time go, the new time gets
 * its own, and earlier answers (confirmed, asked to reschedule) are reset.
 */
export async function moveAppointment(deps: AdminDeps, actor: Actor, appointmentId: string, start: StartInput): Promise<ChangeResult<{ startsAt: Date }>> {
  const settings = deps.schedulerSettings;
  const lookup = await loadAppointmentTarget(deps.db.prisma, actor.staff, appointmentId);
  if (lookup.access === 'none') return refuse('not-found');
  if (lookup.access !== 'act') return refuse('forbidden');
  const { target } = lookup;
  const startsAt = startInstant(start, validZone(target.timezone, settings.options.defaultTimezone));
  if (!startsAt) return refuse('invalid', 'the start time is not valid');
  const now = deps.clock.now();
  return deps.db.prisma.$transaction(async (tx) => {
    const endsAt = target.endsAt ? new Date(startsAt.getTime() + (target.endsAt.getTime() - target.startsAt.getTime())) : null;
    // Conditional on the time read above: a concurrent move or cancellation wins instead of being overwritten.
    const moved = await tx.appointment.updateMany({
      where: { id: target.id, status: 'SCHEDULED', startsAt: target.startsAt },
      data: { startsAt, endsAt },
    });
    if (moved.count === 0) return refuse('conflict', 'the appointment was cancelled or changed meanwhile');
    await replanAppointment(tx, target.id, now, settings);
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'appointment.move',
        targetType: 'appointment',
        targetId: target.id,
        detail: { from: target.startsAt.toISOString(), to: startsAt.toISOString() },
      },
      now,
    );
    return { ok: true as const, startsAt };
  });
}

/** Cancels a scheduled appointment; its pending reminders are cancelled with it. */
export async function cancelScheduledAppointment(deps: AdminDeps, actor: Actor, appointmentId: string): Promise<ChangeResult<{ cancelledReminders: number }>> {
  const lookup = await loadAppointmentTarget(deps.db.prisma, actor.staff, appointmentId);
  if (lookup.access === 'none') return refuse('not-found');
  if (lookup.access !== 'act') return refuse('forbidden');
  const now = deps.clock.now();
  return deps.db.prisma.$transaction(async (tx) => {
    const result = await cancelAppointment(tx, appointmentId, now);
    if (result.kind === 'not-found') return refuse('not-found');
    if (result.kind === 'not-scheduled') return refuse('conflict', 'the appointment is not scheduled');
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'appointment.cancel',
        targetType: 'appointment',
        targetId: appointmentId,
        detail: { cancelledReminders: result.cancelledReminders },
      },
      now,
    );
    return { ok: true as const, cancelledReminders: result.cancelledReminders };
  });
}
