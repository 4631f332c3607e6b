import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedService {
  readonly process: ChildProcessWithoutNullStreams;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the base URL once the service logs that it listens. */
  ready(timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code. */
  exited(): Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the service as `npm start` does, from the JavaScript in build/ (the
 * global setup builds it once per test run), in a process of its own; or,
 * with `viaNpm`, `npm start` itself (which builds again first).
 */
export function spawnService(env: Record<string, string>, options: { viaNpm?: boolean } = {}): SpawnedService {
  const [command, args] = options.viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, ['build/main.js']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    output: () => output,
    ready(timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`service did not start in ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const poll = setInterval(() => {
          const match = /"port":(\d+),"msg":"listening"/.exec(output);
          if (match) {
            clearInterval(poll);
            clearTimeout(deadline);
            resolve(`http://127.0.0.1:${match[1]}`);
          }
        }, 50);
        void exit.then((code) => {
          clearInterval(poll);
          clearTimeout(deadline);
          reject(new Error(`service exited with ${code} before listening:\n${output}`));
        });
      });
    },
    exited: () => exit,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exit;
    },
  };
}
