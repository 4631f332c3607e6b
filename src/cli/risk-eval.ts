/**
 * npm run risk:eval -- FILE [--json] [--rules-only]
 * FILE is JSON Lines of labelled messages, scored as triage scores them
 * (assessText: the rules, raised where the guarded learned layer allows);
 * --rules-only scores the rules alone. Prints the confusion matrix,
 * recall of level ≥3 and ≥2, under-triaged emergencies and the false-alert
 * rate per language and overall. Exit 0 when the targets hold, 1 when not,
 * 2 on bad input.
 */
import { readFileSync } from 'node:fs';
import { evaluate, formatReport, labelledItemSchema, type LabelledItem } from '../risk/evaluate.js';
import { assessText } from '../risk/assess.js';

function readItems(file: string): { items: LabelledItem[]; errors: string[] } {
  const items: LabelledItem[] = [];
  const errors: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        const parsed = labelledItemSchema.safeParse(JSON.parse(line));
        if (parsed.success) items.push(parsed.data);
        else errors.push(`line ${index + 1}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      } catch {
        errors.push(`line ${index + 1}: invalid JSON`);
      }
    });
  return { items, errors };
}

function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const learned = !argv.includes('--rules-only');
  const files = argv.filter((a) => !a.startsWith('--'));
  const file = files[0];
  if (!file || files.length > 1) {
    console.error('usage: npm run risk:eval -- FILE [--json] [--rules-only]');
    return 2;
  }
  const { items, errors } = readItems(file);
  for (const e of errors) console.error(`risk:eval: ${file}: ${e}`);
  if (errors.length > 0) return 2;
  const report = evaluate(items, (item) => assessText(item.text, { speaker: item.speaker, lang: item.lang, learned }).level);
  console.log(json ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.pass ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
