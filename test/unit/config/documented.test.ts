import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnvSchema } from '../../../src/config/env.js';

const ROOT = new URL('../../../', import.meta.url);
const variables = Object.keys(EnvSchema.shape).sort();

/** A comment above the line, in the same block (one comment may describe a few related variables). */
function hasComment(lines: string[], index: number): boolean {
  for (let i = index - 1; i >= 0 && (lines[i] ?? '').trim() !== ''; i--) if ((lines[i] ?? '').startsWith('#')) return true;
  return false;
}

describe('every environment variable is documented', () => {
  it('in .env.example, each with a comment line above it, and nothing else', () => {
    const lines = readFileSync(new URL('.env.example', ROOT), 'utf8').split('\n');
    const documented = new Map<string, boolean>();
    lines.forEach((line, index) => {
      // Commented-out names ("# WECHATY_LOG=…") are read by libraries, not by us.
      const match = /^([A-Z][A-Z0-9_]*)=/.exec(line);
      if (match?.[1] && !documented.has(match[1])) documented.set(match[1], hasComment(lines, index));
    });
    expect([...documented.keys()].filter((name) => !variables.includes(name))).toEqual([]);
    for (const name of variables) {
      expect(documented.has(name), `${name} is missing from .env.example`).toBe(true);
      expect(documented.get(name), `${name} has no comment in .env.example`).toBe(true);
    }
  });

  it('in the README configuration table', () => {
    const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
    // A row may shorten siblings: `QUIET_HOURS_START` / `_END`.
    const named = new Set<string>();
    let stem = '';
    for (const [, token = ''] of readme.matchAll(/`([A-Z_][A-Z0-9_]*)`/g)) {
      if (token.startsWith('_')) named.add(`${stem}${token}`);
      else {
        named.add(token);
        stem = token.replace(/_[A-Z0-9]+$/, '');
      }
    }
    expect(variables.filter((name) => !named.has(name))).toEqual([]);
  });
});
