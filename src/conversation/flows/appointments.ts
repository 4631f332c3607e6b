import type { Choice } from '../../core/messages.js';
import type { AppointmentKind, AttendanceStatus, Prisma } from '../../generated/prisma/client.js';
import type { Locale } from '../../i18n/index.js';
import { APPOINTMENT, MENU, mergeChoices } from '../choices.js';
import { formatWhen } from '../format.js';
import { tr } from '../i18n/index.js';
import { normalise } from '../input.js';
import { withMenu } from '../menu.js';
import type { AppointmentsFlowState } from '../state.js';
import { createTask } from '../tasks.js';
import type { FlowContext, Input, Reply } from '../types.js';

/** How far ahead the list looks, and how many it shows. */
export const HORIZON_DAYS = 30;
export const MAX_LISTED = 5;

export interface ListedAppointment {
  id: string;
  kind: AppointmentKind;
  topic: string | null;
  startsAt: Date;
  place: string | null;
  status: AttendanceStatus;
  /** More of the same kind follow (daily methadone doses are listed once). */
  daily: boolean;
}

/** The participant's coming appointments, in order; repeated doses collapse to the next one. */
export async function upcomingAppointments(tx: Prisma.TransactionClient, participantId: string, now: Date): Promise<ListedAppointment[]> {
  const until = new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
  const rows = await tx.appointmentAttendee.findMany({
    where: { participantId, appointment: { status: 'SCHEDULED', startsAt: { gte: now, lt: until } } },
    include: { appointment: true },
    orderBy: { appointment: { startsAt: 'asc' } },
    take: 60,
  });
  const listed: ListedAppointment[] = [];
  for (const row of rows) {
    const a = row.appointment;
    const earlierDose = a.kind === 'METHADONE_DOSE' ? listed.find((l) => l.kind === 'METHADONE_DOSE') : undefined;
    if (earlierDose) {
      earlierDose.daily = true;
      continue;
    }
    listed.push({ id: a.id, kind: a.kind, topic: a.topic ?? a.title, startsAt: a.startsAt, place: a.place, status: row.status, daily: false });
  }
  return listed.slice(0, MAX_LISTED);
}

export function describeAppointment(a: Pick<ListedAppointment, 'kind' | 'topic' | 'startsAt'>, locale: Locale, zone: string, now: Date): { when: string; kind: string } {
  const kind = tr(locale, `appt.kind.${a.kind}`);
  return { when: formatWhen(a.startsAt, locale, zone, now), kind: a.topic ? `${kind} · ${a.topic}` : kind };
}

/** The list as lines, for the participant or (when shared) their family. */
export function appointmentLines(list: ListedAppointment[], locale: Locale, zone: string, now: Date): string {
  return list
    .map((a, index) => {
      const { when, kind } = describeAppointment(a, locale, zone, now);
      const status = a.status === 'CONFIRMED' || a.status === 'RESCHEDULE_REQUESTED' ? tr(locale, `appts.status.${a.status}`) : '';
      const head = `${tr(locale, 'appts.item', { n: index + 1, when, kind })}${a.daily ? tr(locale, 'appts.daily') : ''}${status}`;
      return a.place ? `${head}\n    ${tr(locale, 'appts.place', { place: a.place })}` : head;
    })
    .join('\n');
}

function actionChoices(list: ListedAppointment[], locale: Locale): Choice[] {
  return list.flatMap((a, index) => {
    const n = index + 1;
    const confirm = { label: tr(locale, 'appts.confirm', { n }), value: APPOINTMENT.confirm(a.id) };
    const reschedule = { label: tr(locale, 'appts.reschedule', { n }), value: APPOINTMENT.reschedule(a.id) };
    if (a.status === 'INVITED') return [confirm, reschedule];
    if (a.status === 'CONFIRMED') return [reschedule];
    return [];
  });
}

