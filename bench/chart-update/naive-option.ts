import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesResponse } from '../../src/api/schemas/sensors';

interface Colours {
  line: string;
  text: string;
  grid: string;
}

/** What a chart commonly does: `[time, value]` pairs built afresh, no sampling, no zoom. */
export function naiveOption(series: SeriesResponse, colours: Colours): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 48, right: 12, top: 12, bottom: 28 },
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
        data: series.timestamps.map((t, i) => [Date.parse(t), series.values[i]]),
        showSymbol: false,
        connectNulls: false,
        lineStyle: { color: colours.line, width: 2 },
        itemStyle: { color: colours.line },
      },
    ],
  };
}
