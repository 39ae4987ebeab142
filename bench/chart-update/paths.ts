/**
 * How each path hands the chart a poll's series, each on a chart of its own of the same size:
 * - territorio: the app's path. `seriesOption` builds the option and the `EChart` wrapper (mounted
 *   with React, as the app mounts it) hands it to its one ECharts instance: `setOption` merged,
 *   lazy (drawn in the next frame);
 * - rebuild: the same option from `seriesOption`, set with `notMerge: true` every refresh;
 * - naive: a freshly built option with the data as `[time, value]` pairs (`Date.parse` per point),
 *   no sampling, no zoom, set with `notMerge: true` every refresh.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesResponse } from '../../src/api/schemas/sensors';
import { EChart } from '../../src/components/chart/e-chart';
import { echarts } from '../../src/components/chart/echarts';
import { seriesOption, type ChartColours } from '../../src/components/chart/series-option';
import { naiveOption } from './naive-option';
import type { PathName } from './results';

const COLOURS: ChartColours = { line: '#7cc4ff', text: '#b3bfcc', grid: '#2c3745' };

export interface Path {
  chart: echarts.ECharts;
  /** Builds the option for the response and hands it over; returns the build time. */
  update: (series: SeriesResponse) => number;
}

function chartBox(path: PathName) {
  const box = document.createElement('div');
  box.dataset.path = path;
  document.getElementById('charts')!.append(box);
  return box;
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const value = fn();
  return [value, performance.now() - t];
}

function territorioPath(box: HTMLElement, first: SeriesResponse): Path {
  const root = createRoot(box);
  const render = (option: EChartsCoreOption) =>
    flushSync(() =>
      // Inside a router, as in the app: the chart reads the screen's mode from the address.
      root.render(
        createElement(
          MemoryRouter,
          null,
          createElement(EChart, { option, label: 'Benchmark series', className: 'chart' }),
        ),
      ),
    );
  render(seriesOption(first, COLOURS));
  // The wrapper's box holds the element ECharts draws in (scaled up on a 4K screen).
  const chart = echarts.getInstanceByDom(box.querySelector<HTMLElement>('.chart > div')!)!;
  return {
    chart,
    update: (series) => {
      const [option, buildMs] = timed(() => seriesOption(series, COLOURS));
      render(option);
      return buildMs;
    },
  };
}

/** An ECharts instance of its own, given a whole new option every refresh. */
function notMergePath(
  box: HTMLElement,
  first: SeriesResponse,
  build: (series: SeriesResponse, colours: ChartColours) => EChartsCoreOption,
): Path {
  const element = document.createElement('div');
  element.className = 'chart';
  box.append(element);
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  chart.setOption(build(first, COLOURS));
  return {
    chart,
    update: (series) => {
      const [option, buildMs] = timed(() => build(series, COLOURS));
      chart.setOption(option, { notMerge: true });
      return buildMs;
    },
  };
}

export function createPath(name: PathName, first: SeriesResponse): Path {
  const box = chartBox(name);
  if (name === 'territorio') return territorioPath(box, first);
  return notMergePath(box, first, name === 'rebuild' ? seriesOption : naiveOption);
}
