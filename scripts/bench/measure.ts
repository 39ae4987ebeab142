/**
 * The one pipeline of the page benchmarks (map refresh, chart update): for each size of its plan a
 * measure opens its page in the browser with a trace running, and each block of refreshes the page
 * reports is summarised with medians of its samples and of the trace's tasks. A measure says only
 * what differs: its page, sizes, how a block is labelled and summarised, and its tables.
 */
import type { BrowserMode, OpenPage, Viewport } from './browser.ts';
import { fmt, median, ratio } from './figures.ts';
import { tasksPerRefresh, type RefreshTasks, type TraceFigure } from './trace.ts';

/** One size a page runs at, with its measured refreshes and the warm-up ones before them. */
export interface Size {
  size: number;
  refreshes: number;
  warmup: number;
  /** A window other than 1920×1080, which the page's map then fills (`map=WxH` in its query). */
  viewport?: Viewport;
  /** More of the page's query. */
  query?: Readonly<Record<string, string>>;
}

/** `3840x2160`: how a viewport is written in queries, trace names and BENCH_VIEWPORTS. */
export const viewportName = (viewport: Viewport | undefined) =>
  viewport ? `${viewport.width}x${viewport.height}` : '1920x1080';

/** What a benchmark page leaves in `window.benchResults`: blocks of timed refreshes. */
export interface PageResults {
  blocks: readonly { samples: readonly object[] }[];
}

type PageBlock<R extends PageResults> = R['blocks'][number];
type Traced<S> = S & { trace: RefreshTasks | null };

/** A page's results for one size, each block summarised and each sample given its trace figures. */
export type SizeResults<R extends PageResults, B> = Omit<R, 'blocks'> & {
  blocks: (B & { samples: Traced<PageBlock<R>['samples'][number]>[] })[];
};

/** Measure, Territorio's figure, naive figure, naive ÷ Territorio, budget. */
export type SummaryRow = readonly [string, string, string, string, string];

/** Environment variables that restrict a plan's sizes and override its refreshes. */
interface PlanEnv {
  sizes: string;
  refreshes: string;
}

export interface MeasureSpec<R extends PageResults, B> {
  /** Its name for BENCH_ONLY. */
  part: 'map' | 'chart';
  /** The page in bench/, without `.html`. */
  page: string;
  /** The query parameter that sets the size, and the unit in trace file names. */
  sizeParam: 'sensors' | 'points';
  plan: readonly Size[];
  env: PlanEnv;
  resultsFile: string;
  aim: object;
  heading(size: Size): string;
  /** The label of a block's measured refresh in the page's marks. */
  traceLabel(block: PageBlock<R>, index: number): string;
  /** Medians of a block: `traced` holds the trace's figures of the refreshes it found. */
  summariseBlock(block: PageBlock<R>, traced: readonly RefreshTasks[]): B;
  printTable(results: readonly SizeResults<R, B>[], mode: BrowserMode): void;
  summaryRows(results: readonly SizeResults<R, B>[]): SummaryRow[];
}

/** What a measure found, ready to print and write. */
export interface Measured {
  resultsFile: string;
  aim: object;
  results: readonly object[];
  printTable(mode: BrowserMode): void;
  summaryRows: SummaryRow[];
}

export interface Measure {
  part: MeasureSpec<PageResults, unknown>['part'];
  plan: readonly Size[];
  run(openPage: OpenPage): Promise<Measured>;
}

/** Sizes asked for that the plan does not hold run this many refreshes. */
const UNPLANNED: Omit<Size, 'size'> = { refreshes: 10, warmup: 2 };

/**
 * The plan, restricted to the sizes the environment names (others added) and to the viewports
 * BENCH_VIEWPORTS names (e.g. `1920x1080`), and with its refreshes.
 */
