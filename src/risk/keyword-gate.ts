/**
 * One pass over a message that tells which of many regexes could match it,
 * so the rest are never run. Each regex is reduced to the literals every
 * match must contain (required-literals.ts); all literals go into one
 * Aho–Corasick automaton, so the message is read once, whatever the number
 * of rules.
 */
import { requiredLiterals } from './required-literals.js';

/**
 * A literal's first few code units are needed as surely as the whole literal,
 * and already rare enough in a message: keeping only those makes the
 * automaton small (and fast) at the price of opening a gate a little more often.
 */
const MAX_LITERAL_UNITS = { cjk: 3, latin: 8 };
const prefixOf = (literal: string): string => literal.slice(0, literal.charCodeAt(0) < 0x80 ? MAX_LITERAL_UNITS.latin : MAX_LITERAL_UNITS.cjk);

interface State {
  /** UTF-16 code unit → state. */
  next: Map<number, number>;
  fail: number;
  /** Gates opened when this state is reached (its own literals and those of its suffixes). */
  opens: number[];
}

export class KeywordGate {
  private readonly states: State[] = [{ next: new Map(), fail: 0, opens: [] }];
  /** Gates whose regex needs no particular literal: always open. */
  private readonly alwaysOpen: number[] = [];
  /** The root's transitions for every UTF-16 code unit (-1: none): most steps start at the root. */
  private readonly rootNext = new Int32Array(0x10000).fill(-1);
  /**
   * Every other state's transitions, flattened: state i's code units are
   * edgeUnits[edgesFrom[i] … edgesFrom[i + 1]), in ascending order, leading to
   * edgeTargets at the same positions (most states have one or two).
   */
  private readonly edgesFrom: Int32Array;
  private readonly edgeUnits: Uint16Array;
  private readonly edgeTargets: Int32Array;
  /** marks[gate] === stamp: the gate is already open for the current text. */
  private readonly marks: Uint32Array;
  /** visited[state] === stamp: the state was reached already in the current text. */
  private readonly visited: Uint32Array;
  /** The automaton flattened for `open`: failure links, and the gates of state i at opensFlat[opensFrom[i] … opensFrom[i + 1]). */
  private readonly fail: Int32Array;
  private readonly opensFrom: Int32Array;
  private readonly opensFlat: Int32Array;
  private stamp = 0;

  /** `sources[i]` is the source of regex i; `open(text)` lists the i whose regex may match `text`. */
  constructor(sources: readonly string[]) {
    this.marks = new Uint32Array(sources.length);
    sources.forEach((source, gate) => {
      const literals = requiredLiterals(source);
      if (literals === null) this.alwaysOpen.push(gate);
      else for (const literal of new Set(literals.map(prefixOf))) this.add(literal, gate);
    });
    this.link();
    for (const [unit, to] of this.state(0).next) this.rootNext[unit] = to;
    const edges = this.states.map((state, id) => (id === 0 ? [] : [...state.next].sort((a, b) => a[0] - b[0])));
    this.edgesFrom = new Int32Array(this.states.length + 1);
    edges.forEach((e, id) => (this.edgesFrom[id + 1] = (this.edgesFrom[id] ?? 0) + e.length));
    this.edgeUnits = Uint16Array.from(edges.flat(), ([unit]) => unit);
    this.edgeTargets = Int32Array.from(edges.flat(), ([, to]) => to);
    this.visited = new Uint32Array(this.states.length);
    this.fail = Int32Array.from(this.states, (s) => s.fail);
    this.opensFrom = new Int32Array(this.states.length + 1);
    this.states.forEach((s, id) => (this.opensFrom[id + 1] = (this.opensFrom[id] ?? 0) + s.opens.length));
    this.opensFlat = Int32Array.from(this.states.flatMap((s) => s.opens));
  }

  private state(id: number): State {
    const state = this.states[id];
    if (!state) throw new Error(`keyword gate: no state ${id}`);
    return state;
  }

  private add(literal: string, gate: number): void {
    let id = 0;
    for (let i = 0; i < literal.length; i++) {
      const unit = literal.charCodeAt(i);
      let to = this.state(id).next.get(unit);
      if (to === undefined) {
        to = this.states.length;
        this.states.push({ next: new Map(), fail: 0, opens: [] });
        this.state(id).next.set(unit, to);
      }
      id = to;
    }
    this.state(id).opens.push(gate);
  }

  /** Breadth-first failure links, with each state's gates merged with those of its failure state. */
  private link(): void {
    const queue: number[] = [...this.state(0).next.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = this.state(queue[head] ?? 0);
      for (const [unit, childId] of state.next) {
        let fallback = state.fail;
        while (fallback !== 0 && !this.state(fallback).next.has(unit)) fallback = this.state(fallback).fail;
        const target = this.state(fallback).next.get(unit);
        const child = this.state(childId);
        child.fail = target !== undefined && target !== childId ? target : 0;
        const inherited = this.state(child.fail).opens;
        if (inherited.length > 0) child.opens = [...new Set([...child.opens, ...inherited])];
        queue.push(childId);
      }
    }
  }

  /**
   * The regexes that may match `text`, by index in ascending order; every
   * other regex certainly cannot match it.
   */
  open(text: string): number[] {
    const stamp = this.nextStamp();
    const { marks, visited, fail, rootNext, opensFrom, opensFlat } = this;
    const open: number[] = [];
    for (const gate of this.alwaysOpen) {
      marks[gate] = stamp;
      open.push(gate);
    }
    let id = 0;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      let to = id === 0 ? (rootNext[unit] as number) : this.step(id, unit);
      while (to === -1 && id !== 0) {
        id = fail[id] as number;
        to = id === 0 ? (rootNext[unit] as number) : this.step(id, unit);
      }
      if (to === -1) continue;
      id = to;
      if (visited[id] === stamp) continue; // its gates are already open
      visited[id] = stamp;
      for (let k = opensFrom[id] as number, end = opensFrom[id + 1] as number; k < end; k++) {
        const gate = opensFlat[k] as number;
        if (marks[gate] === stamp) continue;
        marks[gate] = stamp;
        open.push(gate);
      }
    }
    return open.length > 1 ? open.sort((a, b) => a - b) : open;
  }

  /** The transition of a state other than the root on `unit`, or -1 (binary search over its sorted units). */
  private step(id: number, unit: number): number {
    let low = this.edgesFrom[id] as number;
    let high = (this.edgesFrom[id + 1] as number) - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const u = this.edgeUnits[mid] as number;
      if (u === unit) return this.edgeTargets[mid] as number;
      if (u < unit) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  private nextStamp(): number {
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) {
      this.marks.fill(0);
      this.visited.fill(0);
    }
    return this.stamp;
  }
}
