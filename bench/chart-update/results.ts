/** What the chart update page reports to the runner (scripts/bench/chart-update.ts reads it). */

export type PathName = 'territorio' | 'rebuild' | 'naive';

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

/** After a block: the chart holds the last response's points, first and last time included. */
export interface Check {
  points: number;
  expected: number;
  lastTime: boolean;
  firstTime: boolean;
  zoom: boolean;
}

export interface Block {
  path: PathName;
  warmup: number;
  samples: Sample[];
  check: Check;
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
