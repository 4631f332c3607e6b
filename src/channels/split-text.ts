// Long texts are split the same way for every channel.

/**
 * Where a long text is best cut, most preferred first: a blank line, a line
 * break, a sentence end ("3.5" and "example.com" are not), a space.
 */
const BREAKS = [/\n\s*\n/g, /\n/g, /[。！？；…]+|[.!?;]+\s+/g, /\s+/g];

/**
 * Splits text into pieces of at most `max` UTF-16 units (what Telegram and
 * LINE count). Each piece ends at the best break in the second half of its
 * window, else hard at `max`, never inside a surrogate pair. Whitespace at a
 * break is dropped.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 2) throw new RangeError('max must be at least 2');
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = bestCut(rest, max);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest.trimEnd());
  return parts.filter((part) => part.length > 0);
}

function bestCut(text: string, max: number): number {
  let limit = max;
  if (isHighSurrogate(text.charCodeAt(limit - 1))) limit -= 1;
  const window = text.slice(0, limit);
  for (const pattern of BREAKS) {
    const end = lastMatchEnd(window, pattern);
    if (end >= max / 2) return end;
  }
  return limit;
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
