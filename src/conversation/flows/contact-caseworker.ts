import { tr } from '../i18n/index.js';
import { backChoice, withMenu } from '../menu.js';
import { createTask } from '../tasks.js';
import type { FlowContext, Input, Reply } from '../types.js';

/** Longest message forwarded. */
const MESSAGE_LIMIT = 2000;

async function caseworkerName(ctx: FlowContext): Promise<string> {
  const id = ctx.profile.participant.caseworkerId;
  const staff = id ? await ctx.tx.staffUser.findUnique({ where: { id }, select: { displayName: true, active: true } }) : null;
  return staff?.active ? staff.displayName : tr(ctx.locale, 'contact.yourCaseworker');
}

export async function askForMessage(ctx: FlowContext, lead?: string): Promise<Reply> {
  const text = tr(ctx.locale, 'contact.ask', { caseworker: await caseworkerName(ctx) });
  return {
    messages: [{ text: lead ? `${lead}\n\n${text}` : text, choices: [backChoice(ctx.locale)] }],
    next: { flow: 'contact', step: 'message', data: {} },
  };
}

/** The next text goes to the caseworker as a MESSAGE task (console inbox and linked chat). */
export async function continueContact(ctx: FlowContext, input: Input): Promise<Reply> {
  const text = input.kind === 'text' ? input.text.trim() : '';
  if (!text) return askForMessage(ctx, tr(ctx.locale, 'contact.retry'));
  const body = Array.from(text).slice(0, MESSAGE_LIMIT).join('');
  await createTask(ctx.tx, {
    kind: 'MESSAGE',
    participant: ctx.profile.participant,
    body,
    notice: { key: 'staff.task.message', detail: body, sensitive: true },
    now: ctx.now,
  });
  return { messages: [withMenu(ctx.profile, tr(ctx.locale, 'contact.sent', { caseworker: await caseworkerName(ctx) }))] };
}
