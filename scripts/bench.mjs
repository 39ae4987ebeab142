#!/usr/bin/env node
/**
 * `npm run bench`: the JavaScript a screen downloads before its first paint and the demo build's
 * LCP, how long one map refresh takes at 1,000 / 10,000 / 50,000 sensors, and one chart update at
 * 10,000 / 100,000 points; it ends with one summary table, the last `npm run soak` included.
 *
 * Builds the benchmark pages (bench/*.html, their own Vite config, outside the app), serves them,
 * and opens them in Debian's Chromium once per size. It reads every main-thread task of the measured
 * refreshes from a Chromium trace, prints medians and ratios, and writes everything to
 * bench-results/map-refresh.json and bench-results/chart-update.json.
 *
 * Map (bench/map-refresh.html): refreshes through Territorio's update path (MapController.setSensors)
 * and the naive one (a full setData of a freshly built FeatureCollection every refresh), for a
 * `since=` poll where about 3 % of the sensors changed and one where all of them did.
 *
 * Chart (bench/chart-update.html): a sensor series that slides on by new points every refresh, shown
 * through Territorio's path (seriesOption + the EChart wrapper: a typed-array dataset, LTTB, a zoom
 * window above LONG_SERIES_POINTS, setOption merged), the same option set with `notMerge: true`, and
 * the naive path (a fresh option of `[time, value]` pairs, no sampling, `notMerge: true`).
 *
 * It reports and never fails on timings: only a page that cannot run is an error.
 *
 * Environment:
 *   CHROMIUM_PATH                 the browser (default /usr/bin/chromium)
 *   BENCH_ONLY=page|map|chart     run one part only (default: all; page = first-paint JavaScript and LCP)
 *   BENCH_SENSORS=1000,10000      map: run only these sizes
 *   BENCH_REFRESHES=N             map: N measured refreshes per block at every size (defaults in PLAN)
 *   BENCH_POINTS=10000,100000     chart: run only these sizes
 *   BENCH_CHART_REFRESHES=N       chart: N measured refreshes per path at every size (defaults in CHART_PLAN)
 *   BENCH_SOFTWARE_COMPOSITING=1  Chromium's default compositing for SwiftShader (see GPU_COMPOSITING_ARGS)
 *   BENCH_CHROMIUM_ARGS="…"       extra browser flags;  BENCH_KEEP_TRACE=1  keep the traces in bench-results/
 *   BENCH_TRACE_CATEGORIES=a,b    trace categories (default toplevel, blink.user_timing, gpu)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from '@playwright/test';
import { buildApps, measureBundle, measureLcp, printSummary, readSoak } from './bench-summary.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = join(root, 'dist', 'bench');
const resultsFile = join(root, 'bench-results', 'map-refresh.json');
const chartResultsFile = join(root, 'bench-results', 'chart-update.json');
const pageResultsFile = join(root, 'bench-results', 'first-paint.json');
const ONLY = process.env.BENCH_ONLY || null;
if (ONLY && !['page', 'map', 'chart'].includes(ONLY)) {
  console.error(`BENCH_ONLY must be page, map or chart, not ${ONLY}`);
  process.exit(2);
}

/** Measured refreshes per block (after warm-up): fewer at 50,000, where SwiftShader is slow. */
const PLAN = [
  { sensors: 1_000, refreshes: 20, warmup: 3 },
  { sensors: 10_000, refreshes: 20, warmup: 3 },
  { sensors: 50_000, refreshes: 10, warmup: 2 },
];
const AIM = { sensors: 10_000, deltaMs: 16, fullMs: 50 };
/** A task longer than this blocks input noticeably (Long Tasks API, Total Blocking Time). */
const LONG_TASK_MS = 50;
const PAGE_TIMEOUT_MS = 15 * 60_000;
const SOFTWARE_COMPOSITING = Boolean(process.env.BENCH_SOFTWARE_COMPOSITING);
const CHROMIUM_ARGS = [
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  ...(process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
];
/**
 * With software compositing (Chromium's default for SwiftShader) every frame reads the WebGL canvas
 * back on the main thread: about 125 ms at 1600×900 here, whatever the map did, which hides the cost
 * of the update itself. A wall screen with a GPU composites on the GPU; so does this, still on
 * SwiftShader, and the main thread then shows only its own work.
 */
const GPU_COMPOSITING_ARGS = ['--use-angle=swiftshader', '--enable-gpu-compositing'];

/** Chart: measured refreshes per path (after warm-up); fewer at 100,000, where the naive path is slow. */
const CHART_PLAN = [
  { points: 10_000, refreshes: 20, warmup: 3 },
  { points: 100_000, refreshes: 15, warmup: 2 },
];

const onlySizes = process.env.BENCH_SENSORS?.split(',').map(Number).filter(Boolean);
const refreshOverride = Number(process.env.BENCH_REFRESHES) || undefined;
const plan = PLAN.filter((p) => !onlySizes || onlySizes.includes(p.sensors))
  .concat(
    (onlySizes ?? [])
      .filter((n) => !PLAN.some((p) => p.sensors === n))
      .map((n) => ({ sensors: n, refreshes: 10, warmup: 2 })),
  )
  .map((p) => ({ ...p, refreshes: refreshOverride ?? p.refreshes }));
const onlyPoints = process.env.BENCH_POINTS?.split(',').map(Number).filter(Boolean);
const chartRefreshOverride = Number(process.env.BENCH_CHART_REFRESHES) || undefined;
const chartPlan = CHART_PLAN.filter((p) => !onlyPoints || onlyPoints.includes(p.points))
  .concat(
    (onlyPoints ?? [])
      .filter((n) => !CHART_PLAN.some((p) => p.points === n))
      .map((n) => ({ points: n, refreshes: 10, warmup: 2 })),
  )
  .map((p) => ({ ...p, refreshes: chartRefreshOverride ?? p.refreshes }));

function build() {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'bench/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the benchmark page failed');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** A static file server for dist/bench on a free port. */
function serve(dir) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};

