/** The scheduler's public surface: service.ts, the console and the conversation engine import from here. */
export { createScheduler, type Scheduler, type SchedulerDeps, type TickReport, type PlanReport } from './scheduler.js';
export {
  DEFAULT_SCHEDULER_OPTIONS,
  appointmentOffsetsFor,
  longestAppointmentOffset,
  parseOffsets,
  parseOffsetsByKind,
  type OffsetsByKind,
  type SchedulerOptions,
} from './options.js';
export { schedulerSettings, type SchedulerSettings } from './context.js';
export { planCheckIns, planAppointmentReminders, planDigests, replanAppointment, replanCheckIns } from './plan.js';
export { dispatchDue, type DispatchResult } from './dispatch.js';
export { closeCheckInWindows, UNANSWERED, type CloseResult } from './streaks.js';
export {
  createRecurringAppointments,
  recordAttendance,
  type RecurringAppointmentsInput,
  type RecurringResult,
  type RecordedStatus,
  type AttendanceResult,
} from './appointments.js';
export { buildDigest, digestText, type Digest, type DigestPerson, type DigestAppointment } from './digest.js';
export { previewBroadcast, sendBroadcast, type BroadcastPreview, type SendBroadcastResult } from './broadcast.js';
export { occurrences, toRRule, type RecurrenceRule } from './recurrence.js';
export { DEFAULT_CADENCE, DEFAULT_CADENCE_BY_TIER, defaultCadence, parseCadence, cadenceFor } from './cadence.js';
export { SCHEDULER_CHOICES, parseAppointmentReply } from './choices.js';
export { raiseScheduleSignal } from './signals.js';
export { cancelAppointment, type CancelAppointmentResult } from './cancel-appointment.js';
