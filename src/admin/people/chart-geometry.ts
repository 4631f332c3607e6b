import type { ChartSeries } from './chart-query.js';

/** The chart's drawing area inside a fixed viewBox; the SVG scales to the page width. */
export const CHART = { width: 640, height: 220, left: 34, right: 34, top: 12, bottom: 28 } as const;

const MOOD = { min: 1, max: 5 };
const CRAVING = { min: 0, max: 10 };

export interface ChartGeometry {
  /** "x,y x,y …" for <polyline points>. */
  moodLine: string;
  cravingLine: string;
  moodDots: { x: number; y: number; value: number }[];
  cravingDots: { x: number; y: number; value: number }[];
  /** Check-ins that reported use, marked on the time axis. */
  useMarks: number[];
  moodTicks: { y: number; label: string }[];
  cravingTicks: { y: number; label: string }[];
  plot: { x1: number; x2: number; y1: number; y2: number };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Where every check-in lands: time across (the window, oldest left), mood
 * 1–5 on the left axis, craving 0–10 on the right one, both bottom to top.
 */
export function chartGeometry(series: ChartSeries): ChartGeometry {
  const x1 = CHART.left;
  const x2 = CHART.width - CHART.right;
  const y1 = CHART.top;
  const y2 = CHART.height - CHART.bottom;
  const span = Math.max(1, series.to.getTime() - series.from.getTime());
  const x = (at: Date) => round(x1 + ((at.getTime() - series.from.getTime()) / span) * (x2 - x1));
  const y = (value: number, scale: { min: number; max: number }) => {
    const clamped = Math.min(scale.max, Math.max(scale.min, value));
    return round(y2 - ((clamped - scale.min) / (scale.max - scale.min)) * (y2 - y1));
  };
  const moodDots = series.points.map((p) => ({ x: x(p.at), y: y(p.mood, MOOD), value: p.mood }));
  const cravingDots = series.points.map((p) => ({ x: x(p.at), y: y(p.craving, CRAVING), value: p.craving }));
  const line = (dots: { x: number; y: number }[]) => dots.map((d) => `${d.x},${d.y}`).join(' ');
  return {
    moodLine: line(moodDots),
    cravingLine: line(cravingDots),
    moodDots,
    cravingDots,
    useMarks: series.points.filter((p) => p.usedSinceLast).map((p) => x(p.at)),
    moodTicks: [1, 2, 3, 4, 5].map((v) => ({ y: y(v, MOOD), label: String(v) })),
    cravingTicks: [0, 5, 10].map((v) => ({ y: y(v, CRAVING), label: String(v) })),
    plot: { x1, x2, y1, y2 },
  };
}