/** Trace events in which the renderer waits for the GPU process (SwiftShader reading a frame back). */
const GPU_WAITS = new Set([
  'CommandBufferProxyImpl::WaitForGetOffset',
  'CommandBufferProxyImpl::WaitForToken',
  'CommandBufferProxyImpl::WaitSyncToken',
]);

/** What a main-thread task was, by the Chromium function that posted it. */
const TASK_KINDS = {
  ScheduledActionSendBeginMainFrame: 'frame',
  PostMessageToWorkerObject: 'message',
};

/** Total length of a set of possibly nested intervals. */
function unionLength(intervals) {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of [...intervals].sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * Main-thread and worker tasks of each refresh, from the trace: every top-level task that overlaps
 * the window between the page's `bench:<label>:start` and `:end` marks. Time a task spends waiting
 * for the GPU process is counted apart: under SwiftShader with software compositing, every frame
 * reads the WebGL canvas back, which no machine with a GPU does.
 */
function tasksPerRefresh(trace) {
  const events = trace.traceEvents ?? trace;
  const threadNames = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name);
  const marks = new Map();
  let mainThread = null;
  for (const e of events) {
    const match = typeof e.name === 'string' && /^bench:(.+):(start|end)$/.exec(e.name);
    if (!match || !e.cat?.includes('blink.user_timing')) continue;
    const entry = marks.get(match[1]) ?? {};
    entry[match[2]] = e.ts;
    marks.set(match[1], entry);
    mainThread ??= `${e.pid}:${e.tid}`;
  }
  if (!mainThread) return null;
  const pid = mainThread.split(':')[0];
  const main = [];
  const waits = [];
  const worker = [];
  for (const e of events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number') continue;
    const thread = `${e.pid}:${e.tid}`;
    if (e.name === 'ThreadControllerImpl::RunTask') {
      if (thread === mainThread) main.push(e);
      else if (String(e.pid) === pid && /Worker/i.test(threadNames.get(thread) ?? '')) worker.push(e);
    } else if (thread === mainThread && GPU_WAITS.has(e.name)) waits.push(e);
  }
  main.sort((a, b) => a.ts - b.ts);
  waits.sort((a, b) => a.ts - b.ts);
  const overlapping = (list, start, end) => list.filter((t) => t.ts + t.dur > start && t.ts < end);
  const result = new Map();
  for (const [label, { start, end }] of marks) {
    if (start === undefined || end === undefined) continue;
    const tasks = overlapping(main, start, end).map((t) => {
      const waitUs = unionLength(overlapping(waits, t.ts, t.ts + t.dur).map((w) => [w.ts, w.ts + w.dur]));
      return {
        kind: t.ts <= start ? 'call' : (TASK_KINDS[t.args?.src_func] ?? 'other'),
        ms: t.dur / 1000,
        waitMs: waitUs / 1000,
        netMs: (t.dur - waitUs) / 1000,
        cpuMs: (t.tdur ?? t.dur - waitUs) / 1000,
      };
    });
    const sum = (key, kind) => tasks.reduce((a, t) => a + (!kind || t.kind === kind ? t[key] : 0), 0);
    const frames = tasks.filter((t) => t.kind === 'frame');
    result.set(label, {
      callTaskMs: sum('netMs', 'call'),
      callTaskCpuMs: sum('cpuMs', 'call'),
      frames: frames.length,
      longestFrameMs: Math.max(0, ...frames.map((t) => t.netMs)),
      framesMs: sum('netMs', 'frame'),
      workerMessagesMs: sum('netMs', 'message'),
      otherMs: sum('netMs', 'other'),
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.netMs)),
      longestTaskCpuMs: Math.max(0, ...tasks.map((t) => t.cpuMs)),
      mainBusyCpuMs: sum('cpuMs'),
      longestTaskKind: tasks.reduce((a, t) => (!a || t.netMs > a.netMs ? t : a), null)?.kind ?? null,
      mainBusyMs: sum('netMs'),
      blockingMs: tasks.reduce((a, t) => a + Math.max(0, t.netMs - LONG_TASK_MS), 0),
      gpuWaitMs: sum('waitMs'),
      rawLongestTaskMs: Math.max(0, ...tasks.map((t) => t.ms)),
      workerBusyMs: overlapping(worker, start, end).reduce((a, t) => a + t.dur / 1000, 0),
    });
  }
  return result;
}

