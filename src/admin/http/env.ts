import type { ActiveSession } from '../auth/sessions.js';
import type { Translate } from '../i18n/index.js';

/** Variables set for every console route after the session check. */
export type ConsoleEnv = { Variables: { session: ActiveSession; t: Translate } };
