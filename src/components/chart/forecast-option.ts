import type { EChartsCoreOption } from 'echarts/core';
import type { ForecastStep } from '../../api/schemas/forecasts';
import { currentLocale, t as currentT, type Translate } from '../../i18n/i18n';
import { LONG_SERIES_POINTS, timeZoom, ZOOM_SLIDER_ROOM } from './time-zoom';

export interface ForecastColours {
  text: string;
  grid: string;
  observed: string;
  median: string;
  band: string;
  now: string;
  threshold: string;
}

export interface ReferenceLine {
  value: number;
  label: string;
}

export interface BandArea {
  from: number;
  to: number;
  label: string;
  colour: string;
}

export interface ForecastChartInput {
  observed: readonly { t: string; value: number }[];
  steps: readonly ForecastStep[];
  nowMs: number;
  unit: string;
  colours: ForecastColours;
  /** Horizontal reference lines: congestion thresholds, EU limit values. */
  references?: readonly ReferenceLine[];
  /** Value ranges painted behind the data, e.g. EAQI bands. */
  areas?: readonly BandArea[];
  /** Names series and marks; the current language's by default. */
  t?: Translate;
}

/** The rows a forecast chart plots: one per time, observed and/or predicted. Also what CSV exports. */
export interface ForecastRow {
  t: number;
  observed: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export function forecastRows(
  observed: ForecastChartInput['observed'],
  steps: readonly ForecastStep[],
): ForecastRow[] {
  const rows = new Map<number, ForecastRow>();
  const row = (t: number) => {
    let r = rows.get(t);
    if (!r) rows.set(t, (r = { t, observed: null, p10: null, p50: null, p90: null }));
    return r;
  };
  for (const o of observed) row(Date.parse(o.t)).observed = o.value;
  for (const s of steps) Object.assign(row(Date.parse(s.t)), { p10: s.p10, p50: s.p50, p90: s.p90 });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** The now marker: a vertical line labelled "now" (in the language on screen). */
export function nowMarker(nowMs: number, colour: string, t: Translate = currentT) {
  return {
    xAxis: nowMs,
    lineStyle: { color: colour, type: 'solid', width: 2 },
    label: { formatter: t('chart.now'), color: colour },
  };
}

/** Reference lines as horizontal mark lines, each labelled with its meaning. */
export function referenceMarkers(references: readonly ReferenceLine[], colour: string) {
  // Close lines (e.g. limits of 50 and 45) alternate their labels above and below, so none overlap.
  const byHeight = [...references].sort((a, b) => b.value - a.value);
  return references.map((r) => ({
    yAxis: r.value,
    lineStyle: { color: colour, type: 'dashed', width: 1.5 },
    label: {
      formatter: r.label,
      color: colour,
      position: byHeight.indexOf(r) % 2 === 0 ? 'insideEndTop' : 'insideEndBottom',
    },
  }));
}

/** Band areas painted behind the data (e.g. EAQI bands), named at their left edge. */
export function bandAreas(areas: readonly BandArea[], text: string) {
  return areas.map((a) => [
    {
      yAxis: a.from,
      name: a.label,
      itemStyle: { color: a.colour, opacity: 0.18 },
      label: { color: text, position: 'insideLeft' },
    },
    { yAxis: a.to },
  ]);
}

/**
 * Observed values, the median forecast and its p10–p90 band (drawn as a stacked area over p10),
 * with the now marker, reference lines and band areas. Tooltips are plain text. The observed line
 * is downsampled (LTTB) to the plot's width, and a long chart gets a zoom window.
 */
export function forecastOption(input: ForecastChartInput): EChartsCoreOption {
  const { colours, t = currentT } = input;
  const rows = forecastRows(input.observed, input.steps);
  const at = (pick: (r: ForecastRow) => number | null) => rows.map((r) => [r.t, pick(r)]);
  const long = rows.length > LONG_SERIES_POINTS;
  const names = {
    observed: t('chart.observed'),
    median: t('chart.medianForecast'),
    range: t('chart.likelyRange'),
  };
  const oneDecimal = new Intl.NumberFormat(currentLocale(), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 28, bottom: long ? 36 + ZOOM_SLIDER_ROOM : 36 },
    legend: {
      top: 0,
      textStyle: { color: colours.text },
      data: [names.observed, names.median, names.range],
    },
    xAxis: {
      type: 'time',
      axisLabel: { color: colours.text, hideOverlap: true },
      axisLine: { lineStyle: { color: colours.grid } },
    },
    yAxis: {
      type: 'value',
      name: input.unit,
      nameTextStyle: { color: colours.text },
      axisLabel: { color: colours.text },
      splitLine: { lineStyle: { color: colours.grid } },
      min: 0,
    },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      valueFormatter: (value: unknown) =>
        typeof value === 'number' ? `${oneDecimal.format(value)} ${input.unit}` : '—',
    },
    dataZoom: long ? timeZoom(colours) : [],
    series: [
      {
        id: 'observed',
        name: names.observed,
        type: 'line',
        data: at((r) => r.observed),
        showSymbol: false,
        connectNulls: false,
        sampling: 'lttb',
        lineStyle: { color: colours.observed, width: 2.5 },
        itemStyle: { color: colours.observed },
        markArea: input.areas?.length
          ? { silent: true, data: bandAreas(input.areas, colours.text) }
          : undefined,
      },
      {
        id: 'p10',
        name: 'p10',
        type: 'line',
        data: at((r) => r.p10),
        stack: 'range',
        showSymbol: false,
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        silent: true,
      },
      {
        id: 'range',
        name: names.range,
        type: 'line',
        data: at((r) => (r.p90 === null || r.p10 === null ? null : r.p90 - r.p10)),
        stack: 'range',
        showSymbol: false,
        lineStyle: { opacity: 0 },
        areaStyle: { color: colours.band, opacity: 0.35 },
        itemStyle: { color: colours.band },
        tooltip: { show: false },
        silent: true,
      },
      {
        id: 'median',
        name: names.median,
        type: 'line',
        data: at((r) => r.p50),
        showSymbol: false,
        lineStyle: { color: colours.median, width: 2.5, type: 'dashed' },
        itemStyle: { color: colours.median },
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            nowMarker(input.nowMs, colours.now, t),
            ...referenceMarkers(input.references ?? [], colours.threshold),
          ],
        },
      },
    ],
  };
}