function planFromEnv(plan: readonly Size[], env: PlanEnv): Size[] {
  const onlySizes = process.env[env.sizes]?.split(',').map(Number).filter(Boolean);
  const onlyViewports = process.env.BENCH_VIEWPORTS?.split(',');
  const refreshes = Number(process.env[env.refreshes]) || undefined;
  return plan
    .filter((p) => !onlySizes || onlySizes.includes(p.size))
    .filter((p) => !onlyViewports || onlyViewports.includes(viewportName(p.viewport)))
    .concat(
      (onlySizes ?? [])
        .filter((n) => !plan.some((p) => p.size === n))
        .map((n) => ({ size: n, ...UNPLANNED })),
    )
    .map((p) => ({ ...p, refreshes: refreshes ?? p.refreshes }));
}

/** Medians of the given figures of each item. */
export function medians<K extends string>(items: readonly Record<K, number>[], keys: readonly K[]) {
  const entries = keys.map((key) => [key, median(items.map((item) => item[key]))]);
  return Object.fromEntries(entries) as Record<K, number>;
}

/**
 * What every block's summary holds: how many refreshes were measured and how many the trace found,
 * and the medians of the page's figures (with each refresh's longest long task) and the trace's.
 */
export function blockFigures<K extends string>(
  samples: readonly (Record<K, number> & { longTasksMs: readonly number[] })[],
  traced: readonly RefreshTasks[],
  sampleFigures: readonly K[],
  traceFigures: readonly TraceFigure[],
) {
  const withLongest = samples.map((s) => ({ ...s, longestLongTaskMs: Math.max(0, ...s.longTasksMs) }));
  return {
    refreshes: samples.length,
    tracedRefreshes: traced.length,
    ...medians(withLongest, [...sampleFigures, 'longestLongTaskMs']),
    ...medians(traced, traceFigures),
  };
}

/** A summary row of the longest main-thread task of Territorio's path and of the naive one. */
export function longestTaskRow(
  measure: string,
  territorio: { longestTaskMs: number },
  naive: { longestTaskMs: number },
  budget: string,
): SummaryRow {
  return [
    measure,
    `${fmt(territorio.longestTaskMs)} ms`,
    `${fmt(naive.longestTaskMs)} ms`,
    ratio(naive.longestTaskMs, territorio.longestTaskMs, ''),
    budget,
  ];
}

export function defineMeasure<R extends PageResults, B>(spec: MeasureSpec<R, B>): Measure {
  const plan = planFromEnv(spec.plan, spec.env);
  const summarise = (results: R, perTask: Map<string, RefreshTasks> | null): SizeResults<R, B> => ({
    ...results,
    blocks: results.blocks.map((block) => {
      const fromTrace = block.samples.map((_, i) => perTask?.get(spec.traceLabel(block, i)));
      const traced = fromTrace.filter((t) => t !== undefined);
      return {
        ...spec.summariseBlock(block, traced),
        samples: block.samples.map((s, i) => ({ ...s, trace: fromTrace[i] ?? null })),
      };
    }),
  });
  return {
    part: spec.part,
    plan,
    async run(openPage) {
      const results: SizeResults<R, B>[] = [];
      for (const size of plan) {
        console.log(`\n${spec.heading(size)}`);
        const query = new URLSearchParams({
          [spec.sizeParam]: String(size.size),
          refreshes: String(size.refreshes),
          warmup: String(size.warmup),
          ...(size.viewport ? { map: viewportName(size.viewport) } : {}),
          ...size.query,
        });
        const { results: page, trace } = await openPage<R>(
          `bench/${spec.page}.html?${query}`,
          `${spec.page}-${size.size}-${spec.sizeParam}${size.viewport ? `-${viewportName(size.viewport)}` : ''}`,
          size.viewport,
        );
        results.push(summarise(page, tasksPerRefresh(trace)));
      }
      return {
        resultsFile: spec.resultsFile,
        aim: spec.aim,
        results,
        printTable: (mode) => spec.printTable(results, mode),
        summaryRows: spec.summaryRows(results),
      };
    },
  };
}