/** Opens one benchmark page with a trace running, and returns what it left in `window.benchResults`. */
async function runPage(browser, url, name) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.text().startsWith('[bench]')) console.log(`  ${message.text().slice(8)}`);
    else if (message.type() === 'error') console.error(`  page error: ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  await browser.startTracing(page, {
    categories: process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? ['toplevel', 'blink.user_timing', 'gpu'],
  });
  await page.goto(url);
  await page.waitForFunction(() => window.benchResults || window.benchError, null, {
    timeout: PAGE_TIMEOUT_MS,
    polling: 500,
  });
  const { error, results } = await page.evaluate(() => ({
    error: window.benchError,
    results: window.benchResults,
  }));
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
  if (process.env.BENCH_KEEP_TRACE)
    writeFileSync(join(root, 'bench-results', `trace-${name}.json`), JSON.stringify(trace));
  await context.close();
  if (error) throw new Error(`the page failed at ${name}: ${error}`);
  return { results, trace };
}

function runSize(browser, baseUrl, { sensors, refreshes, warmup }) {
  const query = new URLSearchParams({ sensors, refreshes, warmup });
  return runPage(browser, `${baseUrl}/bench/map-refresh.html?${query}`, `${sensors}-sensors`);
}

function runChartSize(browser, baseUrl, { points, refreshes, warmup }) {
  const query = new URLSearchParams({ points, refreshes, warmup });
  return runPage(browser, `${baseUrl}/bench/chart-update.html?${query}`, `${points}-points`);
}

const TRACE_KEYS = [
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

function summarise(results, trace) {
  const perTask = tasksPerRefresh(trace);
  const blocks = results.blocks.map((block) => {
    const fromTrace = block.samples.map((_, i) => perTask?.get(`${block.case}:${block.path}:run:${i}`));
    const traced = fromTrace.filter(Boolean);
    const kinds = traced.map((t) => t.longestTaskKind);
    return {
      case: block.case,
      path: block.path,
      refreshes: block.samples.length,
      tracedRefreshes: traced.length,
      changedShare: median(block.samples.map((s) => s.changedShare)),
      applied: [...new Set(block.samples.flatMap((s) => Object.values(s.applied)))].join('/'),
      syncMs: median(block.samples.map((s) => s.syncMs)),
      drawnMs: median(block.samples.map((s) => s.drawnMs)),
      longestLongTaskMs: median(block.samples.map((s) => Math.max(0, ...s.longTasksMs))),
      mergeMs: median(block.samples.map((s) => s.mergeMs)),
      ...Object.fromEntries(TRACE_KEYS.map((key) => [key, median(traced.map((t) => t[key]))])),
      longestTaskIs: Object.fromEntries(
        ['call', 'frame', 'message', 'other'].map((k) => [k, kinds.filter((x) => x === k).length]),
      ),
      samples: block.samples.map((s, i) => ({ ...s, trace: fromTrace[i] ?? null })),
    };
  });
  return { ...results, blocks };
}

const fmt = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : 'n/a');
const ratio = (a, b) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : 'n/a';
const pad = (s, n, left) => (left ? String(s).padEnd(n) : String(s).padStart(n));
const CASE_LABEL = { delta: '3 % delta', all: 'all changed' };
const PATH_LABEL = { territorio: 'Territorio', naive: 'naive' };
const COLUMNS = [
  ['sensors', 7, true],
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
];
const row = (cells) => cells.map((c, i) => pad(c, COLUMNS[i][1], COLUMNS[i][2])).join(' │ ');
const rule = (joint) => COLUMNS.map((c) => '─'.repeat(c[1])).join(`─${joint}─`);

function printTable(all, mode) {
  console.log('');
  console.log(`Map refresh: medians in ms. Chromium ${mode.browser}, ${mode.label}.`);
  console.log(row(COLUMNS.map((c) => c[0])));
  console.log(rule('┼'));
  for (const size of all) {
    for (const kase of ['delta', 'all']) {
      const naive = size.blocks.find((b) => b.case === kase && b.path === 'naive');
      for (const b of size.blocks.filter((x) => x.case === kase)) {
        const vsNaive = b.path !== 'naive';
        console.log(
          row([
            size.sensors.toLocaleString('en'),
            CASE_LABEL[kase],
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
          ]),
        );
      }
    }
    console.log(rule('┼'));
  }
  console.log(
    [
      'One refresh = both live sources (air, traffic) updated for one poll. From the Chromium trace, main thread:',
      '  sync          the update call itself: diff or FeatureCollection built and handed to MapLibre',
      '  call task     the whole task of that call, with the microtasks in which MapLibre serialises and posts it',
      '  blocking      main-thread blocking: the longest task from the call until drawn (call, frame or worker result)',
      "  (CPU)         the same by the main thread's CPU time: wall-clock figures also count time the thread",
      '                waited for a core while other processes ran, CPU time does not',
      '  main busy     all main-thread task time in that span;  TBT: the time of tasks beyond 50 ms, summed',
      '  drawn         from the call until the map is idle with the new content of every updated source',
      "  naive/T       the naive value divided by this path's: above 1× the path is faster than naive",
      ...(mode.gpuWait
        ? [
            '  blocking columns leave out time spent waiting for SwiftShader to read frames back (see gpuWaitMs)',
          ]
        : []),
    ].join('\n'),
  );
  console.log('');
  for (const size of all) {
    const t = size.blocks.find((b) => b.case === 'delta' && b.path === 'territorio');
    const consistent = Object.entries(size.deltaConsistent)
      .map(
        ([kase, c]) =>
          `${CASE_LABEL[kase]}: ${c.mismatches === 0 ? 'same as a full rebuild' : `${c.mismatches} of ${c.checked} features DIFFER`}`,
      )
      .join(', ');
    console.log(
      `${size.sensors.toLocaleString('en')} sensors: ${size.air} air + ${size.traffic} traffic on the map` +
        `${size.clustered ? ', clustered' : ''}; ${size.refreshes} refreshes per row after ${size.warmup} warm-up (and 1 more at each turn); ` +
        `Territorio delta: longest task was the call ${t.longestTaskIs.call}×, a frame ${t.longestTaskIs.frame}×, ` +
        `a worker result ${t.longestTaskIs.message}×; ${fmt(t.frames)} frames, longest ${fmt(t.longestFrameMs)} ms; ` +
        `mergeReadings ${fmt(t.mergeMs)} ms before the update (not in the table); Territorio's sources after each case: ${consistent}.`,
    );
  }
  const aim = all.find((s) => s.sensors === AIM.sensors);
  if (aim) {
    const verdict = (b, budget) => {
      const met = (ms) => `${fmt(ms)} ms ${ms <= budget ? `≤ ${budget} ms: met` : `> ${budget} ms: MISSED`}`;
      return (
        `${met(b.longestTaskMs)}; CPU time ${met(b.longestTaskCpuMs)}` +
        ` (call task ${fmt(b.callTaskMs)} ms, longest frame ${fmt(b.longestFrameMs)} ms)`
      );
    };
    console.log('');
    console.log(
      `Aims at ${AIM.sensors.toLocaleString('en')} sensors, main-thread blocking (longest task) of the Territorio path:`,
    );
    console.log(
      `  3 % delta refresh    ${verdict(
        aim.blocks.find((b) => b.case === 'delta' && b.path === 'territorio'),
        AIM.deltaMs,
      )}`,
    );
    console.log(
      `  all-changed refresh  ${verdict(
        aim.blocks.find((b) => b.case === 'all' && b.path === 'territorio'),
        AIM.fullMs,
      )}`,
    );
  }
  console.log('');
  console.log('Parts of the update path, timed apart on the last delta poll (median of 15):');
  const names = all[0].experiments.map((e) => e.name);
  console.log(`  ${pad('', 22, true)}${all.map((s) => pad(s.sensors.toLocaleString('en'), 9)).join('')}`);
  for (const name of names) {
    const cells = all.map((s) => {
      const e = s.experiments.find((x) => x.name === name);
      return pad(e ? (e.unit === 'ms' ? `${fmt(e.value)} ms` : String(e.value)) : '', 9);
    });
    console.log(
      `  ${pad(name, 22, true)}${cells.join('')}   ${all[0].experiments.find((e) => e.name === name).what}`,
    );
  }
}

