// The NOTIFY side lives with the escalations (src/escalation/notify.ts), so
// the pipeline and the escalation steps can call it without importing the
// console. Re-exported here for the console's own code and tests.
export {
  ESCALATIONS_CHANNEL,
  EscalationSignalSchema,
  notifyEscalationsChanged,
  notifyEscalationsChangedInTransaction,
  parseEscalationSignal,
  type EscalationSignal,
} from '../../escalation/notify.js';
