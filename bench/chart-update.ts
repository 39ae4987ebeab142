/**
 * Chart update benchmark page (`npm run bench` builds it, serves it and reads `window.benchResults`).
 *
 * One refresh = a sensor's series comes back from a poll with new points at the end (the window
 * slides: `append` new points, as many old ones dropped), and the chart shows it. Paths (see
 * chart-update/paths.ts), each on its own chart of the same size, take turns in short runs:
 * territorio (the app's path), rebuild (the same option, `notMerge: true`) and naive.
 *
 * For each refresh the page records the option build, the synchronous update (build, React and
 * `setOption`), the time from the start until ECharts has drawn the new data into its canvas (the
 * first `rendered` event after the update) and the long tasks seen meanwhile. It sets
 * `performance.mark`s around each refresh (until ECharts' `finished` event), so the runner reads
 * every main-thread task from a Chromium trace.
 *
 * Query: ?points=100000&refreshes=20&warmup=3&perRound=5&append=10&paths=territorio,rebuild,naive
 */
import { LONG_SERIES_POINTS } from '../src/components/chart/time-zoom';
import { check, NOT_CHECKED } from './chart-update/check';
import { measure } from './chart-update/measure';
import { createPath, type Path } from './chart-update/paths';
import type { BenchResults, Block, PathName } from './chart-update/results';
import { seriesPolls } from './chart-update/series';
import { log, median, numParam, REFRESHES, runPage, sleep, takeTurns, textParam, WARMUP } from './harness';

const ALL_PATHS: PathName[] = ['territorio', 'rebuild', 'naive'];
const POINTS = numParam('points', 10_000);
/** New points per refresh: ten minutes of a sensor reporting every minute. */
const APPEND = numParam('append', 10);
const PATHS = (textParam('paths')?.split(',') ?? ALL_PATHS).filter((p): p is PathName =>
  ALL_PATHS.includes(p as PathName),
);

const nextResponse = seriesPolls(POINTS, APPEND);

async function run(): Promise<Omit<BenchResults, 'totalMs'>> {
  log(`${POINTS} points, ${APPEND} new a refresh; paths ${PATHS.join(', ')}`);
  const first = nextResponse();
  const paths = Object.fromEntries(PATHS.map((name) => [name, createPath(name, first)])) as Record<
    PathName,
    Path
  >;
  await sleep(500);

  const blocks = PATHS.map((path): Block => ({
    path,
    warmup: WARMUP,
    samples: [],
    check: { ...NOT_CHECKED },
  }));
  let shown = first;
  await takeTurns(blocks, {
    labelOf: (block) => block.path,
    refresh: (block, { label }) => {
      shown = nextResponse();
      return measure(label, paths[block.path], shown);
    },
    afterTurn: (block) => {
      block.check = check(paths[block.path].chart, shown);
    },
  });
  for (const block of blocks) {
    const s = block.samples;
    log(
      `${block.path}: build ${median(s.map((x) => x.buildMs)).toFixed(1)} ms, sync ` +
        `${median(s.map((x) => x.syncMs)).toFixed(1)} ms, drawn ${median(s.map((x) => x.drawnMs)).toFixed(1)} ms ` +
        `(median of ${s.length})`,
    );
  }
  const box = paths[PATHS[0]!].chart.getDom();
  return {
    points: POINTS,
    append: APPEND,
    refreshes: REFRESHES,
    warmup: WARMUP,
    longSeriesPoints: LONG_SERIES_POINTS,
    chart: { width: box.clientWidth, height: box.clientHeight },
    blocks,
  };
}

runPage<BenchResults>(run);
