/**
 * Turns a message into the sparse feature strings the learned classifier
 * reads. The text is normalised exactly as the rules see it (traditional →
 * simplified, Cantonese and regional words folded), then:
 * - Chinese: character n-grams (1–3) inside each run of Chinese characters;
 * - English and other scripts: word unigrams and bigrams, and character
 *   3–4-grams inside each word (with boundary marks) to catch spelling
 *   variants and slang inflections;
 * - the speaker (a relative's report reads differently) and emoji.
 */
import { getLexicon, type Lexicon } from '../lexicon-loader.js';
import { normalizeText } from '../normalize.js';
import type { SpeakerOption } from '../types.js';

const CJK_RUN = /[\u3400-\u9fff]+/g;
const WORD = /[a-z0-9']+/g;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

export const CJK_MAX_GRAM = 3;
const WORD_MIN_GRAM = 3;
const WORD_MAX_GRAM = 4;

// CJK_RUN matches only characters of the Basic Multilingual Plane (one UTF-16 unit each), so string slices are character n-grams.
function cjkGrams(run: string, out: Set<string>): void {
  for (let n = 1; n <= CJK_MAX_GRAM; n++) {
    for (let i = 0; i + n <= run.length; i++) out.add(`c:${run.slice(i, i + n)}`);
  }
}

function wordGrams(word: string, out: Set<string>): void {
  const marked = `<${word}>`;
  for (let n = WORD_MIN_GRAM; n <= WORD_MAX_GRAM; n++) {
    for (let i = 0; i + n <= marked.length; i++) out.add(`s:${marked.slice(i, i + n)}`);
  }
}

/** The distinct features of one message (order is not meaningful). */
export function extractFeatures(text: string, speaker: SpeakerOption | undefined, lexicon: Lexicon = getLexicon()): string[] {
  return featuresOfNormalised(normalizeText(text, lexicon.traditional, lexicon.traditionalChars, lexicon.synonyms), speaker);
}

/** extractFeatures for a message already normalised (as the rules leave it), so it is not normalised twice. */
export function featuresOfNormalised(normalised: string, speaker: SpeakerOption | undefined): string[] {
  const out = new Set<string>();
  for (const match of normalised.matchAll(CJK_RUN)) cjkGrams(match[0], out);
  const words = [...normalised.replace(CJK_RUN, ' ').matchAll(WORD)].map((m) => m[0]);
  words.forEach((word, i) => {
    out.add(`w:${word}`);
    const next = words[i + 1];
    if (next !== undefined) out.add(`b:${word} ${next}`);
    wordGrams(word, out);
  });
  for (const match of normalised.matchAll(PICTOGRAPH)) out.add(`e:${match[0]}`);
  out.add(speaker === 'family' ? 'speaker:family' : 'speaker:participant');
  return [...out];
}
