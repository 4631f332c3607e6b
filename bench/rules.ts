import { readFileSync, readdirSync } from 'node:fs';
import { assessText } from '../src/risk/index.js';

/** Messages per second through the risk rules alone, over the labelled fixtures. */
export function measureRules(seconds: number): number {
  const dir = new URL('../test/fixtures/risk/', import.meta.url);
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n').filter(Boolean))
    .map((line) => (JSON.parse(line) as { text: string }).text);
  for (const text of texts.slice(0, 200)) assessText(text); // warm up
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    for (const text of texts) assessText(text);
    done += texts.length;
  }
  return done / ((performance.now() - start) / 1000);
}
