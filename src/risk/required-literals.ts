/**
 * What a regular expression cannot match without: a set of literal strings
 * such that every match contains at least one of them ("不想活|想死" needs
 * "不想活" or "想死"; "(?:吸|溜)了.{0,3}冰" needs "吸了" or "溜了", or "冰").
 * The rules use it as a cheap gate: a message that holds none of a rule's
 * literals cannot match the rule, so its regex is never run.
 *
 * The analysis is conservative: anything it does not understand (classes such
 * as \d or ., back-references, optional parts) only weakens the gate, down to
 * `null` ("no literal is required; always run the regex").
 */

/** A node's finite set of exact matches (when small), and the literals every match needs. */
interface Shape {
  /** Every string the node can match, when that set is small and known; '' = can match nothing. */
  exact: readonly string[] | null;
  /** Every match contains at least one of these; null = no guarantee. */
  required: readonly string[] | null;
}

const MAX_EXACT = 64;
/** Ranges in a character class up to this size are listed; larger ones are "anything". */
const MAX_CLASS_RANGE = 16;

const ANY: Shape = { exact: null, required: null };
const EMPTY: Shape = { exact: [''], required: null };

function exactShape(strings: readonly string[]): Shape {
  if (strings.length === 1) return { exact: strings, required: strings[0] === '' ? null : strings };
  const unique = [...new Set(strings)];
  if (unique.length > MAX_EXACT) return ANY;
  return { exact: unique, required: unique.includes('') ? null : unique };
}

/** Longer literals are rarer in a message; among equals, fewer alternatives are cheaper. */
function better(a: readonly string[] | null, b: readonly string[] | null): readonly string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  const minA = Math.min(...a.map((s) => s.length));
  const minB = Math.min(...b.map((s) => s.length));
  if (minA !== minB) return minA > minB ? a : b;
  return a.length <= b.length ? a : b;
}

function product(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_EXACT) return null;
  return left.flatMap((l) => right.map((r) => l + r));
}

class RegexReader {
  private pos = 0;
  private readonly chars: string[];

  constructor(source: string) {
    this.chars = [...source];
  }

  parse(): Shape {
    const shape = this.disjunction();
    if (this.pos < this.chars.length) throw new SyntaxError(`unexpected ${this.peek()} at ${this.pos}`);
    return shape;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private next(): string {
    const c = this.chars[this.pos++];
    if (c === undefined) throw new SyntaxError('unexpected end of pattern');
    return c;
  }

  private disjunction(): Shape {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0] ?? ANY;
    const exact = alternatives.every((a) => a.exact !== null) ? alternatives.flatMap((a) => a.exact ?? []) : null;
    if (exact && exact.length <= MAX_EXACT) return exactShape(exact);
    const required = alternatives.every((a) => a.required !== null) ? [...new Set(alternatives.flatMap((a) => a.required ?? []))] : null;
    return { exact: null, required };
  }

  /** Runs of exact parts multiply out into longer literals ("吸" + "了|过" → "吸了", "吸过"). */
  private sequence(): Shape {
    let best: readonly string[] | null = null;
    let run: readonly string[] = [''];
    /** The whole sequence is one known run so far (nothing unknown, no run cut short). */
    let whollyExact = true;
    const closeRun = (): void => {
      if (!run.includes('')) best = better(best, run);
      run = [''];
    };
    while (this.pos < this.chars.length && this.peek() !== '|' && this.peek() !== ')') {
      const term = this.quantified(this.atom());
      if (term.exact) {
        const joined = product(run, term.exact);
        if (joined) run = joined;
        else {
          whollyExact = false;
          closeRun();
          run = term.exact;
        }
      } else {
        whollyExact = false;
        closeRun();
        best = better(best, term.required);
      }
    }
    if (whollyExact) return exactShape(run);
    closeRun();
    return { exact: null, required: best };
  }

  /** `atom` followed by an optional quantifier (*, +, ?, {n}, {n,}, {n,m}, each optionally lazy). */
  private quantified(atom: Shape): Shape {
    const bounds = this.quantifier();
    if (!bounds) return atom;
    if (this.peek() === '?') this.pos++; // lazy
    const [min, max] = bounds;
    if (min === 1 && max === 1) return atom;
    if (min === 0 && max === 1 && atom.exact) return exactShape([...atom.exact, '']);
    if (min === 0) return ANY;
    // At least one repetition: the atom's own literals are still needed.
    return { exact: null, required: atom.required };
  }

