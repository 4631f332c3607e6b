import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function run(script: string, input: string, args: string[] = []) {
  return spawnSync('npx', ['tsx', script, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
}

describe('risk:classify CLI', () => {
  it('writes one JSON line per input, in order, and exits 0', () => {
    const input = [
      { id: 'a', text: '明天几点尿检？' },
      { id: 'b', text: '我已经吃了一整瓶安眠药' },
      { id: 'c', text: 'my old dealer texted me', lang: 'en' },
      { id: 'd', text: '他又开始了', speaker: 'family' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n');
    const out = run('src/cli/risk-classify.ts', input + '\n');
    expect(out.status).toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; level: number; categories: string[] });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(lines.map((l) => l.level)).toEqual([0, 4, 2, 2]);
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['categories', 'id', 'level']);
    expect(lines[1]?.categories).toContain('overdose');
  });

  it('reports bad lines on stderr with their number, keeps going, and exits 1', () => {
    const input = ['{"id":"ok1","text":"你好"}', 'not json', '{"id":"x"}', '{"id":"ok2","text":"我想自杀"}'].join('\n');
    const out = run('src/cli/risk-classify.ts', input);
    expect(out.status).toBe(1);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ id: 'ok1', level: 0, categories: [] });
    expect(lines[1]).toMatchObject({ id: null, error: expect.any(String) });
    expect(lines[2]).toMatchObject({ id: 'x', error: expect.any(String) });
    expect(lines[3]).toMatchObject({ id: 'ok2', level: 3 });
    expect(out.stderr).toContain('line 2');
    expect(out.stderr).toContain('line 3');
  });
});

describe('risk:eval CLI', () => {
  it('prints the report for the labelled set and exits 0 when the targets hold', () => {
    const out = run('src/cli/risk-eval.ts', '', ['test/fixtures/risk/labelled.jsonl']);
    expect(out.stdout).toContain('confusion matrix');
    expect(out.stdout).toContain('RESULT: targets hold');
    expect(out.status).toBe(0);
  });

  it('prints JSON with --json', () => {
    const out = run('src/cli/risk-eval.ts', '', ['test/fixtures/risk/labelled.jsonl', '--json']);
    const report = JSON.parse(out.stdout) as { pass: boolean; overall: { metrics: { confusion: number[][] } } };
    expect(report.pass).toBe(true);
    expect(report.overall.metrics.confusion).toHaveLength(5);
  });
});
