/**
 * The keyword gate for a whole lexicon: one pass over a message says which
 * rules and which modifier groups could match it at all, so the regexes of
 * the others are never run (see keyword-gate.ts).
 */
import { KeywordGate } from './keyword-gate.js';

/** What may occur in one text: rules by index in the lexicon, modifier groups by name. */
export interface MayOccur<Group extends string> {
  rules: readonly number[];
  modifiers: ReadonlySet<Group>;
}

export class LexiconGate<Group extends string> {
  private readonly keywords: KeywordGate;
  private readonly ruleCount: number;
  private readonly groups: readonly Group[];

  constructor(rules: readonly RegExp[], modifiers: Readonly<Record<Group, RegExp>>, groups: readonly Group[]) {
    this.ruleCount = rules.length;
    this.groups = groups;
    this.keywords = new KeywordGate([...rules.map((r) => r.source), ...groups.map((g) => modifiers[g].source)]);
  }

  open(text: string): MayOccur<Group> {
    const rules: number[] = [];
    const modifiers = new Set<Group>();
    for (const gate of this.keywords.open(text)) {
      if (gate < this.ruleCount) rules.push(gate);
      else {
        const group = this.groups[gate - this.ruleCount];
        if (group !== undefined) modifiers.add(group);
      }
    }
    return { rules, modifiers };
  }
}
