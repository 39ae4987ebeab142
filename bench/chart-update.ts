/**
 * Chart update benchmark page (`npm run bench` builds it, serves it and reads `window.benchResults`).
 *
 * One refresh = a sensor's series comes back from a poll with new points at the end (the window
 * slides: `append` new points, as many old ones dropped), and the chart shows it. Paths, each on
 * its own chart of the same size, taking turns in short runs:
 * - territorio: the app's path. `seriesOption` builds the option and the `EChart` wrapper (mounted
 *   with React, as the app mounts it) hands it to its one ECharts instance: `setOption` merged,
 *   lazy (drawn in the next frame);
 * - rebuild: the same option from `seriesOption`, set with `notMerge: true` every refresh;
 * - naive: a freshly built option with the data as `[time, value]` pairs (`Date.parse` per point),
 *   no sampling, no zoom, set with `notMerge: true` every refresh.
 *
 * For each refresh the page records the option build, the synchronous update (build, React and
 * `setOption`), the time from the start until ECharts has drawn the new data into its canvas (the
 * first `rendered` event after the update) and the long tasks seen meanwhile. It sets
 * `performance.mark`s around each refresh (until ECharts' `finished` event), so the runner reads
 * every main-thread task from a Chromium trace.
 *
 * Query: ?points=100000&refreshes=20&warmup=3&perRound=5&append=10&paths=territorio,rebuild,naive
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesResponse } from '../src/api/schemas/sensors';
import { EChart } from '../src/components/chart/e-chart';
import { echarts } from '../src/components/chart/echarts';
import { seriesOption, type ChartColours } from '../src/components/chart/series-option';
import { LONG_SERIES_POINTS } from '../src/components/chart/time-zoom';

export type PathName = 'territorio' | 'rebuild' | 'naive';
const ALL_PATHS: PathName[] = ['territorio', 'rebuild', 'naive'];

export interface Sample {
  /** Building the option from the poll's response. */
  buildMs: number;
  /** The whole synchronous update: build, React render (territorio) and `setOption`. */
  syncMs: number;
  /** From the start of the update until ECharts has drawn it (first `rendered` event after it). */
  drawnMs: number;
  /** From the start of the update until ECharts' `finished` event. */
  finishedMs: number;
  /** Long tasks (> 50 ms) from the start until finished, as the page's PerformanceObserver saw them. */
  longTasksMs: number[];
}

export interface Block {
  path: PathName;
  warmup: number;
  samples: Sample[];
  /** After the block: the chart holds the last response's points, first and last time included. */
  check: { points: number; expected: number; lastTime: boolean; firstTime: boolean; zoom: boolean };
}

export interface BenchResults {
  points: number;
  append: number;
  refreshes: number;
  warmup: number;
  longSeriesPoints: number;
  chart: { width: number; height: number };
  blocks: Block[];
  totalMs: number;
}

/** What the runner reads (window.benchResults, or window.benchError if the page failed). */
const report = (result: { benchResults: BenchResults } | { benchError: string }) =>
  Object.assign(window, result);