const CHART_PATH_LABEL = { territorio: 'Territorio', rebuild: 'rebuild', naive: 'naive' };
const CHART_TRACE_KEYS = ['callTaskMs', 'longestTaskMs', 'longestTaskCpuMs', 'mainBusyMs', 'blockingMs'];
/** Budget of DESIGN.md §8: no long task over 100 ms. */
const CHART_AIM = { longestTaskMs: 100 };

function summariseChart(results, trace) {
  const perTask = tasksPerRefresh(trace);
  const blocks = results.blocks.map((block) => {
    const fromTrace = block.samples.map((_, i) => perTask?.get(`${block.path}:run:${i}`));
    const traced = fromTrace.filter(Boolean);
    return {
      path: block.path,
      refreshes: block.samples.length,
      tracedRefreshes: traced.length,
      check: block.check,
      buildMs: median(block.samples.map((s) => s.buildMs)),
      syncMs: median(block.samples.map((s) => s.syncMs)),
      drawnMs: median(block.samples.map((s) => s.drawnMs)),
      finishedMs: median(block.samples.map((s) => s.finishedMs)),
      longestLongTaskMs: median(block.samples.map((s) => Math.max(0, ...s.longTasksMs))),
      ...Object.fromEntries(CHART_TRACE_KEYS.map((key) => [key, median(traced.map((t) => t[key]))])),
      maxLongestTaskMs: Math.max(0, ...traced.map((t) => t.longestTaskMs)),
      samples: block.samples.map((s, i) => ({ ...s, trace: fromTrace[i] ?? null })),
    };
  });
  return { ...results, blocks };
}

