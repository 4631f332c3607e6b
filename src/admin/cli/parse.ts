import { parseArgs } from 'node:util';
import type { StaffRole } from '../../generated/prisma/client.js';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type AdminCommand =
  | { kind: 'help' }
  | {
      kind: 'user-create';
      role: StaffRole;
      login: string;
      /** Read the password from stdin; otherwise one is generated and printed once. */
      passwordStdin: boolean;
      displayName?: string | undefined;
      stationId?: string | undefined;
      locale?: string | undefined;
    }
  | { kind: 'token-create'; name: string; staffLogin?: string | undefined };

export const USAGE = `Usage:
  npm run admin -- user create --role admin|supervisor|caseworker --login NAME [--password-stdin]
                               [--name "DISPLAY NAME"] [--station STATION_ID] [--locale zh-CN|zh-TW|en]
  npm run admin -- token create --name NAME [--staff LOGIN]

user create    Creates a staff account. With --password-stdin the password is read from
               standard input (e.g. printf '%s' "$PASSWORD" | npm run admin -- user create ...);
               without it a password is generated and printed once. Supervisors and
               caseworkers need --station.
token create   Creates an API token for /api/v1 and prints it once (only its hash is kept).
               With --staff it acts as that staff member; without, it may only read.`;

const ROLES: Record<string, StaffRole> = { admin: 'ADMIN', supervisor: 'SUPERVISOR', caseworker: 'CASEWORKER' };

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) throw new UsageError(`${flag} is required`);
  return value.trim();
}

export function parseAdminArgs(argv: string[]): AdminCommand {
  const [noun, verb, ...rest] = argv;
  if (noun === undefined || noun === 'help' || noun === '--help' || noun === '-h') return { kind: 'help' };
  if (noun === 'user' && verb === 'create') {
    const { values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        role: { type: 'string' },
        login: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
        name: { type: 'string' },
        station: { type: 'string' },
        locale: { type: 'string' },
      },
    });
    const roleName = required(values.role, '--role').toLowerCase();
    const role = ROLES[roleName];
    if (!role) throw new UsageError(`--role must be admin, supervisor or caseworker, not "${roleName}"`);
    return {
      kind: 'user-create',
      role,
      login: required(values.login, '--login'),
      passwordStdin: values['password-stdin'] ?? false,
      displayName: values.name,
      stationId: values.station,
      locale: values.locale,
    };
  }
  if (noun === 'token' && verb === 'create') {
    const { values } = parseArgs({ args: rest, strict: true, options: { name: { type: 'string' }, staff: { type: 'string' } } });
    return { kind: 'token-create', name: required(values.name, '--name'), staffLogin: values.staff };
  }
  throw new UsageError(`unknown command: ${[noun, verb].filter(Boolean).join(' ')}`);
}

/** Wraps node's own argument errors (unknown flag, missing value) as usage errors. */
export function parseAdminArgsSafely(argv: string[]): AdminCommand {
  try {
    return parseAdminArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) throw new UsageError(error.message);
    throw error;
  }
}
