import type { Choice, OutboundMessage } from '../../core/messages.js';
import { t } from '../../i18n/index.js';
import { CONTACT_CASEWORKER, DECLINE_CONTACT } from '../../triage/safe-reply.js';
import { mergeChoices } from '../choices.js';
import { recentHistory } from '../history.js';
import { menuChoices, menuMessage } from '../menu.js';
import type { FlowContext, FreeTextAnswerer, FreeTextRequest, Reply } from '../types.js';

async function ask(answerer: FreeTextAnswerer | undefined, ctx: FlowContext, request: FreeTextRequest): Promise<OutboundMessage | undefined> {
  if (!answerer) return undefined;
  try {
    const answer = await answerer.answer(ctx.tx, request);
    return answer?.text.trim() ? answer : undefined;
  } catch {
    // A failing model changes nothing but this reply: the rules answer instead.
    return undefined;
  }
}

/**
 * Free text outside flows: the model if there is one, else (or when it gives
 * nothing or fails) the rule-based answerer; always with the menu as choices.
 * When the pipeline just offered to bring in the caseworker (a level-2
 * message), that offer's choices come first so a typed "1" still means it.
 */
export async function answerFreeText(ctx: FlowContext, text: string, rules: FreeTextAnswerer): Promise<Reply> {
  const request: FreeTextRequest = {
    person: ctx.sender.person,
    text,
    history: await recentHistory(ctx.tx, ctx.sender.person, ctx.turn.messageId),
  };
  const answer = (await ask(ctx.deps.freeText, ctx, request)) ?? (await ask(rules, ctx, request)) ?? menuMessage(ctx.profile);
  const elevated = await ctx.tx.riskAssessment.findFirst({ where: { messageId: ctx.turn.messageId, level: { gte: 2 } }, select: { id: true } });
  const offer: Choice[] = elevated
    ? [
        { label: t(ctx.locale, 'crisis.offerCaseworker'), value: CONTACT_CASEWORKER },
        { label: t(ctx.locale, 'crisis.noThanks'), value: DECLINE_CONTACT },
      ]
    : [];
  return { messages: [{ text: answer.text, choices: mergeChoices(offer, answer.choices, menuChoices(ctx.profile)) }] };
}
