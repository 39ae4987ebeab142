import type { EChartsCoreOption } from 'echarts/core';
import type { QkdLinkSeries } from '../../api/schemas/security';
import {
  bandAreas,
  referenceMarkers,
  type ForecastColours,
  type ReferenceLine,
} from '../../components/chart/forecast-option';
import { LONG_SERIES_POINTS, timeZoom, ZOOM_SLIDER_ROOM } from '../../components/chart/time-zoom';
import { formatDuration, formatNumber, formatTime } from '../../lib/format';
import { keyPoolExhaustion } from '../../lib/key-pool';

/** One sample of a QKD link's history: what the charts plot, the tables list and the CSVs hold. */
export interface QkdRow {
  t: number;
  qber: number | null;
  rate: number | null;
  stored: number | null;
  consumption: number | null;
}

export function qkdRows(series: QkdLinkSeries): QkdRow[] {
  return series.timestamps.map((t, i) => ({
    t: Date.parse(t),
    qber: series.qberPercent[i] ?? null,
    rate: series.secretKeyRateKbps[i] ?? null,
    stored: series.storedKeysKbit[i] ?? null,
    consumption: series.consumptionKbps[i] ?? null,
  }));
}

/** The two lines a QBER is judged against, each saying what it means. */
export function qberReferences(series: QkdLinkSeries): { alarm: ReferenceLine; limit: ReferenceLine } {
  return {
    alarm: {
      value: series.qberAlarmPercent,
      label: `Alarm threshold ${formatNumber(series.qberAlarmPercent, 1)} %`,
    },
    limit: {
      value: series.qberSecurityLimitPercent,
      label: `Security limit ${formatNumber(series.qberSecurityLimitPercent, 1)} %: no secret key above`,
    },
  };
}

const axisTime = (colours: ForecastColours) => ({
  type: 'time',
  axisLabel: { color: colours.text, hideOverlap: true },
  axisLine: { lineStyle: { color: colours.grid } },
});

const valueAxis = (name: string, colours: ForecastColours, extra: Record<string, unknown> = {}) => ({
  type: 'value',
  name,
  min: 0,
  nameTextStyle: { color: colours.text },
  axisLabel: { color: colours.text },
  splitLine: { lineStyle: { color: colours.grid } },
  ...extra,
});

const pairs = (rows: readonly QkdRow[], pick: (r: QkdRow) => number | null) =>
  rows.map((r) => [r.t, pick(r)]);

/**
 * QBER over time with the operators' alarm threshold and the security limit drawn as labelled
 * lines, and the band above the limit (where no secret key can be distilled) shaded. The value
 * axis always reaches past the limit, so both lines are on the chart however calm the link.
 */
