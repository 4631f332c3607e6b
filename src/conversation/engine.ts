import type { OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ownerKey, type Sender } from '../pipeline/person.js';
import type { Responder, Turn } from '../pipeline/responder.js';
import { FAMILY, isMenuAction, MENU, parseAppointmentChoice, parseHotlineChoice, parseReliefProgramChoice, type MenuAction } from './choices.js';
import { answerAppointment, continueAppointments, showAppointments } from './flows/appointments.js';
import { continueCheckIn, startCheckIn } from './flows/check-in.js';
import { askForMessage, continueContact } from './flows/contact-caseworker.js';
import { askAboutVisit, askForReport, continueReport, showGuide, showUpdates } from './flows/family.js';
import { answerFreeText } from './flows/free-text.js';
import { askSituation, continueHotlines, showHotlines } from './flows/hotlines.js';
import { askLanguage, continueLanguage, localeFromChoice, setLanguage } from './flows/language.js';
import { continueRelief, showProgram, showPrograms } from './flows/relief.js';
import { tr } from './i18n/index.js';
import { globalCommand, menuShortcut, resolveInput, type GlobalCommand } from './input.js';
import { helpMessage, isAllowed, menuMessage } from './menu.js';
import { ContentCache } from './content/content-cache.js';
import { PreparedReads } from './prepared-reads.js';
import { loadProfile } from './profile.js';
import { createRuleAnswerer } from './rule-answerer.js';
import { loadState, offeredValues, saveState, type FlowState } from './state.js';
import type { ConversationDeps, FlowContext, FreeTextAnswerer, Input, Reply } from './types.js';

const COMMAND_ACTION: Record<GlobalCommand, MenuAction> = { menu: MENU.menu, help: MENU.help, language: MENU.language };

/** Steps whose text is the answer itself: a menu word typed there is content, not a shortcut. */
const FREE_TEXT_STEPS = new Set(['checkin:note', 'contact:message', 'family:report']);

/** What a family member most likely means by a participant's item ("社工", "安排"). */
const FAMILY_ALIASES: Partial<Record<MenuAction, MenuAction>> = {
  [MENU.contact]: MENU.familyReport,
  [MENU.appointments]: MENU.familyUpdates,
};

async function runMenuAction(ctx: FlowContext, requested: MenuAction): Promise<Reply> {
  const action = ctx.profile.kind === 'family' ? (FAMILY_ALIASES[requested] ?? requested) : requested;
  if (!isAllowed(action, ctx.profile)) return { messages: [menuMessage(ctx.profile, tr(ctx.locale, 'engine.notForYou'))] };
  switch (action) {
    case MENU.menu:
      return { messages: [menuMessage(ctx.profile)] };
    case MENU.help:
      return { messages: [helpMessage(ctx.profile)] };
    case MENU.language:
      return askLanguage(ctx);
    case MENU.checkIn:
      return startCheckIn(ctx);
    case MENU.appointments:
      return showAppointments(ctx);
    case MENU.hotlines:
      return askSituation(ctx);
    case MENU.relief:
      return showPrograms(ctx);
    case MENU.contact:
      return askForMessage(ctx);
    case MENU.familyReport:
      return askForReport(ctx);
    case MENU.familyUpdates:
      return showUpdates(ctx);
    case MENU.familySupport:
    case MENU.familyRelapse:
    case MENU.familyOverdose:
    case MENU.familySelfCare:
    case MENU.familyVisit:
      return showGuide(ctx, action);
  }
}

