import { z } from 'zod';
import { ESCALATION_NOTE_MAX } from '../../escalation/note.js';
import { ESCALATION_OUTCOMES, RESOLUTION_NOTE_MAX } from '../../escalation/resolve.js';
import type { EscalationAction } from './actions.js';

export const ACTION_KINDS = ['ack', 'assign', 'note', 'resolve'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

const AssignForm = z.object({ assigneeId: z.string().trim().min(1).max(64) });
const NoteForm = z.object({ note: z.string().trim().min(1).max(ESCALATION_NOTE_MAX) });
export const ResolveSchema = z.object({
  outcome: z.enum(ESCALATION_OUTCOMES),
  note: z.string().trim().max(RESOLUTION_NOTE_MAX).optional(),
});

/** A console form's fields as an action, or undefined when they do not validate. */
export function parseActionForm(kind: ActionKind, body: Record<string, unknown>): EscalationAction | undefined {
  switch (kind) {
    case 'ack':
      return { kind: 'ack' };
    case 'assign': {
      const parsed = AssignForm.safeParse(body);
      return parsed.success ? { kind: 'assign', assigneeId: parsed.data.assigneeId } : undefined;
    }
    case 'note': {
      const parsed = NoteForm.safeParse(body);
      return parsed.success ? { kind: 'note', note: parsed.data.note } : undefined;
    }
    case 'resolve': {
      const parsed = ResolveSchema.safeParse(body);
      return parsed.success ? { kind: 'resolve', outcome: parsed.data.outcome, note: parsed.data.note || undefined } : undefined;
    }
  }
}
