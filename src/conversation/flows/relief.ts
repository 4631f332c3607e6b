import type { Choice } from '../../core/messages.js';
import { MENU, mergeChoices, RELIEF, RELIEF_PROGRAMS, reliefProgramChoice, type ReliefProgramKey } from '../choices.js';
import { findEntry } from '../content/lookup.js';
import { tr } from '../i18n/index.js';
import { parseYesNo } from '../input.js';
import { backChoice, withMenu } from '../menu.js';
import type { ReliefFlowState } from '../state.js';
import { notifyCaseworker } from '../tasks.js';
import type { FlowContext, Input, Reply } from '../types.js';
import { PRESCREEN, prescreenResult } from './relief-questions.js';

function scope(ctx: FlowContext) {
  return { locale: ctx.locale, stationId: ctx.profile.station.id, region: ctx.profile.station.region };
}

async function programTitle(ctx: FlowContext, program: ReliefProgramKey): Promise<string> {
  const entry = await findEntry(ctx.tx, 'RELIEF_PROGRAM', program, scope(ctx));
  return entry?.title ?? tr(ctx.locale, `relief.title.${program}`);
}

/** The four programmes to choose from. */
export async function showPrograms(ctx: FlowContext, lead?: string): Promise<Reply> {
  const titles = await Promise.all(RELIEF_PROGRAMS.map((p) => programTitle(ctx, p)));
  const list = titles.map((title, i) => `${i + 1}. ${title}`).join('\n');
  const choices: Choice[] = RELIEF_PROGRAMS.map((p, i) => ({ label: titles[i] ?? p, value: reliefProgramChoice(p) }));
  const text = [lead, tr(ctx.locale, 'relief.ask'), list].filter(Boolean).join('\n\n');
  return {
    messages: [{ text, choices: mergeChoices(choices, [backChoice(ctx.locale)]) }],
    next: { flow: 'relief', step: 'program', data: {} },
  };
}

function introChoices(ctx: FlowContext): Choice[] {
  return [
    { label: tr(ctx.locale, 'relief.start'), value: RELIEF.start },
    { label: tr(ctx.locale, 'relief.others'), value: MENU.relief },
    backChoice(ctx.locale),
  ];
}

/** Who may qualify, documents, where (from ContentEntry), then the offer of a pre-screen. */
export async function showProgram(ctx: FlowContext, program: ReliefProgramKey): Promise<Reply> {
  const entry = await findEntry(ctx.tx, 'RELIEF_PROGRAM', program, scope(ctx));
  const office = ctx.profile.station.reliefOfficeNumber;
  const text = [
    entry ? `${entry.title}\n\n${entry.body}` : `${tr(ctx.locale, `relief.title.${program}`)}\n\n${tr(ctx.locale, 'relief.noContent')}`,
    office ? tr(ctx.locale, 'relief.office', { phone: office }) : '',
    tr(ctx.locale, 'relief.prescreenOffer', { count: PRESCREEN[program].length }),
  ]
    .filter(Boolean)
    .join('\n\n');
  return { messages: [{ text, choices: introChoices(ctx) }], next: { flow: 'relief', step: 'intro', data: { program } } };
}

function askQuestion(ctx: FlowContext, program: ReliefProgramKey, index: number, answers: Record<string, boolean>, lead?: string): Reply {
  const questions = PRESCREEN[program];
  const q = questions[index];
  if (!q) return offer(ctx, program, answers);
  const text = tr(ctx.locale, 'relief.progress', { n: index + 1, total: questions.length, question: tr(ctx.locale, q.key) });
  const choices: Choice[] = [
    { label: tr(ctx.locale, 'common.yes'), value: RELIEF.yes },
    { label: tr(ctx.locale, 'common.no'), value: RELIEF.no },
    backChoice(ctx.locale),
  ];
  return {
    messages: [{ text: lead ? `${lead}\n\n${text}` : text, choices }],
    next: { flow: 'relief', step: 'question', data: { program, index, answers } },
  };
}

function offerChoices(ctx: FlowContext): Choice[] {
  return [
    { label: tr(ctx.locale, 'relief.offerYes'), value: RELIEF.ask },
    { label: tr(ctx.locale, 'relief.offerNo'), value: RELIEF.decline },
  ];
}