  private quantifier(): [number, number] | null {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    if (c !== '{') return null;
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.chars.slice(this.pos, this.pos + 16).join(''));
    if (!m) return null; // a literal brace
    this.pos += m[0].length;
    const min = Number(m[1]);
    return [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity];
  }

  private atom(): Shape {
    const c = this.next();
    switch (c) {
      case '^':
      case '$':
        return EMPTY;
      case '.':
        return ANY;
      case '[':
        return this.characterClass();
      case '(':
        return this.group();
      case '\\':
        return this.escape(false);
      default:
        return exactShape([c]);
    }
  }

  private group(): Shape {
    let lookaround = false;
    if (this.peek() === '?') {
      this.pos++;
      const kind = this.next();
      if (kind === '=' || kind === '!') lookaround = true;
      else if (kind === '<' && (this.peek() === '=' || this.peek() === '!')) {
        this.pos++;
        lookaround = true;
      } else if (kind === '<') {
        while (this.next() !== '>'); // a named group
      } else if (kind !== ':') throw new SyntaxError(`unsupported group (?${kind}`);
    }
    const inner = this.disjunction();
    if (this.next() !== ')') throw new SyntaxError('unclosed group');
    // A look-around consumes nothing: it adds no literal to the match.
    return lookaround ? EMPTY : inner;
  }

  /** One escape, as a shape; inside a class, `\b` is a backspace. */
  private escape(inClass: boolean): Shape {
    const c = this.next();
    if ('dDsSwW'.includes(c)) return ANY;
    if (c === 'b' && !inClass) return EMPTY;
    if (c === 'B') return EMPTY;
    if (c === 'p' || c === 'P') {
      if (this.peek() === '{') while (this.next() !== '}');
      return ANY;
    }
    if (c === 'k') {
      while (this.next() !== '>');
      return ANY;
    }
    if (/[1-9]/.test(c)) {
      while (this.peek() !== undefined && /\d/.test(this.peek() ?? '')) this.pos++;
      return ANY;
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', b: '\b', '0': '\0' };
    const control = controls[c];
    if (control !== undefined) return exactShape([control]);
    if (c === 'c') {
      this.pos++;
      return ANY;
    }
    if (c === 'x') return exactShape([String.fromCodePoint(parseInt(this.take(2), 16))]);
    if (c === 'u') {
      if (this.peek() === '{') {
        this.pos++;
        let hex = '';
        while (this.peek() !== '}') hex += this.next();
        this.pos++;
        return exactShape([String.fromCodePoint(parseInt(hex, 16))]);
      }
      return exactShape([String.fromCharCode(parseInt(this.take(4), 16))]);
    }
    return exactShape([c]); // an escaped syntax character stands for itself
  }

  private take(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += this.next();
    return out;
  }

  private characterClass(): Shape {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const members: string[] = [];
    let unknown = false;
    const member = (): string | null => {
      const c = this.next();
      if (c !== '\\') return c;
      const shape = this.escape(true);
      return shape.exact?.length === 1 && shape.exact[0] ? shape.exact[0] : null;
    };
    while (this.peek() !== ']') {
      const from = member();
      if (this.peek() === '-' && this.peek(1) !== ']') {
        this.pos++;
        const to = member();
        const [a, b] = [from?.codePointAt(0), to?.codePointAt(0)];
        if (a === undefined || b === undefined || b - a >= MAX_CLASS_RANGE) unknown = true;
        else for (let cp = a; cp <= b; cp++) members.push(String.fromCodePoint(cp));
      } else if (from === null) unknown = true;
      else members.push(from);
    }
    this.pos++;
    if (negated || unknown || members.length === 0) return ANY;
    return exactShape(members);
  }
}

/** The literals every match of `source` contains (one of them at least), or null when none is certain. */
export function requiredLiterals(source: string): string[] | null {
  try {
    const { required } = new RegexReader(source).parse();
    return required && required.length > 0 && required.every((s) => s.length > 0) ? [...required] : null;
  } catch {
    return null; // a construct the reader does not know: no gate, the regex always runs
  }
}
