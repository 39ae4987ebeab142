/**
 * Map refresh (bench/map-refresh.html): refreshes through Territorio's update path
 * (MapController.setSensors) and the naive one (a full setData of a freshly built FeatureCollection
 * every refresh), for a `since=` poll where about 3 % of the sensors changed and one where all did,
 * in a 1080p window (a 1600×900 map) and on a 4K wall (the map fills 3840×2160, marks scaled ×2).
 */
import type { BenchResults, Block, CaseName, PathName } from '../../bench/map-refresh/results.ts';
import type { BrowserMode } from './browser.ts';
import { count, fmt, median, NAIVE_RATIO_LEGEND, pad, printSizeTable, ratio, table } from './figures.ts';
import { frameLeft } from './frame-budget.ts';
import { blockFigures, defineMeasure, longestTaskRow, type SizeResults, type SummaryRow } from './measure.ts';
import type { RefreshTasks, TraceFigure } from './trace.ts';

const WALL_4K = { width: 3840, height: 2160 };
/**
 * Measured refreshes per block (after warm-up): fewer at 50,000 and at 4K, where SwiftShader is slow
 * (a 4K frame takes it seconds, so 3 refreshes there keep the whole run near a quarter of an hour).
 */
const PLAN = [
  { size: 1_000, refreshes: 20, warmup: 3 },
  { size: 10_000, refreshes: 20, warmup: 3 },
  { size: 50_000, refreshes: 10, warmup: 2 },
  { size: 10_000, refreshes: 3, warmup: 1, viewport: WALL_4K },
  { size: 50_000, refreshes: 3, warmup: 1, viewport: WALL_4K },
];
const AIM = { sensors: 10_000, deltaMs: 16, fullMs: 50 };
const TRACE_FIGURES: TraceFigure[] = [
  'callTaskMs',
  'callTaskCpuMs',
  'longestTaskCpuMs',
  'mainBusyCpuMs',
  'frames',
  'longestFrameMs',
  'framesMs',
  'workerMessagesMs',
  'otherMs',
  'longestTaskMs',
  'mainBusyMs',
  'blockingMs',
  'gpuWaitMs',
  'rawLongestTaskMs',
  'workerBusyMs',
];
const CASES: CaseName[] = ['delta', 'all'];
const CASE_LABEL: Record<CaseName, string> = { delta: '3 % delta', all: 'all changed' };
const PATH_LABEL: Record<PathName, string> = { territorio: 'Territorio', naive: 'naive' };
const TASK_KINDS = ['call', 'frame', 'message', 'other'] as const;

function summariseBlock(block: Block, traced: readonly RefreshTasks[]) {
  const kinds = traced.map((t) => t.longestTaskKind);
  return {
    case: block.case,
    path: block.path,
    changedShare: median(block.samples.map((s) => s.changedShare)),
    applied: [...new Set(block.samples.flatMap((s) => Object.values(s.applied)))].join('/'),
    ...blockFigures(block.samples, traced, ['syncMs', 'drawnMs', 'mergeMs'], TRACE_FIGURES),
    longestTaskIs: Object.fromEntries(
      TASK_KINDS.map((k) => [k, kinds.filter((x) => x === k).length]),
    ) as Record<(typeof TASK_KINDS)[number], number>,
  };
}

type MapSize = SizeResults<BenchResults, ReturnType<typeof summariseBlock>>;
type MapBlock = MapSize['blocks'][number];

/** A run whose map fills a window larger than 1080p. */
const isWall = (size: MapSize) => size.map.width > 1920;
/** The sensors, and the map's size on a wall. */
const where = (size: MapSize) =>
  `${count(size.sensors)}${isWall(size) ? ` ${size.map.width}×${size.map.height}` : ''}`;

function findBlock(size: MapSize, kase: CaseName, path: PathName): MapBlock {
  const block = size.blocks.find((b) => b.case === kase && b.path === path);
  if (!block) throw new Error(`the map page reported no ${kase} block for ${path}`);
  return block;
}

