/** Sessions end 12 hours after login at the latest, or after 2 idle hours. */
export const SESSION_TTL_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;
/** lastSeenAt is written at most this often, not on every request. */
export const SESSION_TOUCH_MS = 60_000;

/** Five wrong passwords in a row lock the account for 15 minutes. */
export const LOCKOUT = { maxFailures: 5, lockMs: 15 * 60_000 } as const;

/** Login attempts per client address, whatever the login. */
export const LOGIN_RATE = { max: 30, windowMs: 15 * 60_000 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const API_TOKEN_PREFIX = 'txk_';
/** ApiToken.lastUsedAt is written at most this often. */
export const TOKEN_TOUCH_MS = 60_000;
