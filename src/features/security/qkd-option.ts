import type { EChartsCoreOption } from 'echarts/core';
import type { QkdLinkSeries } from '../../api/schemas/security';
import {
  bandAreas,
  referenceMarkers,
  type ForecastColours,
  type ReferenceLine,
} from '../../components/chart/forecast-option';
import { timeAxis, valueAxis } from '../../components/chart/axes';
import { LONG_SERIES_POINTS, timeZoom, ZOOM_SLIDER_ROOM } from '../../components/chart/time-zoom';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { formatDuration, formatNumber, formatPercent, formatTime } from '../../lib/format';
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
export function qberReferences(
  series: QkdLinkSeries,
  t: Translate,
): { alarm: ReferenceLine; limit: ReferenceLine } {
  return {
    alarm: {
      value: series.qberAlarmPercent,
      label: t('qkd.chart.alarm', { value: formatNumber(series.qberAlarmPercent, 1) }),
    },
    limit: {
      value: series.qberSecurityLimitPercent,
      label: t('qkd.chart.limit', { value: formatNumber(series.qberSecurityLimitPercent, 1) }),
    },
  };
}

const pairs = (rows: readonly QkdRow[], pick: (r: QkdRow) => number | null) =>
  rows.map((r) => [r.t, pick(r)]);

/**
 * QBER over time with the operators' alarm threshold and the security limit drawn as labelled
 * lines, and the band above the limit (where no secret key can be distilled) shaded. The value
 * axis always reaches past the limit, so both lines are on the chart however calm the link.
 */
export function qberOption(series: QkdLinkSeries, colours: ForecastColours, t: Translate): EChartsCoreOption {
  const rows = qkdRows(series);
  const { alarm, limit } = qberReferences(series, t);
  const peak = Math.max(0, ...rows.map((r) => r.qber ?? 0));
  // A round top, so the axis ticks fall on round values; never below 5 %, which also keeps
  // a top of zero away when the figures are tiny enough to underflow in the rounding.
  const top = Math.max(5, Math.ceil(Math.max(limit.value * 1.2, peak * 1.1) / 5) * 5);
  const long = rows.length > LONG_SERIES_POINTS;
  return {
    animation: false,
    grid: { left: 48, right: 24, top: 28, bottom: long ? 28 + ZOOM_SLIDER_ROOM : 28 },
    xAxis: timeAxis(colours),
    yAxis: valueAxis('%', colours, { max: top }),
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? formatPercent(value / 100, 2) : '—'),
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
            [{ from: limit.value, to: top, label: t('qkd.chart.noSecretKey'), colour: colours.threshold }],
            colours.text,
          ),
        },
      },
    ],
  };
}

export const KEY_POOL_LEGEND = {
  stored: 'qkd.legend.stored',
  rate: 'qkd.legend.rate',
  consumption: 'qkd.legend.consumption',
} as const satisfies Record<string, MessageKey>;

/**
 * The key pool: stored keys as an area on the left axis (kbit), and the secret key rate that fills
 * it against the consumption that drains it as lines on the right axis (kbit/s).
 */
export function keyPoolOption(
  series: QkdLinkSeries,
  colours: ForecastColours,
  t: Translate,
): EChartsCoreOption {
  const rows = qkdRows(series);
  const long = rows.length > LONG_SERIES_POINTS;
  const names = {
    stored: t(KEY_POOL_LEGEND.stored),
    rate: t(KEY_POOL_LEGEND.rate),
    consumption: t(KEY_POOL_LEGEND.consumption),
  };
  return {
    animation: false,
    grid: { left: 56, right: 56, top: 36, bottom: long ? 28 + ZOOM_SLIDER_ROOM : 28 },
    legend: {
      top: 0,
      textStyle: { color: colours.text },
      data: [names.stored, names.rate, names.consumption],
    },
    xAxis: timeAxis(colours),
    yAxis: [valueAxis('kbit', colours), valueAxis('kbit/s', colours, { splitLine: { show: false } })],
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    dataZoom: long ? timeZoom(colours) : [],
    series: [
      {
        id: 'stored',
        name: names.stored,
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
        name: names.rate,
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
        name: names.consumption,
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
export function qberSummary(series: QkdLinkSeries, linkName: string, t: Translate): string {
  const rows = qkdRows(series);
  const { alarm, limit } = qberReferences(series, t);
  const intro = t('qkd.qberSummary.intro', {
    name: linkName,
    hours: hoursOf(series),
    alarm: formatNumber(alarm.value, 1),
    limit: formatNumber(limit.value, 1),
  });
  const now = rows.at(-1)?.qber ?? null;
  const peak = peakOf(rows, (r) => r.qber);
  if (now === null || !peak) return `${intro} ${t('qkd.noValues')}`;
  const above = timeAtOrAbove(rows, alarm.value, series.stepSeconds);
  const atLimit = timeAtOrAbove(rows, limit.value, series.stepSeconds);
  const current = t('qkd.qberSummary.now', {
    now: formatNumber(now, 2),
    peak: formatNumber(peak.qber, 2),
    time: formatTime(peak.t),
  });
  const time = !above
    ? t('qkd.qberSummary.below')
    : atLimit
      ? t('qkd.qberSummary.aboveBoth', { alarm: formatDuration(above), limit: formatDuration(atLimit) })
      : t('qkd.qberSummary.aboveAlarm', { alarm: formatDuration(above) });
  return `${intro} ${current} ${time}`;
}

/** Where the key pool stands now, in words: full, filling, or draining and when it runs out. */
export function keyPoolOutlook(
  storedKbit: number,
  rateKbps: number,
  consumptionKbps: number,
  t: Translate,
): string {
  const seconds = keyPoolExhaustion(storedKbit, rateKbps, consumptionKbps);
  const stock = t('qkd.outlook.stock', {
    stored: formatNumber(storedKbit),
    rate: formatNumber(rateKbps, 2),
    consumption: formatNumber(consumptionKbps, 2),
  });
  if (seconds === null) return t('qkd.outlook.notDraining', { stock });
  const drain = formatNumber(consumptionKbps - rateKbps, 2);
  return seconds === 0
    ? t('qkd.outlook.empty', { stock, drain })
    : t('qkd.outlook.draining', { stock, drain, duration: formatDuration(seconds) });
}

/** The key-pool chart in words: where the pool stands now and its lowest point. */
export function keyPoolSummary(series: QkdLinkSeries, linkName: string, t: Translate): string {
  const rows = qkdRows(series);
  const intro = t('qkd.keyPoolSummary.intro', { name: linkName, hours: hoursOf(series) });
  const last = rows.at(-1);
  if (!last || last.stored === null || last.rate === null || last.consumption === null)
    return `${intro} ${t('qkd.noCurrentValues')}`;
  const lowest = peakOf(rows, (r) => (r.stored === null ? null : -r.stored));
  const now = t('qkd.keyPoolSummary.now', {
    outlook: keyPoolOutlook(last.stored, last.rate, last.consumption, t),
  });
  return lowest
    ? `${intro} ${now} ${t('qkd.keyPoolSummary.lowest', { stored: formatNumber(lowest.stored), time: formatTime(lowest.t) })}`
    : `${intro} ${now}`;
}
