import type { EscalationEventType, EscalationOutcome, EscalationStatus } from '../../generated/prisma/client.js';
import type { AdminMessageKey, Translate } from './index.js';

const STATUS: Record<EscalationStatus, AdminMessageKey> = {
  OPEN: 'status.OPEN',
  ACKNOWLEDGED: 'status.ACKNOWLEDGED',
  RESOLVED: 'status.RESOLVED',
};

const OUTCOME: Record<EscalationOutcome, AdminMessageKey> = {
  CONTACTED: 'outcome.CONTACTED',
  VISITED: 'outcome.VISITED',
  REFERRED: 'outcome.REFERRED',
  EMERGENCY_SERVICES: 'outcome.EMERGENCY_SERVICES',
  FALSE_ALARM: 'outcome.FALSE_ALARM',
};

export const EVENT_KEYS: Record<EscalationEventType, AdminMessageKey> = {
  OPENED: 'event.OPENED',
  RAISED: 'event.RAISED',
  ALERTED: 'event.ALERTED',
  ACKNOWLEDGED: 'event.ACKNOWLEDGED',
  ASSIGNED: 'event.ASSIGNED',
  NOTE: 'event.NOTE',
  RE_ESCALATED: 'event.RE_ESCALATED',
  RESOLVED: 'event.RESOLVED',
};

const LEVEL: Record<number, AdminMessageKey> = { 1: 'level.1', 2: 'level.2', 3: 'level.3', 4: 'level.4' };

const CATEGORY: Record<string, AdminMessageKey> = {
  suicide: 'category.suicide',
  self_harm: 'category.self_harm',
  overdose: 'category.overdose',
  relapse: 'category.relapse',
  craving: 'category.craving',
  acquiring: 'category.acquiring',
  violence: 'category.violence',
  dropout: 'category.dropout',
  distress: 'category.distress',
};

export const statusLabel = (t: Translate, status: EscalationStatus) => t(STATUS[status]);
export const outcomeLabel = (t: Translate, outcome: EscalationOutcome) => t(OUTCOME[outcome]);

export function levelLabel(t: Translate, level: number): string {
  const key = LEVEL[level];
  return key ? t('level.label', { level, name: t(key) }) : String(level);
}

/** A category the catalog does not know yet is shown as stored. */
export function categoryLabel(t: Translate, category: string): string {
  const key = CATEGORY[category];
  return key ? t(key) : category;
}

/** "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
  if (minutes < 60) return t('time.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('time.hours', { h: hours, m: minutes % 60 });
  return t('time.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
