// Long texts are split for every channel the same way.

/** Where a long text is best cut, most preferred first: a line break, a sentence end, a space. */
const BREAKS = [/\n/g, /[。！？!?；;]/g, /\s/g];

/**
 * Splits text into pieces of at most `max` UTF-16 units (what Telegram and
 * LINE count). Each piece ends at the best break in its second half, else at
 * `max`, never inside a surrogate pair; the whitespace at a break is dropped.
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = max;
    if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    const window = rest.slice(0, cut);
    for (const pattern of BREAKS) {
      const end = lastMatchEnd(window, pattern);
      if (end >= max / 2) {
        cut = end;
        break;
      }
    }
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  parts.push(rest.trimEnd());
  return parts.filter((part) => part.length > 0);
}

function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