const CHART_COLUMNS = [
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
];
const chartRow = (cells) => cells.map((c, i) => pad(c, CHART_COLUMNS[i][1], CHART_COLUMNS[i][2])).join(' │ ');
const chartRule = (joint) => CHART_COLUMNS.map((c) => '─'.repeat(c[1])).join(`─${joint}─`);

function printChartTable(all, mode) {
  console.log('');
  console.log(`Chart update: medians in ms. Chromium ${mode.browser}, ${mode.label}.`);
  console.log(chartRow(CHART_COLUMNS.map((c) => c[0])));
  console.log(chartRule('┼'));
  for (const size of all) {
    const naive = size.blocks.find((b) => b.path === 'naive');
    for (const b of size.blocks) {
      const vsNaive = naive && b.path !== 'naive';
      console.log(
        chartRow([
          size.points.toLocaleString('en'),
          CHART_PATH_LABEL[b.path] ?? b.path,
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
        ]),
      );
    }
    console.log(chartRule('┼'));
  }
  console.log(
    [
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
    ].join('\n'),
  );
  console.log('');
  for (const size of all) {
    const checks = size.blocks
      .map((b) => {
        const c = b.check;
        const ok = c.points === c.expected && c.firstTime && c.lastTime;
        return `${CHART_PATH_LABEL[b.path] ?? b.path} ${ok ? 'holds' : `DIFFERS from`} the last poll (${c.points.toLocaleString('en')} points${c.zoom ? ', zoom window' : ''})`;
      })
      .join('; ');
    console.log(
      `${size.points.toLocaleString('en')} points (${size.append} new a refresh, chart ${size.chart.width}×${size.chart.height} px, ` +
        `zoom window above ${size.longSeriesPoints.toLocaleString('en')} points): ${size.refreshes} refreshes per path after ` +
        `${size.warmup} warm-up (and 1 more at each turn); after the last: ${checks}.`,
    );
  }
  const largest = all.at(-1);
  const t = largest?.blocks.find((b) => b.path === 'territorio');
  if (t) {
    const met = t.longestTaskMs <= CHART_AIM.longestTaskMs;
    console.log(
      `\nAim at ${largest.points.toLocaleString('en')} points, no long task over ${CHART_AIM.longestTaskMs} ms in Territorio's update: ` +
        `median ${fmt(t.longestTaskMs)} ms, worst ${fmt(t.maxLongestTaskMs)} ms: ${met ? 'met' : 'MISSED'} (median).`,
    );
  }
}

