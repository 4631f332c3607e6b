// First: V8 flags must be set before any WebAssembly is compiled.
import './v8-flags.js';
import { ConfigError, loadConfig } from './config/index.js';
import { EmbeddedDatabaseInUseError } from './db/embedded-lock.js';
import type { DemoLogin } from './db/seed/demo.js';
import { createLogger } from './log/logger.js';
import { startService } from './service.js';

/** Errors that mean "the operator must fix something": one line, no stack. */
function isOperatorError(error: unknown): error is Error {
  return error instanceof ConfigError || error instanceof EmbeddedDatabaseInUseError;
}

function printDemoLogins(url: string, logins: DemoLogin[], webChat: boolean): void {
  // Written straight to the terminal, once, never into the log stream.
  const lines = [
    '',
    `  Tongxing demo is ready at ${url}`,
    `  Console:  ${url}/admin`,
    ...(webChat ? [`  Web chat: ${url}/chat`] : []),
    '  Demo logins (shown only this once; change them before real use):',
    ...logins.map((l) => `    ${l.role.padEnd(11)} ${l.login.padEnd(11)} ${l.password}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.log);
  const service = await startService(config, log);
  if (service.demoLogins.length > 0) printDemoLogins(config.publicUrl ?? service.http.url, service.demoLogins, service.channels.has('WEB'));

  let signalled = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  if (isOperatorError(error)) {
    console.error(`tongxing: ${error.message}`);
  } else {
    console.error('tongxing: failed to start:', error);
  }
  process.exit(1);
});
