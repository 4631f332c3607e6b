import { z } from 'zod';
import type { Prisma, ReliefProgram } from '../../generated/prisma/client.js';
import { PRESCREEN, prescreenResult } from '../../conversation/flows/relief-questions.js';
import type { ConversationKey } from '../../conversation/i18n/index.js';

export interface PrescreenAnswer {
  /** The question as the person was asked it (a conversation catalog key). */
  question: ConversationKey;
  answer: boolean | undefined;
}

export interface Prescreen {
  answers: PrescreenAnswer[];
  result: 'likely' | 'unsure';
}

const StoredAnswers = z.record(z.string(), z.boolean()).catch({});

/** The stored yes/no answers, in the order the flow asked them, with the flow's own verdict. */
export function readPrescreen(program: ReliefProgram, stored: Prisma.JsonValue): Prescreen {
  const answers = StoredAnswers.parse(stored);
  return {
    answers: PRESCREEN[program].map((q) => ({ question: q.key, answer: answers[q.id] })),
    result: prescreenResult(program, answers),
  };
}
