import type { Choice, OutboundMessage } from '../core/messages.js';
import type { Prisma } from '../generated/prisma/client.js';
import { formatHotlines, hotlinesFor } from '../content/hotlines.js';
import { t, type Locale } from '../i18n/index.js';
import type { RiskResult } from '../risk/index.js';

/** Choice values for the level-2 offer. */
export const CONTACT_CASEWORKER = 'risk:contact-caseworker';
export const DECLINE_CONTACT = 'risk:no-thanks';

const MEDICAL = new Set(['overdose']);

/**
 * The reviewed template for a risk level, in the person's language, with
 * their station's crisis hotlines and emergency number. Never model output.
 * Level 0–1 get none.
 */
export async function safeReply(
  tx: Prisma.TransactionClient,
  risk: RiskResult,
  person: { locale: Locale; stationId: string | null; kind: 'participant' | 'family' | 'staff' },
): Promise<OutboundMessage | undefined> {
  if (risk.level < 2) return undefined;
  const { locale } = person;
  const family = person.kind === 'family';
  if (risk.level === 2) {
    const choices: Choice[] = [
      { label: t(locale, 'crisis.offerCaseworker'), value: CONTACT_CASEWORKER },
      { label: t(locale, 'crisis.noThanks'), value: DECLINE_CONTACT },
    ];
    return { text: t(locale, family ? 'crisis.elevatedFamily' : 'crisis.elevated'), choices };
  }
  const station = person.stationId ? await tx.station.findUnique({ where: { id: person.stationId } }) : null;
  const emergency = station?.emergencyNumber ?? '120';
  const hotlines = await hotlinesFor(tx, { locale, stationId: person.stationId, tag: 'crisis' });
  const hotlineText = [station?.hotline ? `☎ ${station.name} ${station.hotline}` : '', formatHotlines(hotlines)].filter(Boolean).join('\n');
  const medical = risk.level === 4 && risk.categories.some((c) => MEDICAL.has(c));
  // A relative reporting an emergency gets first-aid steps addressed to them.
  if (risk.level === 4 && (medical || family)) {
    return { text: t(locale, family ? 'crisis.emergencyFamily' : 'crisis.emergencySelf', { emergency, hotlines: hotlineText }) };
  }
  return { text: t(locale, 'crisis.high', { emergency, hotlines: hotlineText }) };
}