export function qberOption(series: QkdLinkSeries, colours: ForecastColours): EChartsCoreOption {
  const rows = qkdRows(series);
  const { alarm, limit } = qberReferences(series);
  const peak = Math.max(0, ...rows.map((r) => r.qber ?? 0));
  // A round top, so the axis ticks fall on round values.
  const top = Math.ceil(Math.max(limit.value * 1.2, peak * 1.1) / 5) * 5;
  const long = rows.length > LONG_SERIES_POINTS;
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 28, bottom: long ? 28 + ZOOM_SLIDER_ROOM : 28 },
    xAxis: axisTime(colours),
    yAxis: valueAxis('%', colours, { max: top }),
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value.toFixed(2)} %` : '—'),
    },
    dataZoom: long ? timeZoom(colours) : [],
    series: [
      {
        id: 'qber',
        name: 'QBER',
        type: 'line',
        data: pairs(rows, (r) => r.qber),
        showSymbol: false,
        connectNulls: false,
        sampling: 'lttb',
        lineStyle: { color: colours.observed, width: 2.5 },
        itemStyle: { color: colours.observed },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [...referenceMarkers([alarm], colours.now), ...referenceMarkers([limit], colours.threshold)],
        },
        markArea: {
          silent: true,
          data: bandAreas(
            [{ from: limit.value, to: top, label: 'No secret key', colour: colours.threshold }],
            colours.text,
          ),
        },
      },
    ],
  };
}

export const KEY_POOL_LEGEND = {
  stored: 'Stored keys (kbit)',
  rate: 'Secret key rate (kbit/s)',
  consumption: 'Consumption (kbit/s)',
} as const;

/**
 * The key pool: stored keys as an area on the left axis (kbit), and the secret key rate that fills
 * it against the consumption that drains it as lines on the right axis (kbit/s).
 */
export function keyPoolOption(series: QkdLinkSeries, colours: ForecastColours): EChartsCoreOption {
  const rows = qkdRows(series);
  const long = rows.length > LONG_SERIES_POINTS;
  return {
    animation: false,
    grid: { left: 56, right: 56, top: 36, bottom: long ? 28 + ZOOM_SLIDER_ROOM : 28 },
    legend: {
      top: 0,
      textStyle: { color: colours.text },
      data: [KEY_POOL_LEGEND.stored, KEY_POOL_LEGEND.rate, KEY_POOL_LEGEND.consumption],
    },
    xAxis: axisTime(colours),
    yAxis: [valueAxis('kbit', colours), valueAxis('kbit/s', colours, { splitLine: { show: false } })],
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    dataZoom: long ? timeZoom(colours) : [],
    series: [
      {
        id: 'stored',
        name: KEY_POOL_LEGEND.stored,
        type: 'line',
        yAxisIndex: 0,
        data: pairs(rows, (r) => r.stored),
        showSymbol: false,
        connectNulls: false,
        sampling: 'lttb',
        lineStyle: { color: colours.band, width: 1.5 },
        itemStyle: { color: colours.band },
        areaStyle: { color: colours.band, opacity: 0.35 },
      },
      {
        id: 'rate',
        name: KEY_POOL_LEGEND.rate,
        type: 'line',
        yAxisIndex: 1,
        data: pairs(rows, (r) => r.rate),
        showSymbol: false,
        connectNulls: false,
        sampling: 'lttb',
        lineStyle: { color: colours.median, width: 2.5 },
        itemStyle: { color: colours.median },
      },
      {
        id: 'consumption',
        name: KEY_POOL_LEGEND.consumption,
        type: 'line',
        yAxisIndex: 1,
        data: pairs(rows, (r) => r.consumption),
        showSymbol: false,
        connectNulls: false,
        sampling: 'lttb',
        lineStyle: { color: colours.threshold, width: 2, type: 'dashed' },
        itemStyle: { color: colours.threshold },
      },
    ],
  };
}

const hoursOf = (series: QkdLinkSeries) =>
  Math.round((Date.parse(series.to) - Date.parse(series.from)) / 3_600_000);

/** The sample with the largest value of a column, or undefined when it has none. */
function peakOf(rows: readonly QkdRow[], pick: (r: QkdRow) => number | null) {
  let best: QkdRow | undefined;
  for (const r of rows) {
    const v = pick(r);
    if (v !== null && (best === undefined || v > pick(best)!)) best = r;
  }
  return best;
}

/** How long the samples at or above `value` add up to, each standing for one step. */
function timeAtOrAbove(rows: readonly QkdRow[], value: number, stepSeconds: number): number {
  return rows.filter((r) => r.qber !== null && r.qber >= value).length * stepSeconds;
}

/** The QBER chart in words: the thresholds, where it is now, its peak and its time above them. */
export function qberSummary(series: QkdLinkSeries, linkName: string): string {
  const rows = qkdRows(series);
  const { alarm, limit } = qberReferences(series);
  const intro =
    `QBER of ${linkName} over the last ${hoursOf(series)} hours, against the alarm threshold of ` +
    `${formatNumber(alarm.value, 1)} % and the security limit of ${formatNumber(limit.value, 1)} %, ` +
    'above which no secret key can be distilled.';
  const now = rows.at(-1)?.qber ?? null;
  const peak = peakOf(rows, (r) => r.qber);
  if (now === null || !peak) return `${intro} No values reported.`;
  const above = timeAtOrAbove(rows, alarm.value, series.stepSeconds);
  const atLimit = timeAtOrAbove(rows, limit.value, series.stepSeconds);
  return (
    `${intro} Now ${formatNumber(now, 2)} %; peak ${formatNumber(peak.qber, 2)} % at ${formatTime(peak.t)}. ` +
    (above
      ? `At or above the alarm threshold for about ${formatDuration(above)}` +
        (atLimit ? `, at or above the security limit for about ${formatDuration(atLimit)}.` : '.')
      : 'Below the alarm threshold throughout.')
  );
}

/** Where the key pool stands now, in words: full, filling, or draining and when it runs out. */
export function keyPoolOutlook(storedKbit: number, rateKbps: number, consumptionKbps: number): string {
  const seconds = keyPoolExhaustion(storedKbit, rateKbps, consumptionKbps);
  const stock = `${formatNumber(storedKbit)} kbit stored, made at ${formatNumber(rateKbps, 2)} kbit/s and used at ${formatNumber(consumptionKbps, 2)} kbit/s`;
  if (seconds === null) return `${stock}: not draining.`;
  const drain = formatNumber(consumptionKbps - rateKbps, 2);
  return seconds === 0
    ? `${stock}: empty, short of ${drain} kbit/s.`
    : `${stock}: draining at ${drain} kbit/s, empty in about ${formatDuration(seconds)} at this rate.`;
}

/** The key-pool chart in words: where the pool stands now and its lowest point. */
export function keyPoolSummary(series: QkdLinkSeries, linkName: string): string {
  const rows = qkdRows(series);
  const intro = `Stored keys of ${linkName} over the last ${hoursOf(series)} hours, against the secret key rate that fills the pool and the consumption that drains it.`;
  const last = rows.at(-1);
  if (!last || last.stored === null || last.rate === null || last.consumption === null)
    return `${intro} No current values reported.`;
  const lowest = peakOf(rows, (r) => (r.stored === null ? null : -r.stored));
  return (
    `${intro} Now ${keyPoolOutlook(last.stored, last.rate, last.consumption)}` +
    (lowest ? ` Lowest ${formatNumber(lowest.stored)} kbit at ${formatTime(lowest.t)}.` : '')
  );
}
