export type ProblemSource = 'send' | 'polling' | 'webhook';

/**
 * Problems an operator has to fix (a wrong token or API root, a webhook that
 * cannot be registered, another instance polling), by where they showed up.
 * Each part clears its own entry once it works again.
 */
export class ChannelProblems {
  private readonly problems = new Map<ProblemSource, string>();

  /** True when this source had no problem before (so the caller logs it once). */
  set(source: ProblemSource, problem: string): boolean {
    const isNew = !this.problems.has(source);
    this.problems.set(source, problem);
    return isNew;
  }

  /** True when there was a problem to clear. */
  clear(source: ProblemSource): boolean {
    return this.problems.delete(source);
  }

  /** All current problems in one line, or undefined. */
  describe(): string | undefined {
    if (this.problems.size === 0) return undefined;
    return [...this.problems].map(([source, problem]) => `${source}: ${problem}`).join('; ');
  }
}
