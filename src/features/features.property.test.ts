import fc from 'fast-check';
import { t } from '../i18n/i18n';
import * as arb from '../test/arbitraries';
import { formatKpiValue, kpiAssessment } from './kpis/kpi-assessment';
import { kpiTrendOption, TREND_COLOURS, trendPoints } from './kpis/kpi-trend-option';
import {
  keyPoolOption,
  keyPoolOutlook,
  keyPoolSummary,
  qberOption,
  qberSummary,
  qkdRows,
} from './security/qkd-option';

const RUNS = { numRuns: 1000 };
// A thousand runs can outlast the default 5 s on a busy machine.
vi.setConfig({ testTimeout: 60_000 });
const COLOURS = {
  text: '#eee',
  grid: '#333',
  observed: '#fff',
  median: '#0af',
  band: '#08f',
  now: '#ff0',
  threshold: '#f80',
};
const words = (s: string) => {
  expect(s.length).toBeGreaterThan(0);
  expect(s).not.toMatch(/NaN|undefined|Infinity|\{\w+\}/);
};

interface Option {
  yAxis: { min: number; max: number } | { max?: number }[];
  series: { id: string; data: unknown[]; markPoint?: unknown; markLine?: unknown }[];
}

describe('a KPI card', () => {
  it('says whether the KPI meets its target, which way it moved, and ranks misses first', () => {
    fc.assert(
      fc.property(arb.kpi, (kpi) => {
        const a = kpiAssessment(kpi);
        words(a.label);
        expect(a.change === '—').toBe(kpi.value === null || kpi.previous === null);
        if (a.change !== '—') words(a.change);
        expect(a.delta).toBe(kpi.value !== null && kpi.previous !== null ? kpi.value - kpi.previous : null);
        expect({ bad: 0, neutral: 1, good: 2, warning: -1 }[a.tone]).toBe(a.rank);
        if (kpi.value === null || kpi.target === null) expect(a.tone).toBe('neutral');
        else {
          const meets =
            kpi.direction === 'higher-is-better' ? kpi.value >= kpi.target : kpi.value <= kpi.target;
          expect(a.tone).toBe(meets ? 'good' : 'bad');
        }
        const value = formatKpiValue(kpi.value, kpi.unit);
        if (kpi.value === null) expect(value).toBe('—');
        else expect(value).not.toMatch(/NaN|undefined/);
      }),
      RUNS,
    );
  });

  it('plots a trend of two or more values with the target and every value inside the plot', () => {
    // A trend is charted only with two values or more; beyond ±1e300 the padding overflows.
    const value = fc.double({ min: -1e300, max: 1e300, noNaN: true });
    const trended = arb.kpi.chain((kpi) =>
      fc
        .array(fc.option(value, { nil: null }), { maxLength: 12 })
        .filter((trend) => trend.filter((v) => v !== null).length >= 2)
        .map((trend) => ({
          ...kpi,
          trend,
          target: kpi.target === null ? null : Math.max(-1e300, Math.min(1e300, kpi.target)),
        })),
    );
    fc.assert(
      fc.property(trended, arb.ms, fc.nat({ max: 400 * 86_400_000 }), (kpi, to, length) => {
        const points = trendPoints(kpi, to - length, to);
        expect(points.map((p) => p.value)).toEqual(kpi.trend);
        expect(points.at(-1)!.endsAt).toBe(to);
        const option = kpiTrendOption(
          points,
          kpi.target,
          { period: String, value: String, target: 'Target' },
          TREND_COLOURS.dark,
        ) as unknown as Option;
        const { min, max } = option.yAxis as { min: number; max: number };
        expect(Number.isFinite(min) && Number.isFinite(max)).toBe(true);
        expect(min).toBeLessThan(max);
        for (const v of [...kpi.trend, kpi.target]) if (v !== null) expect(v >= min && v <= max).toBe(true);
        expect(option.series[0]!.data).toEqual(kpi.trend);
        expect(option.series[0]!.markLine === undefined).toBe(kpi.target === null);
      }),
      RUNS,
    );
  });
});

describe('a QKD link in charts and words', () => {
  it('plots every sample on both charts, with the axis past the security limit', () => {
    fc.assert(
      fc.property(arb.qkdLinkSeries, (series) => {
        const rows = qkdRows(series);
        expect(rows).toHaveLength(series.timestamps.length);
        const qber = qberOption(series, COLOURS, t) as unknown as Option;
        const top = (qber.yAxis as { max: number }).max;
        expect(Number.isFinite(top)).toBe(true);
        expect(top).toBeGreaterThanOrEqual(series.qberSecurityLimitPercent);
        for (const r of rows) if (r.qber !== null) expect(r.qber).toBeLessThanOrEqual(top);
        const pool = keyPoolOption(series, COLOURS, t) as unknown as Option;
        for (const s of [...qber.series, ...pool.series]) expect(s.data).toHaveLength(rows.length);
      }),
      RUNS,
    );
  });

  it('describes the QBER and the key pool in whole sentences, whatever the link reported', () => {
    fc.assert(
      fc.property(arb.qkdLinkSeries, arb.text, (series, name) => {
        const qber = qberSummary(series, name, t);
        const pool = keyPoolSummary(series, name, t);
        for (const s of [qber, pool]) {
          words(s.replace(name, ''));
          expect(s).toContain(name);
        }
      }),
      RUNS,
    );
  });

  it('says whether the key pool drains, and when it runs out, for any figures', () => {
    const figure = fc.oneof(fc.double({ min: 0, max: 1e6, noNaN: true }), arb.nonNegative);
    fc.assert(
      fc.property(figure, figure, figure, (stored, rate, consumption) => {
        words(keyPoolOutlook(stored, rate, consumption, t));
      }),
      RUNS,
    );
  });
});
