import type { Translate } from '../i18n/index.js';
import { groupLabel, levelCell } from './labels.js';
import type { Report } from './queries.js';
import type { ReportDimension } from './range.js';

export const REPORT_TABLES = ['check-ins', 'attendance', 'escalations'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

type Cell = string | number | null;

/**
 * One RFC 4180 field. A name starting with = + - @ would run as a formula in
 * a spreadsheet, so it gets a leading apostrophe.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const round = (value: number | null, digits: number): number | null => (value === null ? null : Number(value.toFixed(digits)));

function table(t: Translate, which: ReportTable, report: Report, by: ReportDimension): Cell[][] {
  const group = t(by === 'station' ? 'reports.station' : 'reports.caseworker');
  const idOf = (g: Report['checkIns'][number]['group']) => (g.kind === 'one' ? g.id : null);
  switch (which) {
    case 'check-ins':
      return [
        [group, 'id', t('reports.sent'), t('reports.answered'), t('reports.pending'), t('reports.responseRate')],
        ...report.checkIns.map((r) => [groupLabel(t, by, r.group), idOf(r.group), r.sent, r.answered, r.pending, round(r.rate, 4)]),
      ];
    case 'attendance':
      return [
        [group, 'id', t('reports.attended'), t('reports.missed'), t('reports.excused'), t('reports.unrecorded'), t('reports.attendanceRate')],
        ...report.attendance.map((r) => [groupLabel(t, by, r.group), idOf(r.group), r.attended, r.missed, r.excused, r.unrecorded, round(r.rate, 4)]),
      ];
    case 'escalations':
      return [
        [group, 'id', t('reports.level'), t('reports.opened'), t('reports.acknowledged'), t('reports.ackMedianSec'), t('reports.ackP90Sec'), t('reports.reescalations'), t('reports.reescalated')],
        ...report.escalations.map((r) => [
          groupLabel(t, by, r.group),
          idOf(r.group),
          r.level === null ? levelCell(t, null) : r.level,
          r.opened,
          r.acknowledged,
          round(r.ackMedianSec, 1),
          round(r.ackP90Sec, 1),
          r.reescalations,
          r.reescalated,
        ]),
      ];
  }
}

/** A table as CSV, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese names right. */
export function reportCsv(t: Translate, which: ReportTable, report: Report, by: ReportDimension): { body: string; rows: number } {
  const rows = table(t, which, report, by);
  return { body: `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`, rows: rows.length - 1 };
}
