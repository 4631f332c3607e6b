/**
 * The sentences of a message, for scoring each on its own: in a long check-in
 * reply or a letter the risk is often one sentence among calm ones, and the
 * whole-text score (every feature scaled to unit length, model.ts) dilutes it.
 * Splits the text as the rules normalise it (NFKC has already turned ！？； into
 * !?; and "…" into "."), at sentence ends only: commas and WeChat-style spaces join clauses of
 * one thought, and a clause alone ("不想", "then") is too little text to judge.
 */
// NFKC turns "…" into dots, collapsed to one: between Chinese characters that dot ends a sentence too.
const SENTENCE_END = /[。!?;…\n]+|\.(?=\s|[\u3400-\u9fff])/u;
/** Shorter than this (spaces aside), a piece is not a sentence of its own. */
export const MIN_SENTENCE_CHARACTERS = 4;

const visibleLength = (text: string): number => [...text.replace(/\s+/gu, '')].length;

/** The sentences of a normalised message, or [] when it has fewer than two (the whole text is then its one sentence). */
export function sentencesOf(normalised: string): string[] {
  if (!SENTENCE_END.test(normalised)) return [];
  const sentences = normalised
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => visibleLength(s) >= MIN_SENTENCE_CHARACTERS);
  return sentences.length >= 2 ? sentences : [];
}
