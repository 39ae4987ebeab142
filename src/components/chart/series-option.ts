import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesResponse } from '../../api/schemas/sensors';
import { timeValuePairs } from './series-data';
import { LONG_SERIES_POINTS, timeZoom, ZOOM_SLIDER_ROOM } from './time-zoom';

export interface ChartColours {
  line: string;
  text: string;
  grid: string;
}

/**
 * A sensor's history as a line chart. The data goes to ECharts as one typed array of
 * `[time, value]` pairs (no per-point objects, not cloned by `setOption`), downsampled with LTTB to
 * the plot's width, without symbols; a long series gets a zoom window, and LTTB then works on
 * the window shown. Tooltips are plain text (no HTML from the API).
 */
export function seriesOption(series: SeriesResponse, colours: ChartColours): EChartsCoreOption {
  const source = timeValuePairs(series.timestamps, series.values);
  const long = source.length / 2 > LONG_SERIES_POINTS;
  return {
    animation: false,
    grid: { left: 48, right: 12, top: 12, bottom: long ? 28 + ZOOM_SLIDER_ROOM : 28 },
    dataset: {
      id: 'history',
      dimensions: [
        { name: 't', type: 'time' },
        { name: 'v', type: 'float' },
      ],
      source,
    },
    xAxis: {
      type: 'time',
      axisLabel: { color: colours.text, hideOverlap: true },
      axisLine: { lineStyle: { color: colours.grid } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: series.unit,
      nameTextStyle: { color: colours.text },
      axisLabel: { color: colours.text },
      splitLine: { lineStyle: { color: colours.grid } },
    },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    dataZoom: long ? timeZoom(colours) : [],
    series: [
      {
        id: 'history',
        type: 'line',
        encode: { x: 't', y: 'v' },
        showSymbol: false,
        connectNulls: false,
        sampling: 'lttb',
        lineStyle: { color: colours.line, width: 2 },
        itemStyle: { color: colours.line },
      },
    ],
  };
}