function offer(ctx: FlowContext, program: ReliefProgramKey, answers: Record<string, boolean>, lead?: string): Reply {
  const title = tr(ctx.locale, `relief.title.${program}`);
  const result = tr(ctx.locale, prescreenResult(program, answers) === 'likely' ? 'relief.resultLikely' : 'relief.resultUnsure', { program: title });
  const text = [lead ?? result, tr(ctx.locale, 'relief.offer')].join('\n\n');
  return { messages: [{ text, choices: offerChoices(ctx) }], next: { flow: 'relief', step: 'offer', data: { program, answers } } };
}

async function requestHelp(ctx: FlowContext, program: ReliefProgramKey, answers: Record<string, boolean>): Promise<Reply> {
  const { tx, profile, now, locale } = ctx;
  const title = tr(locale, `relief.title.${program}`);
  const open = await tx.reliefRequest.findFirst({
    where: { participantId: profile.participant.id, program, status: { in: ['NEW', 'IN_PROGRESS', 'SUBMITTED'] } },
    select: { id: true },
  });
  if (open) return { messages: [withMenu(profile, tr(locale, 'relief.alreadyRequested', { program: title }))] };
  const request = await tx.reliefRequest.create({
    data: { participantId: profile.participant.id, program, answers, createdAt: now, updatedAt: now },
  });
  await notifyCaseworker(
    tx,
    profile.participant,
    { key: 'staff.task.relief', detail: program, sensitive: false, dedupeKey: `relief:${request.id}` },
    now,
  );
  return { messages: [withMenu(profile, tr(locale, 'relief.requested'))] };
}

function yesNo(input: Input): boolean | undefined {
  if (input.kind === 'text') return parseYesNo(input.text);
  if (input.value === RELIEF.yes || input.value === RELIEF.ask || input.value === RELIEF.start) return true;
  if (input.value === RELIEF.no || input.value === RELIEF.decline) return false;
  return undefined;
}

export async function continueRelief(ctx: FlowContext, state: ReliefFlowState, input: Input): Promise<Reply> {
  const { program } = state.data;
  const answers = state.data.answers ?? {};
  if (state.step === 'program' || !program) {
    const picked = input.kind === 'text' ? programFromText(input.text) : undefined;
    return picked ? showProgram(ctx, picked) : showPrograms(ctx, tr(ctx.locale, 'relief.retryIntro'));
  }
  const answer = yesNo(input);
  switch (state.step) {
    case 'intro':
      if (answer === true) return askQuestion(ctx, program, 0, {});
      if (answer === false) return { messages: [withMenu(ctx.profile, tr(ctx.locale, 'relief.declined'))] };
      return {
        messages: [{ text: `${tr(ctx.locale, 'relief.retryIntro')}\n\n${tr(ctx.locale, 'relief.prescreenOffer', { count: PRESCREEN[program].length })}`, choices: introChoices(ctx) }],
        next: state,
      };
    case 'question': {
      const index = state.data.index ?? 0;
      const q = PRESCREEN[program][index];
      if (!q) return offer(ctx, program, answers);
      if (answer === undefined) return askQuestion(ctx, program, index, answers, tr(ctx.locale, 'relief.retry'));
      return askQuestion(ctx, program, index + 1, { ...answers, [q.id]: answer });
    }
    case 'offer':
      if (answer === true) return requestHelp(ctx, program, answers);
      if (answer === false) return { messages: [withMenu(ctx.profile, tr(ctx.locale, 'relief.declined'))] };
      return offer(ctx, program, answers, tr(ctx.locale, 'relief.retry'));
  }
}

const PROGRAM_WORDS: [RegExp, ReliefProgramKey][] = [
  [/临时|臨時|temporary/u, 'TEMPORARY_RELIEF'],
  [/低保|最低生活|minimum|dibao/u, 'MINIMUM_LIVING'],
  [/医疗|醫療|medical/u, 'MEDICAL_ASSISTANCE'],
  [/就业|就業|employment|job|work/u, 'EMPLOYMENT_ASSISTANCE'],
];

function programFromText(text: string): ReliefProgramKey | undefined {
  const n = text.normalize('NFKC').toLowerCase();
  return PROGRAM_WORDS.find(([pattern]) => pattern.test(n))?.[1];
}
