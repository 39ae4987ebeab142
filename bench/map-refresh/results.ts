/** What the map refresh page reports to the runner (scripts/bench/map-refresh.ts reads it). */

export type CaseName = 'delta' | 'all';
export type PathName = 'territorio' | 'naive';
export type Applied = 'full' | 'delta' | 'none';

export interface Sample {
  /** Share of the map's sensors whose reading the poll changed. */
  changedShare: number;
  applied: Record<string, Applied>;
  /** The update call itself: diff or collection built, handed to MapLibre. */
  syncMs: number;
  /** From the update call until the map's `idle` after the new content of every updated source. */
  drawnMs: number;
  /** Long tasks (> 50 ms) between the call and the drawing, as the page's PerformanceObserver saw them. */
  longTasksMs: number[];
  /** mergeReadings for the poll, measured apart (the app does it before the map update). */
  mergeMs: number;
}

export interface Block {
  case: CaseName;
  path: PathName;
  warmup: number;
  samples: Sample[];
}

export interface Experiment {
  name: string;
  what: string;
  /** A median time in ms, or a count when `unit` says so. */
  value: number;
  unit: 'ms' | 'entries';
}

export interface BenchResults {
  sensors: number;
  air: number;
  traffic: number;
  clustered: boolean;
  refreshes: number;
  warmup: number;
  deltaMs: number;
  allMs: number;
  /** `scale`: the size of marks and labels, as the app picks it for the window (2 at 4K). */
  map: { width: number; height: number; zoom: number; scale: number; webgl: string };
  blocks: Block[];
  /** Territorio's path ends each case in the same source data as a full rebuild (checked after its block). */
  deltaConsistent: Partial<Record<CaseName, { checked: number; mismatches: number }>>;
  experiments: Experiment[];
  totalMs: number;
}
