import type { EChartsCoreOption } from 'echarts/core';
import type { Kpi } from '../../api/schemas/kpis';
import type { Theme } from '../../store/ui-store';

export interface TrendColours {
  line: string;
  target: string;
  text: string;
}

export const TREND_COLOURS: Record<Theme, TrendColours> = {
  dark: { line: '#7cc4ff', target: '#ffd54a', text: '#b3bfcc' },
  light: { line: '#0b5cad', target: '#8a5a00', text: '#3f4b59' },
};

/** One point of a KPI's trend: the period it ends and its value. */
export interface TrendPoint {
  endsAt: number;
  value: number | null;
}

/** A KPI's trend with the end of each period, the last being the period shown (`to`). */
export function trendPoints(kpi: Kpi, fromMs: number, toMs: number): TrendPoint[] {
  const length = toMs - fromMs;
  const last = kpi.trend.length - 1;
  return kpi.trend.map((value, i) => ({ endsAt: toMs - (last - i) * length, value }));
}

/**
 * A small trend chart: the KPI over the last periods, its target as a dashed line, the current
 * period's value marked. Text in tooltips is plain (no HTML from the API).
 */
export function kpiTrendOption(
  points: readonly TrendPoint[],
  target: number | null,
  labels: { period: (endsAt: number) => string; value: (v: number) => string; target: string },
  colours: TrendColours,
): EChartsCoreOption {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const all = target === null ? values : [...values, target];
  const low = Math.min(...all);
  const high = Math.max(...all);
  const pad = (high - low) * 0.15 || Math.abs(high) * 0.1 || 1;
  return {
    animation: false,
    grid: { left: 4, right: 4, top: 8, bottom: 4 },
    xAxis: { type: 'category', show: false, data: points.map((p) => labels.period(p.endsAt)) },
    yAxis: { type: 'value', show: false, min: low - pad, max: high + pad },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.value(v) : '—'),
    },
    series: [
      {
        id: 'trend',
        type: 'line',
        data: points.map((p) => p.value),
        connectNulls: false,
        showSymbol: false,
        lineStyle: { color: colours.line, width: 3 },
        itemStyle: { color: colours.line },
        markPoint:
          points.at(-1)?.value === null || points.length === 0
            ? undefined
            : {
                symbol: 'circle',
                symbolSize: 10,
                label: { show: false },
                itemStyle: { color: colours.line },
                data: [{ coord: [points.length - 1, points.at(-1)!.value] }],
              },
        markLine:
          target === null
            ? undefined
            : {
                silent: true,
                symbol: 'none',
                label: { show: false },
                lineStyle: { color: colours.target, type: 'dashed', width: 2 },
                data: [{ yAxis: target, name: labels.target }],
              },
      },
    ],
  };
}
