import type { Database } from '../../db/client.js';
import { EmbeddedDatabaseInUseError } from '../../db/embedded-lock.js';
import { generatePassword } from '../../security/password.js';
import { createApiToken, type CreateTokenResult } from '../accounts/create-token.js';
import { createStaffUser, type CreateUserResult } from '../accounts/create-user.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/policy.js';
import { parseAdminArgsSafely, USAGE, UsageError, type AdminCommand } from './parse.js';

export interface CliIo {
  /** Everything on standard input (only read for --password-stdin). */
  readStdin(): Promise<string>;
  /** Standard output: only what a script captures (a generated password, a token). */
  out(line: string): void;
  /** Standard error: messages for the operator. */
  err(line: string): void;
}

export interface CliEnvironment {
  io: CliIo;
  /** Opens (and migrates) the configured database. */
  openDatabase(): Promise<Database>;
  now(): Date;
}

const USER_PROBLEMS: Record<Exclude<CreateUserResult, { ok: true }>['reason'], string> = {
  'login-taken': 'that login already exists',
  'invalid-login': 'a login is 2–64 letters, digits, dots, dashes, underscores or @',
  'invalid-locale': 'the locale must be zh-CN, zh-TW or en',
  'station-required': 'supervisors and caseworkers need --station STATION_ID',
  'unknown-station': 'no station has that id',
  'too-short': `the password needs at least ${PASSWORD_MIN_LENGTH} characters`,
  'too-long': `the password may have at most ${PASSWORD_MAX_LENGTH} characters`,
};

const TOKEN_PROBLEMS: Record<Exclude<CreateTokenResult, { ok: true }>['reason'], string> = {
  'unknown-staff': 'no staff member has that login',
  'inactive-staff': 'that staff member is deactivated',
  'invalid-name': 'the name must be 1–100 characters',
};

/** The password as piped in: one trailing line break is not part of it. */
export function passwordFromStdin(input: string): string {
  return input.replace(/\r?\n$/, '');
}

async function execute(command: Exclude<AdminCommand, { kind: 'help' }>, env: CliEnvironment, db: Database): Promise<number> {
  const { io } = env;
  if (command.kind === 'user-create') {
    const password = command.passwordStdin ? passwordFromStdin(await env.io.readStdin()) : generatePassword();
    const result = await createStaffUser(db.prisma, { ...command, password }, env.now());
    if (!result.ok) {
      io.err(`Could not create the user: ${USER_PROBLEMS[result.reason]}.`);
      return 1;
    }
    io.err(`Created ${command.role.toLowerCase()} "${command.login}".`);
    if (!command.passwordStdin) {
      io.err('Generated password (shown only this once):');
      io.out(password);
    }
    return 0;
  }
  const result = await createApiToken(db.prisma, command, env.now());
  if (!result.ok) {
    io.err(`Could not create the token: ${TOKEN_PROBLEMS[result.reason]}.`);
    return 1;
  }
  io.err(
    `Created API token "${command.name}" ${result.staffLogin ? `acting as ${result.staffLogin}` : '(read-only: not linked to a staff member)'}.`,
  );
  io.err('Copy it now; it is not shown again:');
  io.out(result.token);
  return 0;
}

/** Runs one admin command; returns the exit code (0 done, 1 failed, 2 usage). */
export async function runAdminCli(argv: string[], env: CliEnvironment): Promise<number> {
  let command: AdminCommand;
  try {
    command = parseAdminArgsSafely(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    env.io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    env.io.err(USAGE);
    return 0;
  }
  let db: Database;
  try {
    db = await env.openDatabase();
  } catch (error) {
    if (!(error instanceof EmbeddedDatabaseInUseError)) throw error;
    env.io.err(
      `The Tongxing service is running (process ${error.pid}) and holds the embedded database in ${error.dataDir}.\n` +
        'Stop the service first, then run this command again. ' +
        '(With DATABASE_URL pointing at a PostgreSQL server, admin commands work while the service runs.)',
    );
    return 1;
  }
  try {
    return await execute(command, env, db);
  } finally {
    await db.close();
  }
}
