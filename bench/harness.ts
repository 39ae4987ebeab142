/**
 * What every benchmark page does the same way: read its query, say how far it got, watch for long
 * tasks, let the paths take turns in blocks of refreshes, and hand its results (or its error) to the
 * runner, which waits for `window.benchResults` or `window.benchError`.
 */

declare global {
  interface Window {
    benchResults?: object;
    benchError?: string;
  }
}

const params = new URLSearchParams(location.search);

/** A query parameter: its text, or null when absent. */
export const textParam = (name: string) => params.get(name);

/** A positive number from the query, or the fallback. */
export const numParam = (name: string, fallback: number) => {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/** Measured refreshes of each block, and the warm-up ones before them. */
export const REFRESHES = numParam('refreshes', 20);
export const WARMUP = numParam('warmup', 3);
/** Measured refreshes of one path before the next path takes its turn. */
const PER_ROUND = numParam('perRound', 5);
/** Refreshes not counted when a path takes its turn again: the first pays once for what the other
 * path left (on the map, a source that setData made whole must become updateable data again). */
const REWARM = 1;
const DRAW_TIMEOUT_MS = 60_000;

const status = document.getElementById('status')!;
export const log = (message: string) => {
  status.textContent = message;
  console.log(`[bench] ${message}`);
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A promise and the function that settles it, for a refresh that ends in an event. */
export function settleable<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Waits for a refresh to be drawn; the page fails if it is not drawn in time. */
export const drawnWithin = (drawn: Promise<number>, label: string) =>
  Promise.race([
    drawn,
    sleep(DRAW_TIMEOUT_MS).then(() =>
      Promise.reject(new Error(`${label}: not drawn in ${DRAW_TIMEOUT_MS} ms`)),
    ),
  ]);

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the runner's trace still has every task.
}

/** The long tasks (> 50 ms) the page saw between two times, in ms. */
export async function longTasksBetween(from: number, to: number) {
  await sleep(60); // long-task entries arrive after their task
  return longTasks.filter((l) => l.start + l.duration > from && l.start < to).map((l) => l.duration);
}

/** One refresh of a turn: its label in the page's marks and its place in the turn. */
export interface Refresh {
  label: string;
  index: number;
}

export interface Turns<S, B extends { samples: S[] }> {
  /** Where the refreshes of a block are labelled in the page's marks, before `run:<n>`. */
  labelOf(block: B): string;
  /** Runs and measures one refresh of the block's path. */
  refresh(block: B, refresh: Refresh): Promise<S>;
  /** After each turn of a block, with whether it was the last round. */
  afterTurn?(block: B, lastRound: boolean): Promise<void> | void;
  /** Said before `round n of m done`. */
  caption?: string;
}

/**
 * Paths take turns in short runs, so that load from elsewhere on the machine falls on all of them.
 * A path's first refreshes after another path's warm it up again and are not counted.
 */
export async function takeTurns<S, B extends { samples: S[] }>(blocks: readonly B[], turns: Turns<S, B>) {
  const rounds = Math.ceil(REFRESHES / PER_ROUND);
  for (let round = 0; round < rounds; round++) {
    for (const block of blocks) {
      const warmup = round === 0 ? WARMUP : REWARM;
      const count = Math.min(PER_ROUND, REFRESHES - block.samples.length);
      for (let index = 0; index < warmup + count; index++) {
        const warm = index < warmup;
        const label = `${turns.labelOf(block)}:${warm ? `warmup:${round}:${index}` : `run:${block.samples.length}`}`;
        const sample = await turns.refresh(block, { label, index });
        if (!warm) block.samples.push(sample);
      }
      await turns.afterTurn?.(block, round === rounds - 1);
    }
    log(`${turns.caption ?? ''}round ${round + 1} of ${rounds} done`);
  }
}

/** Runs the page and reports its results, with the time it took, or its error to the runner. */
export function runPage<R extends { totalMs: number }>(run: () => Promise<Omit<R, 'totalMs'>>) {
  const started = performance.now();
  run().then(
    (results) => {
      const totalMs = performance.now() - started;
      window.benchResults = { ...results, totalMs };
      log(`done in ${(totalMs / 1000).toFixed(1)} s`);
    },
    (error: unknown) => {
      window.benchError = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
      log(`failed: ${window.benchError}`);
    },
  );
}
