/**
 * Reads JSON Lines on stdin ({"id","text","speaker"?,"lang"?}) and writes one
 * line per input, in order: {"id","level","categories"}. A bad line gets
 * {"id": <id or null>, "error": "..."} on stdout and a message on stderr;
 * the exit code is 1 if any line was bad. Scored as triage scores text
 * (assessText: the rules, raised where the guarded learned layer allows,
 * from local weights; no network and no model); --rules-only for the rules
 * alone.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { assessText } from '../risk/assess.js';

const inputSchema = z.object({
  id: z.string(),
  text: z.string(),
  speaker: z.enum(['participant', 'family']).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

function idOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string') return id;
    if (typeof id === 'number') return String(id);
  }
  return null;
}

function classifyLine(line: string, learned: boolean): { output: object; error?: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { output: { id: null, error: 'invalid JSON' }, error: 'invalid JSON' };
  }
  const parsed = inputSchema.safeParse(value);
  if (!parsed.success) {
    const error = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    return { output: { id: idOf(value), error }, error };
  }
  const { id, text, speaker, lang } = parsed.data;
  const result = assessText(text, { speaker, lang, learned });
  return { output: { id, level: result.level, categories: result.categories } };
}

async function main(): Promise<void> {
  const learned = !process.argv.slice(2).includes('--rules-only');
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let lineNumber = 0;
  let bad = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { output, error } = classifyLine(line, learned);
    if (error) {
      bad++;
      process.stderr.write(`risk:classify: line ${lineNumber}: ${error}\n`);
    }
    process.stdout.write(JSON.stringify(output) + '\n');
  }
  if (bad > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`risk:classify: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 2;
});
