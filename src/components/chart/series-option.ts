import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesResponse } from '../../api/schemas/sensors';

export interface ChartColours {
  line: string;
  text: string;
  grid: string;
}

/**
 * A sensor's recent history as a small line chart. The data goes in as dataset columns and
 * tooltips are plain text (no HTML from the API).
 */
export function seriesOption(series: SeriesResponse, colours: ChartColours): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 12, top: 12, bottom: 28 },
    dataset: { source: { t: series.timestamps.map((t) => Date.parse(t)), v: series.values } },
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
    series: [
      {
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
