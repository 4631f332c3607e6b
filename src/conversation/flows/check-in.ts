import type { Choice, OutboundMessage } from '../../core/messages.js';
import { asLocale, type Locale } from '../../i18n/index.js';
import { triageSignals } from '../../triage/triage.js';
import { CHECK_IN, mergeChoices } from '../choices.js';
import { daysInRecovery } from '../format.js';
import { tr, type ConversationKey } from '../i18n/index.js';
import { isSkip, parseNumber, parseYesNo } from '../input.js';
import { backChoice, menuChoices } from '../menu.js';
import type { CheckInData, CheckInFlowState } from '../state.js';
import type { FlowContext, Input, Reply } from '../types.js';

type Step = CheckInFlowState['step'];

/** Longest note kept. */
const NOTE_LIMIT = 1000;

function choiceNumber(input: Input, prefix: string): number | undefined {
  if (input.kind !== 'choice' || !input.value.startsWith(prefix)) return undefined;
  const n = Number(input.value.slice(prefix.length));
  return Number.isInteger(n) ? n : undefined;
}

function choiceYesNo(input: Input, prefix: string): boolean | undefined {
  if (input.kind === 'text') return parseYesNo(input.text);
  if (input.value === `${prefix}y`) return true;
  if (input.value === `${prefix}n`) return false;
  return undefined;
}

/** The question for a step, with its answers as choices. */
export function question(locale: Locale, step: Step): { text: string; choices: Choice[] } {
  switch (step) {
    case 'mood':
      return {
        text: tr(locale, 'checkIn.mood'),
        choices: [1, 2, 3, 4, 5].map((n) => ({ label: tr(locale, `checkIn.mood.${n}` as ConversationKey), value: CHECK_IN.mood(n) })),
      };
    case 'craving':
      // 1–10 first and 0 last, so the nth choice is the number n on numbered channels.
      return {
        text: tr(locale, 'checkIn.craving'),
        choices: [
          ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ label: String(n), value: CHECK_IN.craving(n) })),
          { label: tr(locale, 'checkIn.craving.0'), value: CHECK_IN.craving(0) },
        ],
      };
    case 'used':
      return {
        text: tr(locale, 'checkIn.used'),
        choices: [
          { label: tr(locale, 'checkIn.used.yes'), value: CHECK_IN.used(true) },
          { label: tr(locale, 'checkIn.used.no'), value: CHECK_IN.used(false) },
        ],
      };
    case 'dose':
      return {
        text: tr(locale, 'checkIn.dose'),
        choices: [
          { label: tr(locale, 'checkIn.dose.yes'), value: CHECK_IN.dose(true) },
          { label: tr(locale, 'checkIn.dose.no'), value: CHECK_IN.dose(false) },
        ],
      };
    case 'note':
      return { text: tr(locale, 'checkIn.note'), choices: [{ label: tr(locale, 'checkIn.skip'), value: CHECK_IN.skipNote }] };
  }
}

/** The question's choices, and a way back to the menu where there is room (not beside the 0–10 scale). */
export function questionChoices(locale: Locale, step: Step): Choice[] {
  const q = question(locale, step);
  return step === 'craving' ? q.choices : mergeChoices(q.choices, [backChoice(locale)]);
}

function ask(ctx: FlowContext, step: Step, data: CheckInData, lead?: string): Reply {
  const q = question(ctx.locale, step);
  const text = lead ? `${lead}\n\n${q.text}` : q.text;
  return { messages: [{ text, choices: questionChoices(ctx.locale, step) }], next: { flow: 'checkin', step, data } };
}

/** Starts a check-in (from the menu, or from a reminder with its id). */
export function startCheckIn(ctx: FlowContext, data: CheckInData = {}): Reply {
  return ask(ctx, 'mood', data, tr(ctx.locale, 'checkIn.start'));
}

const RETRY: Partial<Record<Step, ConversationKey>> = {
  mood: 'checkIn.retry.mood',
  craving: 'checkIn.retry.craving',
  used: 'checkIn.retry.yesNo',
  dose: 'checkIn.retry.yesNo',
};