/** Choices that carry everything they need and work whatever step the person is in. */
async function runChoice(ctx: FlowContext, value: string): Promise<Reply | undefined> {
  if (isMenuAction(value)) return runMenuAction(ctx, value);
  const appointment = parseAppointmentChoice(value);
  if (appointment) {
    if (ctx.profile.kind !== 'participant') return runMenuAction(ctx, MENU.appointments);
    return answerAppointment(ctx, appointment.action, appointment.appointmentId);
  }
  const situation = parseHotlineChoice(value);
  if (situation) return showHotlines(ctx, situation);
  const program = parseReliefProgramChoice(value);
  if (program) return ctx.profile.kind === 'participant' ? showProgram(ctx, program) : runMenuAction(ctx, MENU.relief);
  const locale = localeFromChoice(value);
  if (locale) return setLanguage(ctx, locale);
  if (value === FAMILY.askAboutVisit) return ctx.profile.kind === 'family' ? askAboutVisit(ctx) : runMenuAction(ctx, MENU.familyVisit);
  return undefined;
}

/** The step in progress reads the input; undefined when it is not for this step. */
async function continueFlow(ctx: FlowContext, flow: FlowState, input: Input): Promise<Reply | undefined> {
  switch (flow.flow) {
    case 'checkin':
      return ctx.profile.kind === 'participant' ? continueCheckIn(ctx, flow, input) : undefined;
    case 'appointments':
      return continueAppointments(ctx, flow, input);
    case 'hotlines':
      return continueHotlines(ctx, input);
    case 'relief':
      return continueRelief(ctx, flow, input);
    case 'contact':
      return continueContact(ctx, input);
    case 'family':
      return continueReport(ctx, input);
    case 'language':
      return continueLanguage(ctx, input);
  }
}

async function route(ctx: FlowContext, flow: FlowState | undefined, input: Input, rules: FreeTextAnswerer): Promise<Reply> {
  if (input.kind === 'text') {
    const command = globalCommand(input.text);
    if (command) return runMenuAction(ctx, COMMAND_ACTION[command]);
  } else {
    const reply = await runChoice(ctx, input.value);
    if (reply) return reply;
  }
  if (flow) {
    if (input.kind === 'text' && !FREE_TEXT_STEPS.has(`${flow.flow}:${flow.step}`)) {
      const shortcut = menuShortcut(input.text);
      if (shortcut) return runMenuAction(ctx, shortcut);
    }
    const reply = await continueFlow(ctx, flow, input);
    if (reply) return reply;
  }
  if (input.kind === 'choice') return { messages: [menuMessage(ctx.profile, tr(ctx.locale, 'engine.staleChoice'))] };
  const shortcut = menuShortcut(input.text);
  if (shortcut) return runMenuAction(ctx, shortcut);
  return answerFreeText(ctx, input.text, rules);
}

/**
 * The conversation engine: explicit flows with steps, state per person in
 * ConversationState (so it survives restarts), global commands from any step,
 * and free text answered by the model or the rules. Triage of free text and
 * STOP/START happen before it, in the pipeline.
 */
export function createConversationEngine(deps: ConversationDeps): Responder {
  const content = new ContentCache();
  const rules = createRuleAnswerer(content);
  const reads = new PreparedReads();
  return {
    async prepare(tx: Prisma.TransactionClient, senders: readonly Sender[], now: Date): Promise<void> {
      await Promise.all([reads.prepare(tx, senders.map((s) => s.person), now), content.refresh(tx)]);
    },

    async respond(tx: Prisma.TransactionClient, turn: Turn): Promise<OutboundMessage[]> {
      const { person } = turn.sender;
      if (person.kind === 'staff') return [{ text: tr(person.locale, 'engine.staff') }];
      const prepared = reads.take(tx, person);
      const profile = prepared?.profile ?? (await loadProfile(tx, person));
      if (!profile) return [{ text: tr(person.locale, 'engine.noProfile') }];
      const key = ownerKey(person);
      const state = prepared?.state ?? (await loadState(tx, key, turn.now));
      const sender = { ...turn.sender, person: { ...person, locale: profile.locale } };
      const ctx: FlowContext = { tx, turn, deps, profile, locale: profile.locale, sender, now: turn.now };
      const reply = await route(ctx, state.flow, resolveInput(turn, state.offered), rules);
      await saveState(tx, key, state, reply.next, offeredValues(reply.messages), turn.now);
      return reply.messages;
    },
  };
}