const params = new URLSearchParams(location.search);
const num = (name: string, fallback: number) => {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const POINTS = num('points', 10_000);
const REFRESHES = num('refreshes', 20);
const WARMUP = num('warmup', 3);
const PER_ROUND = num('perRound', 5);
/** Refreshes not counted when a path takes its turn again. */
const REWARM = 1;
/** New points per refresh: ten minutes of a sensor reporting every minute. */
const APPEND = num('append', 10);
const PATHS = (params.get('paths')?.split(',') ?? ALL_PATHS).filter((p): p is PathName =>
  ALL_PATHS.includes(p as PathName),
);
const STEP_MS = 60_000;
const START_MS = Date.parse('2026-01-20T00:00:00Z');
const SETTLE_MS = 120;
const DRAW_TIMEOUT_MS = 60_000;
const COLOURS: ChartColours = { line: '#7cc4ff', text: '#b3bfcc', grid: '#2c3745' };

const status = document.getElementById('status')!;
const log = (message: string) => {
  status.textContent = message;
  console.log(`[bench] ${message}`);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A pollutant-like signal at one point a minute: a daily cycle, noise and the odd silent hour. */
let seed = 42;
const random = () => {
  seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
};
const times: string[] = [];
const values: (number | null)[] = [];
function extendTo(count: number) {
  let level = 40;
  while (times.length < count) {
    const i = times.length;
    const t = START_MS + i * STEP_MS;
    times.push(new Date(t).toISOString());
    level += (random() - 0.5) * 3 + (40 - level) * 0.01;
    const daily = 18 * Math.sin(((t % 86_400_000) / 86_400_000) * 2 * Math.PI - 2);
    const silent = i % 7_919 < 60;
    values.push(silent ? null : Math.round((level + daily + random() * 6) * 10) / 10);
  }
}

let refreshIndex = 0;
/** The next poll's answer: the same window, moved on by APPEND points, in fresh arrays. */
function nextResponse(): SeriesResponse {
  const start = refreshIndex++ * APPEND;
  extendTo(start + POINTS);
  const timestamps = times.slice(start, start + POINTS);
  return {
    sensorId: 'air-bench',
    metric: 'no2',
    unit: 'µg/m³',
    from: timestamps[0]!,
    to: timestamps[timestamps.length - 1]!,
    timestamps,
    values: values.slice(start, start + POINTS),
  };
}

/** What a chart commonly does: `[time, value]` pairs built afresh, no sampling, no zoom. */
function naiveOption(series: SeriesResponse, colours: ChartColours): EChartsCoreOption {
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

interface Path {
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

function createPath(name: PathName, first: SeriesResponse): Path {
  const box = chartBox(name);
  if (name === 'territorio') {
    const root = createRoot(box);
    const render = (option: EChartsCoreOption) =>
      flushSync(() =>
        root.render(createElement(EChart, { option, label: 'Benchmark series', className: 'chart' })),
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
  const element = document.createElement('div');
  element.className = 'chart';
  box.append(element);
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  const build = name === 'rebuild' ? seriesOption : naiveOption;
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

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the runner's trace still has every task.
}

/** One refresh: the update, then ECharts' `rendered` (drawn) and `finished` events. */
async function measure(label: string, path: Path, series: SeriesResponse): Promise<Sample> {
  await sleep(SETTLE_MS);
  await sleep(0); // start in a task of its own, as a poll's answer would
  const { chart } = path;
  let drawnAt = NaN;
  let finish: (t: number) => void = () => {};
  const finished = new Promise<number>((resolve) => (finish = resolve));
  const onRendered = () => {
    if (Number.isNaN(drawnAt)) drawnAt = performance.now();
  };
  const onFinished = () => finish(performance.now());
  chart.on('rendered', onRendered);
  chart.on('finished', onFinished);
  performance.mark(`bench:${label}:start`);
  const t0 = performance.now();
  const buildMs = path.update(series);
  const t1 = performance.now();
  const t2 = await Promise.race([
    finished,
    sleep(DRAW_TIMEOUT_MS).then(() =>
      Promise.reject(new Error(`${label}: not drawn in ${DRAW_TIMEOUT_MS} ms`)),
    ),
  ]);
  performance.mark(`bench:${label}:end`);
  chart.off('rendered', onRendered);
  chart.off('finished', onFinished);
  await sleep(60); // long-task entries arrive after their task
  return {
    buildMs,
    syncMs: t1 - t0,
    drawnMs: (Number.isNaN(drawnAt) ? t2 : drawnAt) - t0,
    finishedMs: t2 - t0,
    longTasksMs: longTasks.filter((l) => l.start + l.duration > t0 && l.start < t2).map((l) => l.duration),
  };
}

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

/** Whether the chart holds exactly the response's points (read back from ECharts' own model). */
function check(chart: echarts.ECharts, series: SeriesResponse): Block['check'] {
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

async function run() {
  const started = performance.now();
  log(`${POINTS} points, ${APPEND} new a refresh; paths ${PATHS.join(', ')}`);
  const first = nextResponse();
  const paths = Object.fromEntries(PATHS.map((name) => [name, createPath(name, first)])) as Record<
    PathName,
    Path
  >;
  await sleep(500);

  const rounds = Math.ceil(REFRESHES / PER_ROUND);
  const blocks = PATHS.map((path): Block => ({
    path,
    warmup: WARMUP,
    samples: [],
    check: { points: 0, expected: 0, firstTime: false, lastTime: false, zoom: false },
  }));
  for (let round = 0; round < rounds; round++) {
    for (const block of blocks) {
      const path = paths[block.path];
      const warmup = round === 0 ? WARMUP : REWARM;
      const count = Math.min(PER_ROUND, REFRESHES - block.samples.length);
      let series = first;
      for (let i = 0; i < warmup + count; i++) {
        series = nextResponse();
        const warm = i < warmup;
        const label = `${block.path}:${warm ? `warmup:${round}:${i}` : `run:${block.samples.length}`}`;
        const sample = await measure(label, path, series);
        if (!warm) block.samples.push(sample);
      }
      block.check = check(path.chart, series);
    }
    log(`round ${round + 1} of ${rounds} done`);
  }
  for (const block of blocks) {
    const s = block.samples;
    log(
      `${block.path}: build ${median(s.map((x) => x.buildMs)).toFixed(1)} ms, sync ` +
        `${median(s.map((x) => x.syncMs)).toFixed(1)} ms, drawn ${median(s.map((x) => x.drawnMs)).toFixed(1)} ms ` +
        `(median of ${s.length})`,
    );
  }
  const box = paths[PATHS[0]!].chart.getDom();
  report({
    benchResults: {
      points: POINTS,
      append: APPEND,
      refreshes: REFRESHES,
      warmup: WARMUP,
      longSeriesPoints: LONG_SERIES_POINTS,
      chart: { width: box.clientWidth, height: box.clientHeight },
      blocks,
      totalMs: performance.now() - started,
    },
  });
  log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

run().catch((error: unknown) => {
  const benchError = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  report({ benchError });
  log(`failed: ${benchError}`);
});
