/**
 * Chart update (bench/chart-update.html): a sensor series that slides on by new points every
 * refresh, shown through Territorio's path (seriesOption + the EChart wrapper: a typed-array
 * dataset, LTTB, a zoom window above LONG_SERIES_POINTS, setOption merged), the same option set
 * with `notMerge: true`, and the naive path (a fresh option of `[time, value]` pairs, no sampling,
 * `notMerge: true`).
 */
import type { BenchResults, Block, PathName } from '../../bench/chart-update/results.ts';
import type { BrowserMode } from './browser.ts';
import { count, fmt, NAIVE_RATIO_LEGEND, printSizeTable, ratio, table } from './figures.ts';
import { blockFigures, defineMeasure, longestTaskRow, type SizeResults, type SummaryRow } from './measure.ts';
import type { RefreshTasks, TraceFigure } from './trace.ts';

/** Measured refreshes per path (after warm-up): fewer at 100,000, where the naive path is slow. */
const PLAN = [
  { size: 10_000, refreshes: 20, warmup: 3 },
  { size: 100_000, refreshes: 15, warmup: 2 },
];
/** Budget of DESIGN.md §8: no long task over 100 ms. */
const AIM = { longestTaskMs: 100 };
const TRACE_FIGURES: TraceFigure[] = [
  'callTaskMs',
  'longestTaskMs',
  'longestTaskCpuMs',
  'mainBusyMs',
  'blockingMs',
];
const PATH_LABEL: Record<PathName, string> = { territorio: 'Territorio', rebuild: 'rebuild', naive: 'naive' };

function summariseBlock(block: Block, traced: readonly RefreshTasks[]) {
  return {
    path: block.path,
    check: block.check,
    ...blockFigures(block.samples, traced, ['buildMs', 'syncMs', 'drawnMs', 'finishedMs'], TRACE_FIGURES),
    maxLongestTaskMs: Math.max(0, ...traced.map((t) => t.longestTaskMs)),
  };
}

type ChartSize = SizeResults<BenchResults, ReturnType<typeof summariseBlock>>;
type ChartBlock = ChartSize['blocks'][number];

const TABLE = table([
  ['points', 7, true],
  ['path', 10, true],
  ['build', 5],
  ['sync', 5],
  ['drawn', 6],
  ['longest task', 12],
  ['(CPU)', 6],
  ['worst', 5],
  ['main busy', 9],
  ['TBT', 5],
  ['naive/T busy', 12],
  ['naive/T longest', 15],
  ['naive/T drawn', 13],
]);

function blockRow(size: ChartSize, b: ChartBlock, naive: ChartBlock | undefined) {
  const vsNaive = naive && b.path !== 'naive';
  return TABLE.row([
    count(size.points),
    PATH_LABEL[b.path],
    fmt(b.buildMs),
    fmt(b.syncMs),
    fmt(b.drawnMs),
    fmt(b.longestTaskMs),
    fmt(b.longestTaskCpuMs),
    fmt(b.maxLongestTaskMs),
    fmt(b.mainBusyMs),
    fmt(b.blockingMs),
    vsNaive ? ratio(naive.mainBusyMs, b.mainBusyMs) : '',
    vsNaive ? ratio(naive.longestTaskMs, b.longestTaskMs) : '',
    vsNaive ? ratio(naive.drawnMs, b.drawnMs) : '',
  ]);
}

const LEGEND = [
  'One refresh = a poll brings the series moved on by new points; the chart shows it. Paths:',
  '  Territorio    seriesOption (typed-array dataset, LTTB, zoom window when long) through the EChart',
  '                wrapper, mounted with React: setOption merged, drawn in the next frame',
  "  rebuild       Territorio's option set with notMerge: true every refresh",
  '  naive         a fresh option of [time, value] pairs, no sampling, set with notMerge: true',
  'Columns:',
  '  build         building the option from the response (parsing its timestamps included)',
  '  sync          the synchronous update: build, React render (Territorio) and setOption',
  '  drawn         from the start of the update until ECharts has drawn the new data into its canvas;',
  "                Territorio's wrapper draws in the next animation frame, so its figure includes the",
  '                wait for that frame (up to 16.7 ms) where the others draw at once, inside setOption',
  '  longest task  main-thread blocking: the longest task from the update until ECharts is finished,',
  "                from the Chromium trace; (CPU) the same by the main thread's CPU time;",
  '                worst: the longest of all refreshes, not the median',
  '  main busy     all main-thread task time in that span: the work one refresh costs;',
  '                TBT: the time of tasks beyond 50 ms, summed',
  NAIVE_RATIO_LEGEND,
];

/** One line per size: its refreshes, and whether each chart holds the last poll's series. */
function sizeNote(size: ChartSize) {
  const checks = size.blocks
    .map(({ path, check: c }) => {
      const ok = c.points === c.expected && c.firstTime && c.lastTime;
      return `${PATH_LABEL[path]} ${ok ? 'holds' : `DIFFERS from`} the last poll (${count(c.points)} points${c.zoom ? ', zoom window' : ''})`;
    })
    .join('; ');
  return (
    `${count(size.points)} points (${size.append} new a refresh, chart ${size.chart.width}×${size.chart.height} px, ` +
    `zoom window above ${count(size.longSeriesPoints)} points): ${size.refreshes} refreshes per path after ` +
    `${size.warmup} warm-up (and 1 more at each turn); after the last: ${checks}.`
  );
}

function printTable(all: readonly ChartSize[], mode: BrowserMode) {
  printSizeTable(all, mode, {
    name: 'Chart update',
    table: TABLE,
    rows: (size) => {
      const naive = size.blocks.find((b) => b.path === 'naive');
      return size.blocks.map((b) => blockRow(size, b, naive));
    },
    legend: LEGEND,
    note: sizeNote,
  });
  const largest = all.at(-1);
  const t = largest?.blocks.find((b) => b.path === 'territorio');
  if (largest && t) {
    const met = t.longestTaskMs <= AIM.longestTaskMs;
    console.log(
      `\nAim at ${count(largest.points)} points, no long task over ${AIM.longestTaskMs} ms in Territorio's update: ` +
        `median ${fmt(t.longestTaskMs)} ms, worst ${fmt(t.maxLongestTaskMs)} ms: ${met ? 'met' : 'MISSED'} (median).`,
    );
  }
}

function summaryRows(all: readonly ChartSize[]): SummaryRow[] {
  return all.flatMap((size): SummaryRow[] => {
    const t = size.blocks.find((b) => b.path === 'territorio');
    const n = size.blocks.find((b) => b.path === 'naive');
    if (!t || !n) return [];
    return [
      longestTaskRow(
        `Chart update, ${count(size.points)} points: longest task`,
        t,
        n,
        `no task > ${AIM.longestTaskMs} ms`,
      ),
    ];
  });
}

export const chartUpdate = defineMeasure({
  part: 'chart',
  page: 'chart-update',
  sizeParam: 'points',
  plan: PLAN,
  env: { sizes: 'BENCH_POINTS', refreshes: 'BENCH_CHART_REFRESHES' },
  resultsFile: 'chart-update.json',
  aim: AIM,
  heading: ({ size, refreshes, warmup }) =>
    `Chart, ${count(size)} points: ${refreshes} refreshes per path after ${warmup} warm-up`,
  traceLabel: (block: Block, i) => `${block.path}:run:${i}`,
  summariseBlock,
  printTable,
  summaryRows,
});
