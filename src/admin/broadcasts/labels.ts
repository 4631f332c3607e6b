import type { BroadcastAudience } from '../../generated/prisma/client.js';
import type { AdminMessageKey, Translate } from '../i18n/index.js';

const AUDIENCE: Record<BroadcastAudience, AdminMessageKey> = {
  PARTICIPANTS: 'broadcast.audience.PARTICIPANTS',
  FAMILIES: 'broadcast.audience.FAMILIES',
  BOTH: 'broadcast.audience.BOTH',
};

export const audienceLabel = (t: Translate, audience: BroadcastAudience) => t(AUDIENCE[audience]);