const TABLE = table([
  ['sensors', 16, true],
  ['case', 11, true],
  ['path', 10, true],
  ['changed', 7],
  ['sync', 5],
  ['call task', 9],
  ['blocking', 8],
  ['(CPU)', 6],
  ['main busy', 9],
  ['TBT', 5],
  ['drawn', 6],
  ['naive/T blocking (CPU)', 22],
  ['naive/T drawn', 13],
]);

function blockRow(size: MapSize, b: MapBlock, naive: MapBlock) {
  const vsNaive = b.path !== 'naive';
  return TABLE.row([
    where(size),
    CASE_LABEL[b.case],
    PATH_LABEL[b.path],
    `${(b.changedShare * 100).toFixed(1)} %`,
    fmt(b.syncMs),
    fmt(b.callTaskMs),
    fmt(b.longestTaskMs),
    fmt(b.longestTaskCpuMs),
    fmt(b.mainBusyMs),
    fmt(b.blockingMs),
    fmt(b.drawnMs),
    vsNaive
      ? `${ratio(naive.longestTaskMs, b.longestTaskMs)} (${ratio(naive.longestTaskCpuMs, b.longestTaskCpuMs)})`
      : '',
    vsNaive ? ratio(naive.drawnMs, b.drawnMs) : '',
  ]);
}

const LEGEND = [
  'One refresh = both live sources (air, traffic) updated for one poll. From the Chromium trace, main thread:',
  '  sync          the update call itself: diff or FeatureCollection built and handed to MapLibre',
  '  call task     the whole task of that call, with the microtasks in which MapLibre serialises and posts it',
  '  blocking      main-thread blocking: the longest task from the call until drawn (call, frame or worker result)',
  "  (CPU)         the same by the main thread's CPU time: wall-clock figures also count time the thread",
  '                waited for a core while other processes ran, CPU time does not',
  '  main busy     all main-thread task time in that span;  TBT: the time of tasks beyond 50 ms, summed',
  '  drawn         from the call until the map is idle with the new content of every updated source',
  NAIVE_RATIO_LEGEND,
];
const GPU_WAIT_LEGEND =
  '  blocking columns leave out time spent waiting for SwiftShader to read frames back (see gpuWaitMs)';

/** One line per size: what was on the map, what the longest tasks were, and whether the delta path stayed exact. */
function sizeNote(size: MapSize) {
  const t = findBlock(size, 'delta', 'territorio');
  const consistent = Object.entries(size.deltaConsistent)
    .map(
      ([kase, c]) =>
        `${CASE_LABEL[kase as CaseName]}: ${c.mismatches === 0 ? 'same as a full rebuild' : `${c.mismatches} of ${c.checked} features DIFFER`}`,
    )
    .join(', ');
  return (
    `${where(size)} sensors: ${size.air} air + ${size.traffic} traffic on the map ` +
    `(${size.map.width}×${size.map.height}, marks ×${size.map.scale})` +
    `${size.clustered ? ', clustered' : ''}; ${size.refreshes} refreshes per row after ${size.warmup} warm-up (and 1 more at each turn); ` +
    `Territorio delta: longest task was the call ${t.longestTaskIs.call}×, a frame ${t.longestTaskIs.frame}×, ` +
    `a worker result ${t.longestTaskIs.message}×; ${fmt(t.frames)} frames, longest ${fmt(t.longestFrameMs)} ms; ` +
    `mergeReadings ${fmt(t.mergeMs)} ms before the update (not in the table); Territorio's sources after each case: ${consistent}.`
  );
}

