/** Whether a chart holds exactly a response's points, read back from ECharts' own model. */
import type { ECharts } from 'echarts/core';
import type { SeriesResponse } from '../../src/api/schemas/sensors';
import type { Check } from './results';

/** The parts of ECharts' model the check reads (not in its public types). */
interface ModelView {
  getModel(): {
    getSeriesByIndex(i: number): { getData(): { count(): number }; getRawData(): RawData };
    getComponent(type: string, index: number): object | undefined;
  };
}
interface RawData {
  count(): number;
  get(dim: string, index: number): unknown;
  getDimension(index: number): string;
}

export const NOT_CHECKED: Check = { points: 0, expected: 0, firstTime: false, lastTime: false, zoom: false };

export function check(chart: ECharts, series: SeriesResponse): Check {
  const model = (chart as unknown as ModelView).getModel();
  const raw = model.getSeriesByIndex(0).getRawData();
  const x = raw.getDimension(0);
  const count = raw.count();
  return {
    points: count,
    expected: series.timestamps.length,
    firstTime: raw.get(x, 0) === Date.parse(series.timestamps[0]!),
    lastTime: raw.get(x, count - 1) === Date.parse(series.timestamps[series.timestamps.length - 1]!),
    zoom: model.getComponent('dataZoom', 0) !== undefined,
  };
}
