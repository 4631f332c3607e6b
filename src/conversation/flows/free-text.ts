import type { Choice, OutboundMessage } from '../../core/messages.js';
import { t } from '../../i18n/index.js';
import { CONTACT_CASEWORKER, DECLINE_CONTACT } from '../../triage/safe-reply.js';
import { mergeChoices } from '../choices.js';
import { recentHistory } from '../history.js';
import { menuChoices, menuMessage } from '../menu.js';
import type { FlowContext, FreeTextAnswerer, FreeTextRequest, PendingAnswer, Reply } from '../types.js';

/** Time for the stand-in's database work after the model's own deadline. */
const HOLD_MARGIN_MS = 5_000;

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

async function start(answerer: FreeTextAnswerer, ctx: FlowContext, request: FreeTextRequest): Promise<PendingAnswer | undefined> {
  try {
    return await answerer.start?.(ctx.tx, request);
  } catch {
    return undefined;
  }
}

/** When the pipeline just offered to bring in the caseworker (a level-2 message), that offer comes first so a typed "1" still means it. */
function contactOffer(ctx: FlowContext): Choice[] {
  if ((ctx.turn.risk?.level ?? 0) < 2) return [];
  return [
    { label: t(ctx.locale, 'crisis.offerCaseworker'), value: CONTACT_CASEWORKER },
    { label: t(ctx.locale, 'crisis.noThanks'), value: DECLINE_CONTACT },
  ];
}

/**
 * Free text outside flows: the model if there is one, else (or when it gives
 * nothing or fails) the rule-based answerer; always with the menu as choices.
 * Where the caller can finish after its transaction (the pipeline), the
 * model runs then: the rules' answer is queued as a stand-in, held back
 * while the model answers, and replaced by its text.
 */
export async function answerFreeText(ctx: FlowContext, text: string, rules: FreeTextAnswerer): Promise<Reply> {
  const { station } = ctx.profile;
  const model = ctx.deps.freeText;
  const request: FreeTextRequest = {
    person: ctx.sender.person,
    text,
    // Only a model reads the conversation so far.
    history: model ? await recentHistory(ctx.tx, ctx.sender.person, ctx.turn.messageId) : [],
    station: { id: station.id, region: station.region, emergencyNumber: station.emergencyNumber },
  };
  const offer = contactOffer(ctx);
  const menu = menuChoices(ctx.profile);

  if (model?.start && ctx.turn.defer) {
    const pending = await start(model, ctx, request);
    const standIn = (await ask(rules, ctx, request)) ?? menuMessage(ctx.profile);
    if (!pending) return { messages: [{ text: standIn.text, choices: mergeChoices(offer, standIn.choices, menu) }] };
    // The model's text will replace the stand-in's, so only choices that fit any text are offered.
    const message: OutboundMessage = { text: standIn.text, choices: mergeChoices(offer, menu) };
    ctx.turn.defer({
      standIn: message,
      holdMs: pending.timeoutMs + HOLD_MARGIN_MS,
      async finish() {
        const { message: answer, record } = await pending.finish();
        return { text: answer?.text.trim() ? answer.text : undefined, record };
      },
    });
    return { messages: [message] };
  }

  const answer = (await ask(model, ctx, request)) ?? (await ask(rules, ctx, request)) ?? menuMessage(ctx.profile);
  return { messages: [{ text: answer.text, choices: mergeChoices(offer, answer.choices, menu) }] };
}
