import type { Choice } from '../../core/messages.js';
import { hotlinesFor, type Hotline } from '../../content/hotlines.js';
import type { Locale } from '../../i18n/index.js';
import { hotlineChoice, mergeChoices, SITUATIONS, type Situation } from '../choices.js';
import { tr, type ConversationKey } from '../i18n/index.js';
import { normalise } from '../input.js';
import { backChoice, menuChoices } from '../menu.js';
import type { Profile } from '../profile.js';
import type { FlowContext, Input, Reply } from '../types.js';

const TAG: Record<Situation, string> = { crisis: 'crisis', psychological: 'psychological', drug: 'drug_counselling', family: 'family' };

const LABEL: Record<Situation, ConversationKey> = {
  crisis: 'hotlines.crisis',
  psychological: 'hotlines.psychological',
  drug: 'hotlines.drug',
  family: 'hotlines.family',
};

function situationChoices(locale: Locale, profile: Profile, except?: Situation): Choice[] {
  // Family members see their own line first.
  const order: readonly Situation[] = profile.kind === 'family' ? ['family', 'crisis', 'psychological', 'drug'] : SITUATIONS;
  return order.filter((s) => s !== except).map((s) => ({ label: tr(locale, LABEL[s]), value: hotlineChoice(s) }));
}

export function askSituation(ctx: FlowContext, lead?: string): Reply {
  const text = lead ? `${lead}\n\n${tr(ctx.locale, 'hotlines.ask')}` : tr(ctx.locale, 'hotlines.ask');
  return {
    messages: [{ text, choices: mergeChoices(situationChoices(ctx.locale, ctx.profile), [backChoice(ctx.locale)]) }],
    next: { flow: 'hotlines', step: 'situation', data: {} },
  };
}

/** One hotline as a line of text, the number written plainly so chat apps can make it tappable. */
export function hotlineLine(h: Hotline, locale: Locale): string {
  const name = h.title.includes(h.phone) ? h.title : `${h.title} ${h.phone}`;
  return `☎ ${name}${h.hours ? tr(locale, 'hotlines.hours', { hours: h.hours }) : ''}`;
}

/** The station's own numbers that fit a situation, then the listed hotlines. */
export async function hotlineText(ctx: Pick<FlowContext, 'tx' | 'locale' | 'profile'>, situation: Situation): Promise<string | undefined> {
  const { tx, locale, profile } = ctx;
  const { station } = profile;
  const lines: string[] = [];
  if (station.hotline && situation !== 'drug') lines.push(`☎ ${tr(locale, 'hotlines.station', { station: station.name, phone: station.hotline })}`);
  if (station.drugCounsellingNumber && situation === 'drug') {
    lines.push(`☎ ${tr(locale, 'hotlines.drugCounselling', { phone: station.drugCounsellingNumber })}`);
  }
  const listed = await hotlinesFor(tx, { locale, stationId: station.id, region: station.region, tag: TAG[situation] });
  lines.push(...listed.map((h) => hotlineLine(h, locale)));
  if (situation === 'crisis') lines.push(`☎ ${tr(locale, 'hotlines.emergency', { phone: station.emergencyNumber })}`);
  return lines.length ? lines.join('\n') : undefined;
}

export async function showHotlines(ctx: FlowContext, situation: Situation): Promise<Reply> {
  const { locale } = ctx;
  const list = await hotlineText(ctx, situation);
  const text = list
    ? `${tr(locale, `hotlines.title.${situation}`)}\n${list}\n\n${tr(locale, 'hotlines.footer')}`
    : tr(locale, 'hotlines.none');
  return { messages: [{ text, choices: mergeChoices(situationChoices(locale, ctx.profile, situation), menuChoices(ctx.profile)) }] };
}

const WORDS: [RegExp, Situation][] = [
  [/危机|危機|危险|危險|想不开|想不開|自杀|自殺|crisis|danger|emergency|急/u, 'crisis'],
  [/心理|聊|难受|難受|情绪|情緒|talk|psych|low|sad/u, 'psychological'],
  [/戒毒|毒|drug|addiction|counsel/u, 'drug'],
  [/家属|家屬|家人|family|parent/u, 'family'],
];

export function situationFromText(text: string): Situation | undefined {
  const n = normalise(text);
  return WORDS.find(([pattern]) => pattern.test(n))?.[1];
}

export async function continueHotlines(ctx: FlowContext, input: Input): Promise<Reply> {
  const situation = input.kind === 'text' ? situationFromText(input.text) : undefined;
  if (situation) return showHotlines(ctx, situation);
  return askSituation(ctx, tr(ctx.locale, 'hotlines.retry'));
}
