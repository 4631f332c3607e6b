import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/log/logger.js';
import type { LlmOptions } from '../../../src/llm/options.js';

export const API_KEY = 'sk-tongxing-test-key-7f3a9c';
export const MODEL = 'test-model';

/** A debug-level logger whose output the test can read. */
export function captureLog(): { log: Logger; output: () => string; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const output = () => chunks.join('');
  return {
    log: createLogger({ level: 'debug', destination }),
    output,
    lines: () =>
      output()
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

export function llmOptions(baseURL: string, overrides: Partial<LlmOptions> = {}): LlmOptions {
  return { baseURL, apiKey: API_KEY, model: MODEL, timeoutMs: 2_000, riskModel: { enabled: true, timeoutMs: 1_000 }, ...overrides };
}

/** Runs `fn` and returns how long it took, with its outcome. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}
