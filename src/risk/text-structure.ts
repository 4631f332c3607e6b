/**
 * Splits a normalised message into clauses and finds modifier cues, so the
 * rules can ask "what comes right before this phrase in its clause?" and
 * "which story (history, a film, someone else) is this clause part of?".
 */

export interface Span {
  start: number;
  end: number;
}

// A space between two Chinese fragments is a WeChat-style clause break (normalize.ts keeps only those).
const CLAUSE_BREAK = /[。!?,;:~\n、…]|\.(?!\d)|\s+(?:but|however|though|although)\s+|(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])|但是|可是|不过|然而/gu;
const HAS_WORD = /[a-z0-9\u3400-\u9fff]/u;

/** Clauses cover the whole text; an emoji-only tail ("累死了!😂") joins the clause before it. */
export function splitClauses(text: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const end = m.index + m[0].length;
    clauses.push({ start, end });
    start = end;
  }
  if (start < text.length || clauses.length === 0) clauses.push({ start, end: text.length });
  const merged: Span[] = [];
  for (const c of clauses) {
    const previous = merged.at(-1);
    if (previous && !HAS_WORD.test(text.slice(c.start, c.end))) previous.end = c.end;
    else merged.push({ ...c });
  }
  return merged;
}

const WORD_CHAR = /[a-z0-9']/;

/** Whether `index` is inside a word: after a letter or digit, or after an apostrophe that ends a contraction ("don't"), not one that opens a quote ("'suicidal'"). */
function insideWord(text: string, index: number): boolean {
  if (index === 0) return false;
  const before = text.charAt(index - 1);
  if (before !== "'") return WORD_CHAR.test(before);
  return index > 1 && WORD_CHAR.test(text.charAt(index - 2));
}

/**
 * Every non-overlapping match of a global regex. With `wordStart`, a match
 * must not begin inside a word ("ice" in "police"): such a match is skipped
 * and the search resumes one character later.
 */
export function findSpans(regex: RegExp, text: string, wordStart = false): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    if (m[0].length === 0 || (wordStart && insideWord(text, m.index))) {
      regex.lastIndex = m.index + 1;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export function clauseIndexOf(clauses: readonly Span[], position: number): number {
  for (let i = 0; i < clauses.length; i++) {
    const c = clauses[i];
    if (c && position < c.end) return i;
  }
  return clauses.length - 1;
}

export const within = (span: Span, outer: Span): boolean => span.start >= outer.start && span.end <= outer.end;

/** Replaces the given spans with spaces, keeping every other position unchanged. */
export function blankOut(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    if (s.start < cursor) continue;
    out += text.slice(cursor, s.start) + ' '.repeat(s.end - s.start);
    cursor = s.end;
  }
  return out + text.slice(cursor);
}

export type StoryKind = 'history' | 'current';

export interface StoryCue extends Span {
  kind: StoryKind;
}

/**
 * The story a position belongs to: the last history/current cue before it in
 * its clause, else a history cue later in the clause ("是三年前的事"), else the
 * story carried over from earlier clauses. Cues inside `hit` count only when
 * they are current words ("又吸了").
 */
export function storyAt(cues: readonly StoryCue[], clauses: readonly Span[], clauseIndex: number, hit: Span): StoryKind | undefined {
  const clause = clauses[clauseIndex];
  if (!clause) return undefined;
  let found: StoryKind | undefined;
  for (const cue of cues) {
    if (cue.start < clause.start || cue.start >= clause.end) continue;
    const before = cue.end <= hit.start;
    const inside = cue.start >= hit.start && cue.end <= hit.end;
    if (before || (inside && cue.kind === 'current')) found = cue.kind;
  }
  if (found) return found;
  if (cues.some((c) => c.kind === 'history' && c.start >= hit.end && c.start < clause.end)) return 'history';
  for (let i = clauseIndex - 1; i >= 0; i--) {
    const earlier = clauses[i];
    if (!earlier) continue;
    const last = cues.filter((c) => c.start >= earlier.start && c.start < earlier.end).at(-1);
    if (last) return last.kind;
  }
  return undefined;
}

/** The last cue before `position` in the clause or any earlier clause. */
export function lastBefore<T extends Span>(cues: readonly T[], position: number): T | undefined {
  let last: T | undefined;
  for (const c of cues) if (c.end <= position) last = c;
  return last;
}
