import type { OutboundMessage } from '../../core/messages.js';
import { triage } from '../../triage/triage.js';
import { FAMILY, MENU, mergeChoices, type MenuAction } from '../choices.js';
import { findEntry } from '../content/lookup.js';
import { fillContent, formatDay } from '../format.js';
import { tr } from '../i18n/index.js';
import { backChoice, menuChoices, withMenu } from '../menu.js';
import { createTask } from '../tasks.js';
import type { FlowContext, Input, Reply } from '../types.js';
import { appointmentLines, upcomingAppointments } from './appointments.js';

/** Longest report forwarded. */
const REPORT_LIMIT = 2000;

const GUIDES: Partial<Record<MenuAction, string>> = {
  [MENU.familySupport]: 'family-support',
  [MENU.familyRelapse]: 'family-relapse-signs',
  [MENU.familyOverdose]: 'family-overdose',
  [MENU.familySelfCare]: 'family-self-care',
  [MENU.familyVisit]: 'family-visiting',
};

/** A guide's text (a station's ContentEntry if it has one, else the seed), with {emergency} filled. */
export async function guideText(ctx: FlowContext, key: string): Promise<string | undefined> {
  const { station } = ctx.profile;
  const entry = await findEntry(ctx.tx, 'FAMILY_GUIDE', key, { locale: ctx.locale, stationId: station.id, region: station.region });
  if (!entry) return undefined;
  return `${entry.title}\n\n${fillContent(entry.body, { emergency: station.emergencyNumber })}`;
}

export async function showGuide(ctx: FlowContext, action: MenuAction): Promise<Reply> {
  const key = GUIDES[action];
  const text = key ? await guideText(ctx, key) : undefined;
  if (!text) return { messages: [withMenu(ctx.profile, tr(ctx.locale, 'engine.staleChoice'))] };
  if (action === MENU.familyVisit) {
    const ask = { label: tr(ctx.locale, 'family.visitAsk'), value: FAMILY.askAboutVisit };
    return { messages: [{ text: `${text}\n\n${tr(ctx.locale, 'family.visitOffer')}`, choices: mergeChoices([ask], menuChoices(ctx.profile)) }] };
  }
  return { messages: [withMenu(ctx.profile, text)] };
}

/** After the visiting guide: the caseworker is asked to explain the centre's arrangements. */
export async function askAboutVisit(ctx: FlowContext): Promise<Reply> {
  const family = ctx.profile.family;
  await createTask(ctx.tx, {
    kind: 'OTHER',
    participant: ctx.profile.participant,
    body: `Family member (${family?.relation ?? 'relative'}, ${ctx.profile.displayName}) asks about visiting arrangements at the isolation centre`,
    notice: { key: 'staff.task.visit', detail: '', sensitive: false },
    now: ctx.now,
  });
  return { messages: [withMenu(ctx.profile, tr(ctx.locale, 'family.visitRequested'))] };
}

export function askForReport(ctx: FlowContext, lead?: string): Reply {
  const text = tr(ctx.locale, 'family.reportAsk');
  return {
    messages: [{ text: lead ? `${lead}\n\n${text}` : text, choices: [backChoice(ctx.locale)] }],
    next: { flow: 'family', step: 'report', data: {} },
  };
}

/**
 * A family member's concern: triaged like any message (family as reporter),
 * a task for the caseworker, and thanks. The pipeline normally triaged the
 * text already; then its assessment stands and no second safe reply is sent.
 */
export async function continueReport(ctx: FlowContext, input: Input): Promise<Reply> {
  const text = input.kind === 'text' ? input.text.trim() : '';
  if (!text) return askForReport(ctx, tr(ctx.locale, 'family.reportRetry'));
  const { tx, turn, profile } = ctx;
  const outcome = turn.risk
    ? undefined
    : await triage(tx, { ...ctx.deps.escalation, clock: ctx.deps.clock }, { sender: ctx.sender, text, messageId: turn.messageId });
  const body = Array.from(text).slice(0, REPORT_LIMIT).join('');
  await createTask(tx, {
    kind: 'MESSAGE',
    participant: profile.participant,
    body: `Family concern (${profile.family?.relation ?? 'relative'}, ${profile.displayName}): ${body}`,
    notice: { key: 'staff.task.familyConcern', detail: body, sensitive: true },
    now: ctx.now,
  });
  const messages: OutboundMessage[] = [];
  if (outcome?.safeReply) messages.push(outcome.safeReply);
  messages.push(withMenu(profile, tr(ctx.locale, 'family.reportThanks'), outcome?.safeReply?.choices));
  return { messages };
}

/** What the participant allowed their family to see: coming appointments, and maybe the latest mood and craving. */
export async function showUpdates(ctx: FlowContext): Promise<Reply> {
  const { tx, profile, locale, now } = ctx;
  const scope = profile.family?.sharingScope ?? 'NONE';
  const name = profile.participant.displayName;
  if (scope === 'NONE') return { messages: [withMenu(profile, tr(locale, 'family.updates.notShared', { name }))] };
  const zone = profile.station.timezone;
  const list = await upcomingAppointments(tx, profile.participant.id, now);
  const parts = [
    list.length
      ? `${tr(locale, 'family.updates.appointments', { name })}\n${appointmentLines(list, locale, zone, now)}`
      : tr(locale, 'family.updates.noAppointments', { name }),
  ];
  if (scope === 'APPOINTMENTS_AND_CHECKINS') {
    // Only mood and craving: never use, dose or the note.
    const latest = await tx.checkIn.findFirst({
      where: { participantId: profile.participant.id },
      orderBy: { createdAt: 'desc' },
      select: { mood: true, craving: true, createdAt: true },
    });
    parts.push(
      latest
        ? tr(locale, 'family.updates.checkIn', { name, when: formatDay(latest.createdAt, locale, zone, now), mood: latest.mood, craving: latest.craving })
        : tr(locale, 'family.updates.noCheckIn', { name }),
    );
  }
  return { messages: [withMenu(profile, parts.join('\n\n'))] };
}