/** The participant's list with one-tap confirm and reschedule. */
export async function showAppointments(ctx: FlowContext, lead?: string): Promise<Reply> {
  const { locale, profile, now } = ctx;
  const list = await upcomingAppointments(ctx.tx, profile.participant.id, now);
  if (list.length === 0) return { messages: [withMenu(profile, [lead, tr(locale, 'appts.none')].filter(Boolean).join('\n\n'))] };
  const actions = actionChoices(list, locale);
  const text = [lead, tr(locale, 'appts.title'), appointmentLines(list, locale, profile.station.timezone, now), actions.length ? tr(locale, 'appts.hint') : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    messages: [{ text, choices: mergeChoices(actions, [{ label: tr(locale, 'menu.back'), value: MENU.menu }]) }],
    next: { flow: 'appointments', step: 'list', data: { ids: list.map((a) => a.id) } },
  };
}

/** Confirms, or asks to reschedule, one of the participant's own coming appointments. */
export async function answerAppointment(ctx: FlowContext, action: 'confirm' | 'reschedule', appointmentId: string): Promise<Reply> {
  const { tx, profile, locale, now } = ctx;
  const participantId = profile.participant.id;
  const attendee = await tx.appointmentAttendee.findUnique({
    where: { appointmentId_participantId: { appointmentId, participantId } },
    include: { appointment: true },
  });
  if (!attendee || attendee.appointment.status !== 'SCHEDULED' || attendee.appointment.startsAt < now) {
    return showAppointments(ctx, tr(locale, 'appts.notFound'));
  }
  const appointment = { ...attendee.appointment, topic: attendee.appointment.topic ?? attendee.appointment.title };
  const { when, kind } = describeAppointment(appointment, locale, profile.station.timezone, now);
  const key = { appointmentId_participantId: { appointmentId, participantId } };
  const own = [{ label: tr(locale, 'menu.appointments'), value: MENU.appointments }];
  if (action === 'confirm') {
    await tx.appointmentAttendee.update({ where: key, data: { status: 'CONFIRMED', respondedAt: now } });
    return { messages: [withMenu(profile, tr(locale, 'appts.confirmed', { when, kind }), own)] };
  }
  if (attendee.status === 'RESCHEDULE_REQUESTED') {
    return { messages: [withMenu(profile, tr(locale, 'appts.alreadyRequested'), own)] };
  }
  await tx.appointmentAttendee.update({ where: key, data: { status: 'RESCHEDULE_REQUESTED', respondedAt: now } });
  const staffWhen = `${attendee.appointment.kind} ${attendee.appointment.startsAt.toISOString()}`;
  await createTask(tx, {
    kind: 'RESCHEDULE',
    participant: profile.participant,
    appointmentId,
    body: `Asks to reschedule ${staffWhen}${attendee.appointment.place ? ` at ${attendee.appointment.place}` : ''}`,
    notice: { key: 'staff.task.reschedule', detail: `${kind} ${when}`, sensitive: false },
    now,
  });
  return { messages: [withMenu(profile, tr(locale, 'appts.rescheduleRequested', { when, kind }), own)] };
}

const CONFIRM_WORDS = /^(?:确认|確認|confirm)\s*(\d{1,2})$/u;
const RESCHEDULE_WORDS = /^(?:改期|改时间|改時間|reschedule)\s*(\d{1,2})$/u;

/**
 * Typed answers to the list ("确认 1", "reschedule 2"). Anything else is not
 * for this list: undefined lets the engine treat it as a new message.
 */
export async function continueAppointments(ctx: FlowContext, state: AppointmentsFlowState, input: Input): Promise<Reply | undefined> {
  if (input.kind !== 'text') return { messages: [withMenu(ctx.profile, tr(ctx.locale, 'appts.retry'))] };
  const text = normalise(input.text);
  const confirm = CONFIRM_WORDS.exec(text);
  const reschedule = RESCHEDULE_WORDS.exec(text);
  const match = confirm ?? reschedule;
  if (!match) return undefined;
  const id = state.data.ids[Number(match[1]) - 1];
  if (!id) return showAppointments(ctx, tr(ctx.locale, 'appts.retry'));
  return answerAppointment(ctx, confirm ? 'confirm' : 'reschedule', id);
}