export async function continueCheckIn(ctx: FlowContext, state: CheckInFlowState, input: Input): Promise<Reply> {
  const { data } = state;
  const methadone = ctx.profile.participant.track === 'METHADONE';
  const retryKey = RETRY[state.step];
  const retry = () => ask(ctx, state.step, data, retryKey ? tr(ctx.locale, retryKey) : undefined);
  switch (state.step) {
    case 'mood': {
      const mood = choiceNumber(input, 'ci:m:') ?? (input.kind === 'text' ? parseNumber(input.text, 1, 5) : undefined);
      if (mood === undefined || mood < 1 || mood > 5) return retry();
      return ask(ctx, 'craving', { ...data, mood });
    }
    case 'craving': {
      const craving = choiceNumber(input, 'ci:c:') ?? (input.kind === 'text' ? parseNumber(input.text, 0, 10) : undefined);
      if (craving === undefined || craving < 0 || craving > 10) return retry();
      return ask(ctx, 'used', { ...data, craving });
    }
    case 'used': {
      const used = choiceYesNo(input, 'ci:u:');
      if (used === undefined) return retry();
      return ask(ctx, methadone ? 'dose' : 'note', { ...data, used });
    }
    case 'dose': {
      const doseTaken = choiceYesNo(input, 'ci:d:');
      if (doseTaken === undefined) return retry();
      return ask(ctx, 'note', { ...data, doseTaken });
    }
    case 'note': {
      if (input.kind === 'choice') return input.value === CHECK_IN.skipNote ? finish(ctx, data, null) : retry();
      const text = input.text.trim();
      if (!text) return retry();
      return finish(ctx, data, isSkip(text) ? null : Array.from(text).slice(0, NOTE_LIMIT).join(''));
    }
  }
}

export interface CheckInAnswers {
  mood: number;
  craving: number;
  used: boolean;
  doseTaken: boolean | null;
}

/** The encouragement that fits the answers best: what matters most first. */
export function encouragementKey(a: CheckInAnswers): ConversationKey {
  if (a.used) return 'checkIn.encourage.used';
  if (a.craving >= 7) return 'checkIn.encourage.highCraving';
  if (a.doseTaken === false) return 'checkIn.encourage.missedDose';
  if (a.mood <= 2) return 'checkIn.encourage.lowMood';
  if (a.craving >= 4) return 'checkIn.encourage.someCraving';
  return 'checkIn.encourage.good';
}

/** What staff alerts quote for a check-in, in the caseworker's language. */
export function checkInSummary(locale: Locale, a: CheckInAnswers): string {
  const yesNo = (v: boolean) => tr(locale, v ? 'common.yes' : 'common.no');
  const dose = a.doseTaken === null ? '' : tr(locale, 'checkIn.summary.dose', { taken: yesNo(a.doseTaken) });
  return tr(locale, 'checkIn.summary', { mood: a.mood, craving: a.craving, used: yesNo(a.used), dose });
}

async function finish(ctx: FlowContext, data: CheckInData, note: string | null): Promise<Reply> {
  const { tx, profile, now, locale } = ctx;
  if (data.mood === undefined || data.craving === undefined || data.used === undefined) {
    // Only reachable with a damaged state: start again rather than store half an answer.
    return startCheckIn(ctx);
  }
  const methadone = profile.participant.track === 'METHADONE';
  const answers: CheckInAnswers = { mood: data.mood, craving: data.craving, used: data.used, doseTaken: methadone ? (data.doseTaken ?? null) : null };
  const participantId = profile.participant.id;
  await tx.checkIn.create({
    data: {
      participantId,
      mood: answers.mood,
      craving: answers.craving,
      usedSinceLast: answers.used,
      doseTaken: answers.doseTaken,
      note,
      reminderId: data.reminderId ?? null,
      createdAt: now,
    },
  });
  if (data.reminderId) {
    await tx.reminder.updateMany({ where: { id: data.reminderId, answeredAt: null }, data: { answeredAt: now } });
  }

  // The pipeline already sent a level-2 reply for this very message (a worrying note): do not send a second.
  const alreadyAnswered = (ctx.turn.risk?.level ?? 0) >= 2;
  const caseworker = profile.participant.caseworkerId
    ? await tx.staffUser.findUnique({ where: { id: profile.participant.caseworkerId }, select: { locale: true } })
    : null;
  const outcome = await triageSignals(
    tx,
    { ...ctx.deps.escalation, clock: ctx.deps.clock },
    {
      sender: ctx.sender,
      messageId: ctx.turn.messageId,
      summary: checkInSummary(asLocale(caseworker?.locale), answers),
      signals: { checkIn: { mood: answers.mood, craving: answers.craving, usedSinceLast: answers.used, doseTaken: answers.doseTaken } },
    },
  );

  const lastUse = await tx.checkIn.findFirst({
    where: { participantId, usedSinceLast: true },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const days = daysInRecovery({ lastUseAt: lastUse?.createdAt ?? null, recoveryStartDate: profile.participant.recoveryStartDate }, now, profile.station.timezone);
  const lines = [
    tr(locale, 'checkIn.thanks', { name: profile.displayName }),
    days === undefined ? '' : days === 0 ? tr(locale, 'checkIn.daysZero') : tr(locale, 'checkIn.days', { days }),
    tr(locale, encouragementKey(answers)),
  ].filter(Boolean);
  const messages: OutboundMessage[] = [];
  if (outcome.safeReply && !alreadyAnswered) messages.push(outcome.safeReply);
  // The contact offer's choices come again last, so a typed number still finds them.
  messages.push({ text: lines.join('\n'), choices: mergeChoices(outcome.safeReply?.choices, menuChoices(profile)) });
  return { messages };
}
