import type { Kpi } from '../../api/schemas/kpis';
import { kpiTrendOption, TREND_COLOURS, trendPoints } from './kpi-trend-option';

const DAY = 86_400_000;
const kpi: Kpi = {
  id: 'congestion-index',
  label: 'Congestion index',
  unit: '%',
  value: 24,
  target: 20,
  previous: 26,
  direction: 'lower-is-better',
  trend: [30, null, 26, 24],
};
const labels = {
  period: (t: number) => new Date(t).toISOString().slice(0, 10),
  value: String,
  target: 'Target',
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

describe('KPI trend chart', () => {
  const to = Date.UTC(2026, 11, 1);
  const points = trendPoints(kpi, to - 7 * DAY, to);

  it('dates each period of the trend back from the period shown', () => {
    expect(points.map((p) => p.endsAt)).toEqual([to - 21 * DAY, to - 14 * DAY, to - 7 * DAY, to]);
    expect(points.map((p) => p.value)).toEqual([30, null, 26, 24]);
  });

  it('plots the values with a gap where a period has none, the target dashed, the current value marked', () => {
    const option = kpiTrendOption(points, 20, labels, TREND_COLOURS.dark) as Loose;
    const [series] = option.series;
    expect(series.data).toEqual([30, null, 26, 24]);
    expect(series.connectNulls).toBe(false);
    expect(series.markLine.data).toEqual([{ yAxis: 20, name: 'Target' }]);
    expect(series.markLine.lineStyle.type).toBe('dashed');
    expect(series.markPoint.data).toEqual([{ coord: [3, 24] }]);
    expect(option.xAxis.data).toEqual(['2026-11-10', '2026-11-17', '2026-11-24', '2026-12-01']);
    expect(option.tooltip.renderMode).toBe('richText');
  });

  it('keeps the target and every value inside the plot', () => {
    const option = kpiTrendOption(points, 10, labels, TREND_COLOURS.light) as Loose;
    expect(option.yAxis.min).toBeLessThan(10);
    expect(option.yAxis.max).toBeGreaterThan(30);
  });

  it('draws a flat trend without a target', () => {
    const flat = kpiTrendOption(
      trendPoints({ ...kpi, trend: [0, 0] }, 0, DAY),
      null,
      labels,
      TREND_COLOURS.dark,
    ) as Loose;
    expect(flat.series[0].markLine).toBeUndefined();
    expect(flat.yAxis.max).toBeGreaterThan(flat.yAxis.min);
  });
});