async function main() {
  const started = Date.now();
  const runFirstPaint = !ONLY || ONLY === 'page';
  const runMap = (!ONLY || ONLY === 'map') && plan.length > 0;
  const runChart = (!ONLY || ONLY === 'chart') && chartPlan.length > 0;
  console.log('Building the benchmark pages…');
  build();
  if (runFirstPaint) {
    console.log('Building the live and demo apps…');
    buildApps(root);
  }
  const server = await serve(outDir);
  const demoServer = runFirstPaint ? await serve(join(root, 'dist', 'demo')) : null;
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...(SOFTWARE_COMPOSITING ? [] : GPU_COMPOSITING_ARGS)],
  });
  const mode = {
    browser: browser.version(),
    label: SOFTWARE_COMPOSITING
      ? 'SwiftShader, software compositing'
      : 'SwiftShader through ANGLE with GPU compositing (BENCH_SOFTWARE_COMPOSITING=1 for software)',
    gpuWait: SOFTWARE_COMPOSITING,
    args: [...CHROMIUM_ARGS, ...(SOFTWARE_COMPOSITING ? [] : GPU_COMPOSITING_ARGS)],
  };
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  const loadBefore = load();
  mkdirSync(join(root, 'bench-results'), { recursive: true });
  const all = [];
  const charts = [];
  let firstPaint = null;
  try {
    if (runFirstPaint) {
      console.log('\nFirst paint: JavaScript before it, and LCP of the demo build');
      firstPaint = {
        bundle: measureBundle(root),
        lcp: await measureLcp(browser, `http://127.0.0.1:${demoServer.address().port}`),
      };
    }
    if (runMap)
      for (const size of plan) {
        console.log(
          `\n${size.sensors.toLocaleString('en')} sensors: ${size.refreshes} refreshes per block after ${size.warmup} warm-up` +
            (size.refreshes < PLAN[0].refreshes ? ' (fewer at this size: SwiftShader is slow)' : ''),
        );
        const { results, trace } = await runSize(browser, baseUrl, size);
        all.push(summarise(results, trace));
      }
    if (runChart)
      for (const size of chartPlan) {
        console.log(
          `\nChart, ${size.points.toLocaleString('en')} points: ${size.refreshes} refreshes per path after ${size.warmup} warm-up`,
        );
        const { results, trace } = await runChartSize(browser, baseUrl, size);
        charts.push(summariseChart(results, trace));
      }
  } finally {
    await browser.close();
    server.close();
    demoServer?.close();
  }
  if (runMap) printTable(all, mode);
  if (runChart) printChartTable(charts, mode);
  printSummary({ ...firstPaint, maps: all, charts, soak: readSoak(root) });
  const loadAfter = load();
  console.log(
    `\nLoad average before ${loadBefore}, after ${loadAfter} on ${cpus().length} cores` +
      (Math.max(...`${loadBefore} ${loadAfter}`.split(' ').map(Number)) > cpus().length
        ? ': the machine was busy with other work, so timings are noisier than usual.'
        : '.'),
  );
  const common = { date: new Date().toISOString(), mode, load: { before: loadBefore, after: loadAfter } };
  const written = [];
  if (firstPaint) {
    writeFileSync(pageResultsFile, `${JSON.stringify({ ...common, ...firstPaint }, null, 2)}\n`);
    written.push(pageResultsFile);
  }
  if (runMap) {
    writeFileSync(resultsFile, `${JSON.stringify({ ...common, aim: AIM, results: all }, null, 2)}\n`);
    written.push(resultsFile);
  }
  if (runChart) {
    writeFileSync(
      chartResultsFile,
      `${JSON.stringify({ ...common, aim: CHART_AIM, results: charts }, null, 2)}\n`,
    );
    written.push(chartResultsFile);
  }
  console.log(
    `Results: ${written.map((f) => f.slice(root.length + 1)).join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
