import { readFileSync, readdirSync } from 'node:fs';
import { assessRules, assessText } from '../src/risk/index.js';

function fixtureTexts(): string[] {
  const dir = new URL('../test/fixtures/risk/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter(Boolean))
    .map((line) => (JSON.parse(line) as { text: string }).text);
}

function messagesPerSecond(seconds: number, texts: string[], assess: (text: string) => unknown): number {
  for (const text of texts.slice(0, 200)) assess(text); // warm up
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const text of texts) assess(text);
    done += texts.length;
  }
  return done / ((performance.now() - start) / 1000);
}

/**
 * Messages per second over the labelled fixtures: through the rules alone,
 * and as triage scores a message (the rules raised by the learned layer).
 */
export function measureRules(seconds: number): { rulesPerSec: number; withLearnedPerSec: number } {
  const texts = fixtureTexts();
  return {
    rulesPerSec: messagesPerSecond(seconds, texts, (text) => assessRules(text)),
    withLearnedPerSec: messagesPerSecond(seconds, texts, (text) => assessText(text)),
  };
}
