import type { Translate } from '../i18n/index.js';
import { formatDuration, levelLabel } from '../i18n/labels.js';
import type { ReportDimension } from './range.js';
import type { ReportGroup } from './queries.js';

export function groupLabel(t: Translate, by: ReportDimension, group: ReportGroup): string {
  if (group.kind === 'all') return t('reports.all');
  if (group.id === null) return t('reports.noCaseworker');
  return group.name ?? group.id;
}

export function levelCell(t: Translate, level: number | null): string {
  return level === null ? t('reports.allLevels') : levelLabel(t, level);
}

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function seconds(t: Translate, value: number | null): string {
  if (value === null) return '—';
  return value < 60 ? t('reports.seconds', { s: Math.round(value) }) : formatDuration(t, value * 1000);
}
