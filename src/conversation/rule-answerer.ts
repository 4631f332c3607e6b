import type { OutboundMessage } from '../core/messages.js';
import { formatHotlines, hotlinesFor } from '../content/hotlines.js';
import type { Prisma } from '../generated/prisma/client.js';
import { reliefProgramChoice, RELIEF_PROGRAMS, type ReliefProgramKey } from './choices.js';
import { ContentCache } from './content/content-cache.js';
import type { ResolvedEntry } from './content/lookup.js';
import { fillContent } from './format.js';
import { tr } from './i18n/index.js';
import { normalise } from './input.js';
import { bestMatch } from './match.js';
import type { FreeTextAnswerer, FreeTextRequest } from './types.js';

const GREETING = /^(你好|您好|嗨|哈喽|哈囉|哈啰|在吗|在嗎|在不在|早上好|早安|午安|晚上好|喂|hi|hello|hey|good morning|good evening)(?![a-z])/u;
const THANKS = /(谢谢|謝謝|多谢|多謝|感谢|感謝|\bthanks\b|\bthank you\b|\bthx\b)/u;

const HOTLINE_KEYWORDS = ['热线', '熱線', '电话', '電話', '号码', '號碼', '求助', '心理咨询', '心理諮詢', '找人聊', 'hotline', 'helpline', 'phone number', 'call someone', 'counselling', 'counseling'];

interface Candidate {
  keywords: readonly string[];
  entry?: ResolvedEntry;
  hotlines?: true;
}

function isReliefKey(key: string): key is ReliefProgramKey {
  return (RELIEF_PROGRAMS as readonly string[]).includes(key);
}

/**
 * The answerer used without a model (or when it fails): keyword and FAQ
 * matching over ContentEntry (FAQ, FAMILY_GUIDE, HOTLINE, RELIEF_PROGRAM) and
 * the seed content, in the person's language. It always answers; the engine
 * adds the menu.
 */
export function createRuleAnswerer(content: ContentCache = new ContentCache()): FreeTextAnswerer {
  return {
    async answer(tx: Prisma.TransactionClient, request: FreeTextRequest): Promise<OutboundMessage> {
      const { person, text } = request;
      const { locale } = person;
      const station =
        request.station ??
        (person.stationId
          ? await tx.station.findUnique({ where: { id: person.stationId }, select: { id: true, region: true, emergencyNumber: true } })
          : null);
      const scope = { locale, stationId: station?.id ?? null, region: station?.region ?? null };
      const entries = await content.entries(tx, ['FAQ', 'FAMILY_GUIDE', 'RELIEF_PROGRAM'], scope);
      const audience = person.kind === 'family' ? 'family' : 'participant';
      const candidates: Candidate[] = [
        ...entries.filter((e) => e.audience === 'both' || e.audience === audience).map((entry) => ({ keywords: entry.keywords, entry })),
        { keywords: HOTLINE_KEYWORDS, hotlines: true },
      ];
      // Prefer what is written for the asker.
      const best = bestMatch(text, candidates, (c) => (c.entry?.audience === audience ? 1 : 0));

      if (best?.hotlines) {
        const lines = [
          ...(await hotlinesFor(tx, { locale, stationId: scope.stationId, region: scope.region ?? undefined, tag: 'crisis' })),
          ...(await hotlinesFor(tx, { locale, stationId: scope.stationId, region: scope.region ?? undefined, tag: 'psychological' })),
        ];
        const unique = lines.filter((h, i) => lines.findIndex((o) => o.phone === h.phone) === i);
        if (unique.length) return { text: `${tr(locale, 'free.hotlines')}\n${formatHotlinesPlain(unique)}` };
      }
      if (best?.entry) {
        const { entry } = best;
        const body = fillContent(entry.body, { emergency: station?.emergencyNumber ?? '120' });
        if (entry.kind === 'RELIEF_PROGRAM' && isReliefKey(entry.key) && person.kind === 'participant') {
          return { text: `${entry.title}\n\n${body}`, choices: [{ label: tr(locale, 'free.moreRelief'), value: reliefProgramChoice(entry.key) }] };
        }
        return { text: `${entry.title}\n\n${body}` };
      }
      const n = normalise(text);
      if (GREETING.test(n)) return { text: tr(locale, 'free.greeting', { name: person.displayName }) };
      if (THANKS.test(n)) return { text: tr(locale, 'free.thanks') };
      return { text: tr(locale, person.kind === 'family' ? 'free.fallbackFamily' : 'free.fallback') };
    },
  };
}

/** Like formatHotlines, but always with the number written out. */
function formatHotlinesPlain(hotlines: Awaited<ReturnType<typeof hotlinesFor>>): string {
  return formatHotlines(hotlines.map((h) => ({ ...h, title: h.title.includes(h.phone) ? h.title : `${h.title} ${h.phone}` })));
}
