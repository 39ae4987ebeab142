import type { QkdLinkSeries } from '../../api/schemas/security';
import { t } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import {
  KEY_POOL_LEGEND,
  keyPoolOption,
  keyPoolOutlook,
  keyPoolSummary,
  qberOption,
  qberSummary,
  qkdRows,
} from './qkd-option';

const colours = {
  text: '#eee',
  grid: '#333',
  observed: '#fff',
  median: '#0af',
  band: '#08f',
  now: '#ff0',
  threshold: '#f80',
};

const T0 = Date.parse('2026-03-11T06:00:00Z');
const STEP = 300_000;
const times = [0, 1, 2, 3, 4].map((i) => new Date(T0 + i * STEP).toISOString());

/** Five samples 5 minutes apart: QBER rising through the alarm threshold to the security limit. */
const series: QkdLinkSeries = {
  linkId: 'qkd-a-b',
  from: new Date(T0 + 4 * STEP - 2 * 3_600_000).toISOString(),
  to: times[4]!,
  stepSeconds: 300,
  qberAlarmPercent: 6,
  qberSecurityLimitPercent: 11,
  timestamps: times,
  qberPercent: [2.5, 5.9, 6, 11.2, null],
  secretKeyRateKbps: [10, 6, 5, 0, 0],
  storedKeysKbit: [8000, 7900, 7600, 6000, 5400],
  consumptionKbps: [7, 8, 9, 6, 6],
};

type Mark = { yAxis: number; label: { formatter: string }; lineStyle: { color: string } };
type LineSeries = {
  id: string;
  name: string;
  yAxisIndex?: number;
  data: [number, number | null][];
  markLine?: { data: Mark[] };
  markArea?: { data: [{ yAxis: number; name: string }, { yAxis: number }][] };
};

describe('QKD chart options', () => {
  it('lines the columns up by time', () => {
    expect(qkdRows(series)[3]).toEqual({
      t: T0 + 3 * STEP,
      qber: 11.2,
      rate: 0,
      stored: 6000,
      consumption: 6,
    });
    expect(qkdRows(series)[4]!.qber).toBeNull();
  });

  it('draws the QBER with the alarm threshold and the security limit as labelled lines', () => {
    const option = qberOption(series, colours, t) as { series: LineSeries[]; yAxis: { max: number } };
    const [qber] = option.series;
    expect(qber!.data).toEqual([
      [T0, 2.5],
      [T0 + STEP, 5.9],
      [T0 + 2 * STEP, 6],
      [T0 + 3 * STEP, 11.2],
      [T0 + 4 * STEP, null],
    ]);
    expect(qber!.markLine!.data.map((m) => [m.yAxis, m.label.formatter, m.lineStyle.color])).toEqual([
      [6, 'Alarm threshold 6%', colours.now],
      [11, 'Security limit 11%: no secret key above', colours.threshold],
    ]);
    // The band above the limit is shaded and named, up to the top of the axis.
    expect(qber!.markArea!.data).toEqual([
      [expect.objectContaining({ yAxis: 11, name: 'No secret key' }), { yAxis: option.yAxis.max }],
    ]);
  });

  it('keeps both lines on the chart however calm the link, and room above a high peak', () => {
    const calm = { ...series, qberPercent: [1, 1.2, 1.1, 1, 1] };
    // 11 × 1.2 = 13.2, up to the next multiple of 5.
    expect((qberOption(calm, colours, t) as { yAxis: { max: number } }).yAxis.max).toBe(15);
    // 30 × 1.1 = 33.
    const wild = { ...series, qberPercent: [1, 30, 1, 1, 1] };
    expect((qberOption(wild, colours, t) as { yAxis: { max: number } }).yAxis.max).toBe(35);
    // Figures too small to survive the rounding still get an axis that holds them.
    const tiny = { ...series, qberSecurityLimitPercent: 5e-324, qberPercent: [5e-324, 0, 0, 0, 0] };
    expect((qberOption(tiny, colours, t) as { yAxis: { max: number } }).yAxis.max).toBe(5);
  });

  it('puts the stored keys on the kbit axis and the rates on the kbit/s axis', () => {
    const option = keyPoolOption(series, colours, t) as { series: LineSeries[]; yAxis: { name: string }[] };
    expect(option.yAxis.map((a) => a.name)).toEqual(['kbit', 'kbit/s']);
    expect(option.series.map((s) => [s.name, s.yAxisIndex])).toEqual([
      [t(KEY_POOL_LEGEND.stored), 0],
      [t(KEY_POOL_LEGEND.rate), 1],
      [t(KEY_POOL_LEGEND.consumption), 1],
    ]);
    expect(option.series[0]!.data.map(([, v]) => v)).toEqual([8000, 7900, 7600, 6000, 5400]);
    expect(option.series[2]!.data.map(([, v]) => v)).toEqual([7, 8, 9, 6, 6]);
  });
});

describe('QKD summaries', () => {
  it('names both thresholds and says how long the QBER spent above them', () => {
    const text = qberSummary(series, 'A – B', t);
    expect(text).toContain('alarm threshold of 6%');
    expect(text).toContain('security limit of 11%');
    // The last sample is missing: there is no value for now.
    expect(qberSummary({ ...series, qberPercent: [2.5, 5.9, 6, 11.2, 4] }, 'A – B', t)).toBe(
      'QBER of A – B over the last 2 hours, against the alarm threshold of 6% and the security limit of 11%, ' +
        'above which no secret key can be distilled. ' +
        `Now 4%; peak 11.2% at ${formatTime(T0 + 3 * STEP)}. ` +
        // Two samples at or above 6 % (6 and 11.2), one at or above 11 %, 5 minutes each.
        'At or above the alarm threshold for about 10 min, at or above the security limit for about 5 min.',
    );
    expect(text).toMatch(/No values reported\.$/);
  });

  it('says when the QBER stayed below the threshold', () => {
    expect(qberSummary({ ...series, qberPercent: [1, 2, 3, 2, 1] }, 'A – B', t)).toMatch(
      /Below the alarm threshold throughout\.$/,
    );
  });

  it('tells whether the key pool is draining and when it runs out', () => {
    expect(keyPoolOutlook(8000, 9.76, 7.66, t)).toBe(
      '8,000 kbit stored, made at 9.76 kbit/s and used at 7.66 kbit/s: not draining.',
    );
    // 5,400 kbit at a net 6 kbit/s: 900 s.
    expect(keyPoolOutlook(5400, 0, 6, t)).toBe(
      '5,400 kbit stored, made at 0 kbit/s and used at 6 kbit/s: draining at 6 kbit/s, empty in about 15 min at this rate.',
    );
    expect(keyPoolOutlook(0, 1, 3, t)).toBe(
      '0 kbit stored, made at 1 kbit/s and used at 3 kbit/s: empty, short of 2 kbit/s.',
    );
    expect(keyPoolSummary(series, 'A – B', t)).toBe(
      'Stored keys of A – B over the last 2 hours, against the secret key rate that fills the pool and the consumption that drains it. ' +
        'Now 5,400 kbit stored, made at 0 kbit/s and used at 6 kbit/s: draining at 6 kbit/s, empty in about 15 min at this rate. ' +
        `Lowest 5,400 kbit at ${formatTime(T0 + 4 * STEP)}.`,
    );
  });
});
