import type { AdminDeps } from '../deps.js';
import { recordAttendance, type RecordedStatus } from '../../scheduler/index.js';
import { writeAudit } from '../audit/write.js';
import type { Actor } from '../escalations/actions.js';
import { mayRecordFor } from './access.js';
import { loadAppointmentTarget } from './load-appointment.js';
import { refuse, type ChangeResult } from './result.js';

const DRUG_TESTS = new Set(['URINE_TEST', 'HAIR_TEST']);

/**
 * Records attended, missed or excused for one attendee (and a test's
 * result) through the scheduler, which stops that person's pending
 * reminders and turns a newly missed drug test into the level-2 dropout
 * signal; its staff alerts go out as soon as the transaction commits.
 */
export async function recordAttendanceFor(
  deps: AdminDeps,
  actor: Actor,
  input: { appointmentId: string; participantId: string; status: RecordedStatus; result?: string | undefined },
): Promise<ChangeResult<{ signalled: boolean }>> {
  const lookup = await loadAppointmentTarget(deps.db.prisma, actor.staff, input.appointmentId);
  if (lookup.access === 'none') return refuse('not-found');
  const attendee = lookup.target.attendees.find((a) => a.participantId === input.participantId);
  if (!attendee) return refuse('not-found', 'this person is not invited to the appointment');
  if (!mayRecordFor(actor.staff, attendee)) return refuse('forbidden');
  if (lookup.target.status === 'CANCELLED') return refuse('conflict', 'the appointment was cancelled');
  // Only a test has a result; for anything else the field is left as it was.
  const result = DRUG_TESTS.has(lookup.target.kind) ? (input.result ?? null) : undefined;
  const now = deps.clock.now();
  const outcome = await deps.db.prisma.$transaction(async (tx) => {
    const recorded = await recordAttendance(tx, input.appointmentId, input.participantId, input.status, result, now, deps.schedulerSettings);
    if (recorded.kind === 'not-found') return refuse('not-found');
    await writeAudit(
      tx,
      {
        actorId: actor.staff.id,
        tokenId: actor.tokenId ?? null,
        action: 'appointment.attendance',
        targetType: 'appointment',
        targetId: input.appointmentId,
        // Identifiers and outcomes only: the test result is health data and stays on the attendee row.
        detail: { participantId: input.participantId, status: input.status, signalled: recorded.signalled },
      },
      now,
    );
    return { ok: true as const, signalled: recorded.signalled };
  });
  if (outcome.ok && outcome.signalled) deps.onOutboxChanged();
  return outcome;
}
