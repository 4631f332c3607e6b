/** How long staff have to acknowledge, by level, before the escalation climbs. */
export interface AckPolicy {
  level4Ms: number;
  level3Ms: number;
  level2Ms: number;
}

export const DEFAULT_ACK_POLICY: AckPolicy = {
  level4Ms: 5 * 60_000,
  level3Ms: 30 * 60_000,
  level2Ms: 24 * 3600_000,
};

export function ackWindowMs(level: number, policy: AckPolicy): number {
  if (level >= 4) return policy.level4Ms;
  if (level === 3) return policy.level3Ms;
  return policy.level2Ms;
}

/** Who is alerted at each tier. Past the last tier an escalation stays with admins. */
export const TIERS = ['caseworker', 'backup', 'supervisors', 'admins'] as const;
export type Tier = (typeof TIERS)[number];
export const LAST_TIER = TIERS.length - 1;