function printAims(size: MapSize) {
  const verdict = (b: MapBlock, budget: number) => {
    const met = (ms: number) =>
      `${fmt(ms)} ms ${ms <= budget ? `≤ ${budget} ms: met` : `> ${budget} ms: MISSED`}`;
    return (
      `${met(b.longestTaskMs)}; CPU time ${met(b.longestTaskCpuMs)}` +
      ` (call task ${fmt(b.callTaskMs)} ms, longest frame ${fmt(b.longestFrameMs)} ms)`
    );
  };
  console.log('');
  console.log(
    `Aims at ${count(AIM.sensors)} sensors, main-thread blocking (longest task) of the Territorio path:`,
  );
  console.log(`  3 % delta refresh    ${verdict(findBlock(size, 'delta', 'territorio'), AIM.deltaMs)}`);
  console.log(`  all-changed refresh  ${verdict(findBlock(size, 'all', 'territorio'), AIM.fullMs)}`);
}

/** The parts of the update path the page timed apart, one column per size. */
function printExperiments(sizes: readonly MapSize[]) {
  // Timed apart, off the map: the window's size does not change them.
  const all = sizes.filter((s) => !isWall(s));
  const first = all[0]?.experiments ?? [];
  console.log('');
  console.log('Parts of the update path, timed apart on the last delta poll (median of 15):');
  console.log(`  ${pad('', 22, true)}${all.map((s) => pad(count(s.sensors), 9)).join('')}`);
  for (const { name, what } of first) {
    const cells = all.map((s) => {
      const e = s.experiments.find((x) => x.name === name);
      return pad(e ? (e.unit === 'ms' ? `${fmt(e.value)} ms` : String(e.value)) : '', 9);
    });
    console.log(`  ${pad(name, 22, true)}${cells.join('')}   ${what}`);
  }
}

function printTable(all: readonly MapSize[], mode: BrowserMode) {
  printSizeTable(all, mode, {
    name: 'Map refresh',
    table: TABLE,
    rows: (size) =>
      CASES.flatMap((kase) => {
        const naive = findBlock(size, kase, 'naive');
        return size.blocks.filter((x) => x.case === kase).map((b) => blockRow(size, b, naive));
      }),
    legend: [...LEGEND, ...(mode.gpuWait ? [GPU_WAIT_LEGEND] : [])],
    note: sizeNote,
  });
  const atAim = all.find((s) => s.sensors === AIM.sensors && !isWall(s));
  if (atAim) printAims(atAim);
  printExperiments(all);
}

/** Budget column: the aim at its size, and what the refresh leaves of a 60 Hz frame. */
function budget(size: MapSize, territorio: MapBlock) {
  const aim = size.sensors === AIM.sensors && !isWall(size) ? '≤ 50 ms at 10,000; ' : '';
  return `${aim}60 Hz: ${frameLeft(territorio.longestTaskMs)}`;
}

function summaryRows(all: readonly MapSize[]): SummaryRow[] {
  return all.flatMap((size) =>
    CASES.map((kase): SummaryRow => {
      const territorio = findBlock(size, kase, 'territorio');
      const at = isWall(size) ? ' on 4K' : ' sensors';
      return longestTaskRow(
        `Map refresh, ${count(size.sensors)}${at}, ${kase === 'delta' ? '3 % changed' : 'all changed'}: blocking`,
        territorio,
        findBlock(size, kase, 'naive'),
        budget(size, territorio),
      );
    }),
  );
}

export const mapRefresh = defineMeasure({
  part: 'map',
  page: 'map-refresh',
  sizeParam: 'sensors',
  plan: PLAN,
  env: { sizes: 'BENCH_SENSORS', refreshes: 'BENCH_REFRESHES' },
  resultsFile: 'map-refresh.json',
  aim: AIM,
  heading: ({ size, refreshes, warmup, viewport }) =>
    `${count(size)} sensors${viewport ? `, map filling ${viewport.width}×${viewport.height}` : ''}: ` +
    `${refreshes} refreshes per block after ${warmup} warm-up` +
    (refreshes < PLAN[0]!.refreshes ? ' (fewer at this size: SwiftShader is slow)' : ''),
  traceLabel: (block: Block, i) => `${block.case}:${block.path}:run:${i}`,
  summariseBlock,
  printTable,
  summaryRows,
});