/** Predicted against observed, one point per pair, with the line of perfect prediction. */
export function predictedVsObservedOption(
  pairs: readonly { predicted: number; observed: number }[],
  unit: string,
  colours: Pick<ForecastColours, 'text' | 'grid' | 'median' | 'threshold'>,
  t: Translate = currentT,
): EChartsCoreOption {
  const max = Math.ceil(Math.max(1, ...pairs.flatMap((p) => [p.predicted, p.observed])) / 10) * 10;
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 28, bottom: 44 },
    xAxis: {
      type: 'value',
      name: t('chart.observedIn', { unit }),
      nameLocation: 'middle',
      nameGap: 28,
      min: 0,
      max,
      axisLabel: { color: colours.text },
      nameTextStyle: { color: colours.text },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    yAxis: {
      type: 'value',
      name: t('chart.predictedIn', { unit }),
      min: 0,
      max,
      axisLabel: { color: colours.text },
      nameTextStyle: { color: colours.text },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    tooltip: { trigger: 'item', renderMode: 'richText' },
    series: [
      {
        id: 'forecasts',
        name: t('chart.forecasts'),
        type: 'scatter',
        symbolSize: 7,
        // Past 2,000 pairs (largeThreshold), drawn as one shape instead of one per point.
        large: true,
        data: pairs.map((p) => [p.observed, p.predicted]),
        itemStyle: { color: colours.median },
      },
      {
        id: 'perfect',
        name: t('chart.perfectPrediction'),
        type: 'line',
        data: [
          [0, 0],
          [max, max],
        ],
        showSymbol: false,
        silent: true,
        lineStyle: { color: colours.threshold, type: 'dashed' },
      },
    ],
  };
}
