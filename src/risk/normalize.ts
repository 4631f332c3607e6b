/**
 * Text normalisation shared by the lexicon loader and the rules, so that a
 * lexicon term and a message meet in the same form: NFKC (full-width to
 * half-width), lower case, traditional to simplified, straight quotes, no
 * zero-width characters, no spaces or separators inside Chinese words
 * ("自 杀", "自*杀"), and repeated punctuation collapsed ("！！！" → "!").
 */
const ZERO_WIDTH = /[\u200b-\u200f\u2060\ufeff]|\ufe0e|\ufe0f/g;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/g;
const SEPARATOR_INSIDE_CJK = /([\u3400-\u9fff])(?:[*·_]+|\.)(?=[\u3400-\u9fff])/g;
/**
 * A space between Chinese characters: "自 杀" / "不 想 活" (one character on a
 * side: spelling out a word to dodge filters) is removed, but a space between
 * two longer runs ("我哥倒了 叫不应") separates WeChat-style fragments and stays,
 * so the clause splitter can treat it as a break.
 */
const SPACE_INSIDE_CJK = /([\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g;
const CJK_ONE = /[\u3400-\u9fff]/;
function joinSpelledOut(text: string): string {
  return text.replace(SPACE_INSIDE_CJK, (match: string, left: string, offset: number, whole: string) => {
    const leftAlone = !CJK_ONE.test(whole.charAt(offset - 1));
    const rightAlone = !CJK_ONE.test(whole.charAt(offset + match.length + 1));
    return leftAlone || rightAlone ? left : `${left} `;
  });
}
const REPEATED_PUNCTUATION = /([!?.,;:~。、])\1+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b`\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f]/g;
/** Runs of whitespace other than a lone space (which would be replaced by itself). */
const WHITESPACE_TO_FOLD = /\s{2,}|[^\S ]/g;

export type TraditionalMap = ReadonlyMap<string, string>;

/** Regional words rewritten to the lexicon's word (验尿 → 尿检); `regex` matches any key. */
export interface Synonyms {
  map: ReadonlyMap<string, string>;
  regex: RegExp;
}

/** `mappedChars`, when given, matches exactly the keys of `traditional` (faster than visiting every CJK character). */
export function normalizeText(raw: string, traditional: TraditionalMap, mappedChars: RegExp = CJK_CHAR, synonyms?: Synonyms): string {
  let text = raw.normalize('NFKC').replace(ZERO_WIDTH, '').toLowerCase();
  text = text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  if (traditional.size > 0) text = text.replace(mappedChars, (ch) => traditional.get(ch) ?? ch);
  text = joinSpelledOut(text.replace(WHITESPACE_TO_FOLD, ' ')).replace(SEPARATOR_INSIDE_CJK, '$1');
  if (synonyms) text = text.replace(synonyms.regex, (word) => synonyms.map.get(word) ?? word);
  return text.replace(REPEATED_PUNCTUATION, '$1').trim();
}

const CJK_TEST = /[\u3400-\u9fff\uf900-\ufaff]/;

/** A message with any Chinese character counts as Chinese. */
export function detectLang(text: string): 'zh' | 'en' {
  return CJK_TEST.test(text) ? 'zh' : 'en';
}
