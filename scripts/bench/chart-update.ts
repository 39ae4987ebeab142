/**
 * Chart update (bench/chart-update.html): a sensor series that slides on by new points every
 * refresh, shown through Territorio's path (seriesOption + the EChart wrapper: a typed-array
 * dataset, LTTB, a zoom window above LONG_SERIES_POINTS, setOption merged), the same option set
 * with `notMerge: true`, and the naive path (a fresh option of `[time, value]` pairs, no sampling,
 * `notMerge: true`).
 */
import type { BenchResults, Block, PathName } from '../../bench/chart-update.ts';
import type { BrowserMode } from './browser.ts';
import { count, fmt, ratio, table } from './figures.ts';
import { defineMeasure, medians, type SizeResults, type SummaryRow } from './measure.ts';
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
  const samples = block.samples.map((s) => ({ ...s, longestLongTaskMs: Math.max(0, ...s.longTasksMs) }));
  return {
    path: block.path,
    refreshes: block.samples.length,
    tracedRefreshes: traced.length,
    check: block.check,
    ...medians(samples, ['buildMs', 'syncMs', 'drawnMs', 'finishedMs', 'longestLongTaskMs']),
    ...medians(traced, TRACE_FIGURES),
    maxLongestTaskMs: Math.max(0, ...traced.map((t) => t.longestTaskMs)),
  };
}

type ChartSize = SizeResults<BenchResults, ReturnType<typeof summariseBlock>>;
type ChartBlock = ChartSize['blocks'][number];

const { row, heading, rule } = table([
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
  return row([
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
  "  naive/T       the naive value divided by this path's: above 1× the path is faster than naive",
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
  console.log('');
  console.log(`Chart update: medians in ms. Chromium ${mode.browser}, ${mode.label}.`);
  console.log(heading());
  console.log(rule());
  for (const size of all) {
    const naive = size.blocks.find((b) => b.path === 'naive');
    for (const b of size.blocks) console.log(blockRow(size, b, naive));
    console.log(rule());
  }
  console.log(LEGEND.join('\n'));
  console.log('');
  for (const size of all) console.log(sizeNote(size));
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
      [
        `Chart update, ${count(size.points)} points: longest task`,
        `${fmt(t.longestTaskMs)} ms`,
        `${fmt(n.longestTaskMs)} ms`,
        ratio(n.longestTaskMs, t.longestTaskMs, ''),
        `no task > ${AIM.longestTaskMs} ms`,
      ],
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
