import type { FC } from 'hono/jsx';
import type { Translate } from '../../i18n/index.js';
import { CHART, chartGeometry } from '../chart-geometry.js';
import type { ChartSeries } from '../chart-query.js';

/** Mood (1–5) and craving (0–10) over the last weeks as inline SVG: drawn on the server, no script. */
export const MoodChart: FC<{ t: Translate; series: ChartSeries; fromLabel: string; toLabel: string }> = ({ t, series, fromLabel, toLabel }) => {
  if (series.points.length === 0) return <p class="empty">{t('people.chart.empty')}</p>;
  const g = chartGeometry(series);
  const { x1, x2, y1, y2 } = g.plot;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-label={t('people.chart.label', { count: series.points.length })}
        xmlns="http://www.w3.org/2000/svg"
        id="mood-chart"
      >
        <rect class="plot" x={x1} y={y1} width={x2 - x1} height={y2 - y1} />
        {g.moodTicks.map((tick) => (
          <>
            <line class="grid" x1={x1} x2={x2} y1={tick.y} y2={tick.y} />
            <text class="axis mood" x={x1 - 6} y={tick.y + 4} text-anchor="end">
              {tick.label}
            </text>
          </>
        ))}
        {g.cravingTicks.map((tick) => (
          <text class="axis craving" x={x2 + 6} y={tick.y + 4} text-anchor="start">
            {tick.label}
          </text>
        ))}
        <text class="axis" x={x1} y={CHART.height - 8} text-anchor="start">
          {fromLabel}
        </text>
        <text class="axis" x={x2} y={CHART.height - 8} text-anchor="end">
          {toLabel}
        </text>
        {g.useMarks.map((x) => (
          <line class="use-mark" x1={x} x2={x} y1={y1} y2={y2}>
            <title>{t('people.chart.used')}</title>
          </line>
        ))}
        <polyline class="line mood" points={g.moodLine} fill="none" />
        <polyline class="line craving" points={g.cravingLine} fill="none" />
        {g.moodDots.map((d) => (
          <circle class="dot mood" cx={d.x} cy={d.y} r={3}>
            <title>{t('people.chart.moodValue', { value: d.value })}</title>
          </circle>
        ))}
        {g.cravingDots.map((d) => (
          <circle class="dot craving" cx={d.x} cy={d.y} r={3}>
            <title>{t('people.chart.cravingValue', { value: d.value })}</title>
          </circle>
        ))}
      </svg>
      <figcaption class="legend">
        <span class="key mood">{t('people.chart.mood')}</span>
        <span class="key craving">{t('people.chart.craving')}</span>
        <span class="key use">{t('people.chart.used')}</span>
      </figcaption>
    </figure>
  );
};
