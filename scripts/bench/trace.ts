/**
 * Main-thread and worker tasks of each measured refresh, read from a Chromium trace of the page:
 * the page sets `performance.mark`s `bench:<label>:start` and `:end` around every refresh.
 */

/** A task longer than this blocks input noticeably (Long Tasks API, Total Blocking Time). */
const LONG_TASK_MS = 50;

export interface TraceEvent {
  name?: string;
  cat?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, when the trace records it. */
  tdur?: number;
  args?: { name?: string; src_func?: string };
}

export type Trace = TraceEvent[] | { traceEvents: TraceEvent[] };

type TaskKind = 'call' | 'frame' | 'message' | 'other';

/** What the trace shows of one refresh, in ms (frames: a count). */
export interface RefreshTasks {
  callTaskMs: number;
  callTaskCpuMs: number;
  frames: number;
  longestFrameMs: number;
  framesMs: number;
  workerMessagesMs: number;
  otherMs: number;
  longestTaskMs: number;
  longestTaskCpuMs: number;
  mainBusyCpuMs: number;
  longestTaskKind: TaskKind | null;
  mainBusyMs: number;
  blockingMs: number;
  gpuWaitMs: number;
  rawLongestTaskMs: number;
  workerBusyMs: number;
}

export type TraceFigure = Exclude<keyof RefreshTasks, 'longestTaskKind'>;

/** Trace events in which the renderer waits for the GPU process (SwiftShader reading a frame back). */
const GPU_WAITS = new Set([
  'CommandBufferProxyImpl::WaitForGetOffset',
  'CommandBufferProxyImpl::WaitForToken',
  'CommandBufferProxyImpl::WaitSyncToken',
]);

/** What a main-thread task was, by the Chromium function that posted it. */
const TASK_KINDS: Partial<Record<string, TaskKind>> = {
  ScheduledActionSendBeginMainFrame: 'frame',
  PostMessageToWorkerObject: 'message',
};

interface Task {
  ts: number;
  dur: number;
  tdur?: number | undefined;
  postedBy?: string | undefined;
}

/** Total length of a set of possibly nested intervals. */
function unionLength(intervals: readonly (readonly [number, number])[]) {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

const overlapping = (list: readonly Task[], start: number, end: number) =>
  list.filter((t) => t.ts + t.dur > start && t.ts < end);

/** The `start` and `end` timestamps of each label, and the thread that set them (the page's main thread). */
function readMarks(events: readonly TraceEvent[]) {
  const marks = new Map<string, { start?: number; end?: number }>();
  let mainThread: string | null = null;
  for (const e of events) {
    const match = typeof e.name === 'string' ? /^bench:(.+):(start|end)$/.exec(e.name) : null;
    if (!match || !e.cat?.includes('blink.user_timing')) continue;
    const [, label = '', edge = ''] = match;
    marks.set(label, { ...marks.get(label), [edge]: e.ts });
    mainThread ??= `${e.pid}:${e.tid}`;
  }
  return { marks, mainThread };
}

/**
 * Main-thread and worker tasks of each refresh: every top-level task that overlaps the window
 * between the refresh's marks. Time a task spends waiting for the GPU process is counted apart:
 * under SwiftShader with software compositing, every frame reads the WebGL canvas back, which no
 * machine with a GPU does. Null when the trace holds no marks.
 */
export function tasksPerRefresh(trace: Trace): Map<string, RefreshTasks> | null {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const { marks, mainThread } = readMarks(events);
  if (!mainThread) return null;
  const threadNames = new Map<string, string | undefined>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  const pid = mainThread.split(':')[0];
  const main: Task[] = [];
  const waits: Task[] = [];
  const worker: Task[] = [];
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const thread = `${e.pid}:${e.tid}`;
    const task = { ts: e.ts, dur: e.dur, tdur: e.tdur, postedBy: e.args?.src_func };
    if (e.name === 'ThreadControllerImpl::RunTask') {
      if (thread === mainThread) main.push(task);
      else if (String(e.pid) === pid && /Worker/i.test(threadNames.get(thread) ?? '')) worker.push(task);
    } else if (thread === mainThread && e.name !== undefined && GPU_WAITS.has(e.name)) waits.push(task);
  }
  main.sort((a, b) => a.ts - b.ts);
  waits.sort((a, b) => a.ts - b.ts);
  const result = new Map<string, RefreshTasks>();
  for (const [label, { start, end }] of marks) {
    if (start === undefined || end === undefined) continue;
    const workerBusyMs = overlapping(worker, start, end).reduce((a, t) => a + t.dur / 1000, 0);
    result.set(label, refreshTasks(overlapping(main, start, end), waits, start, workerBusyMs));
  }
  return result;
}

function refreshTasks(main: readonly Task[], waits: readonly Task[], start: number, workerBusyMs: number) {
  const tasks = main.map((t) => {
    const waitUs = unionLength(
      overlapping(waits, t.ts, t.ts + t.dur).map((w) => [w.ts, w.ts + w.dur] as const),
    );
    const kind: TaskKind = t.ts <= start ? 'call' : (TASK_KINDS[t.postedBy ?? ''] ?? 'other');
    return {
      kind,
      ms: t.dur / 1000,
      waitMs: waitUs / 1000,
      netMs: (t.dur - waitUs) / 1000,
      cpuMs: (t.tdur ?? t.dur - waitUs) / 1000,
    };
  });
  type Figure = 'ms' | 'waitMs' | 'netMs' | 'cpuMs';
  const sum = (figure: Figure, kind?: TaskKind) =>
    tasks.reduce((a, t) => a + (!kind || t.kind === kind ? t[figure] : 0), 0);
  const longest = (figure: Figure, of = tasks) => Math.max(0, ...of.map((t) => t[figure]));
  const frames = tasks.filter((t) => t.kind === 'frame');
  const longestTask = tasks.reduce<(typeof tasks)[number] | null>(
    (a, t) => (!a || t.netMs > a.netMs ? t : a),
    null,
  );
  return {
    callTaskMs: sum('netMs', 'call'),
    callTaskCpuMs: sum('cpuMs', 'call'),
    frames: frames.length,
    longestFrameMs: longest('netMs', frames),
    framesMs: sum('netMs', 'frame'),
    workerMessagesMs: sum('netMs', 'message'),
    otherMs: sum('netMs', 'other'),
    longestTaskMs: longest('netMs'),
    longestTaskCpuMs: longest('cpuMs'),
    mainBusyCpuMs: sum('cpuMs'),
    longestTaskKind: longestTask?.kind ?? null,
    mainBusyMs: sum('netMs'),
    blockingMs: tasks.reduce((a, t) => a + Math.max(0, t.netMs - LONG_TASK_MS), 0),
    gpuWaitMs: sum('waitMs'),
    rawLongestTaskMs: longest('ms'),
    workerBusyMs,
  } satisfies RefreshTasks;
}
