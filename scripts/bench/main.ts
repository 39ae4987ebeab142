/**
 * `npm run bench`: the JavaScript a screen downloads before its first paint, the cold LCP of the
 * demo build and of the live build under serve:sim (signed in), Lighthouse on the live build, how
 * long one map refresh takes at 1,000 / 10,000 / 50,000 sensors, and one chart update at 10,000 /
 * 100,000 points; it ends with one summary table, the last `npm run soak` included.
 *
 * Builds the benchmark pages (bench/*.html, their own Vite config, outside the app), serves them,
 * and opens them in Debian's Chromium once per size. It reads every main-thread task of the measured
 * refreshes from a Chromium trace, prints medians and ratios, and writes everything to
 * bench-results/ (first-paint.json, lighthouse.json, map-refresh.json, chart-update.json).
 *
 * It reports and never fails on timings: only a page that cannot run is an error.
 *
 * Environment:
 *   CHROMIUM_PATH                 the browser (default /usr/bin/chromium-headless-shell)
 *   BENCH_ONLY=page|lighthouse|map|chart  run one part only (default: all; page = first-paint
 *                                 JavaScript and LCP; lighthouse = Lighthouse on the live build)
 *   BENCH_LIGHTHOUSE_RUNS=N       lighthouse: N cold runs per view (default 3)
 *   BENCH_SENSORS=1000,10000      map: run only these sizes
 *   BENCH_REFRESHES=N             map: N measured refreshes per block at every size (defaults in its PLAN)
 *   BENCH_PEER_REFRESHES=N        map peers (deck.gl, Leaflet): the same for their page (map-peers.ts)
 *   BENCH_VIEWPORTS=1920x1080     map: run only at these window sizes (default also 3840x2160)
 *   BENCH_POINTS=10000,100000     chart: run only these sizes
 *   BENCH_CHART_REFRESHES=N       chart: N measured refreshes per path at every size (defaults in its PLAN)
 *   BENCH_SOFTWARE_COMPOSITING=1  Chromium's default compositing for SwiftShader (see browser.ts)
 *   BENCH_CHROMIUM_ARGS="…"       extra browser flags;  BENCH_KEEP_TRACE=1  keep the traces in bench-results/
 *   BENCH_TRACE_CATEGORIES=a,b    trace categories (default toplevel, blink.user_timing, gpu)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, pageOpener, type BrowserOptions } from './browser.ts';
import { buildApps, buildBenchPages, serveBenchPages, serveDemo, type Served } from './builds.ts';
import { chartUpdate } from './chart-update.ts';
import { measureBundle, measureLcp, type FirstPaint } from './first-paint.ts';
import { measureLighthouse, type LighthouseFigures } from './lighthouse.ts';
import { printLighthouseTable } from './lighthouse-report.ts';
import { serveLive, signInAsWall } from './live-server.ts';
import { mapPeers } from './map-peers.ts';
import { mapRefresh } from './map-refresh.ts';
import type { Measured } from './measure.ts';
import { printSummary, readSoak } from './summary.ts';

const root = resolve(import.meta.dirname, '..', '..');
const resultsDir = join(root, 'bench-results');
const PARTS = ['page', 'lighthouse', 'map', 'chart'];

const only = process.env.BENCH_ONLY || null;
if (only && !PARTS.includes(only)) {
  console.error(`BENCH_ONLY must be ${PARTS.join(', ')}, not ${only}`);
  process.exit(2);
}

const browserOptions: BrowserOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
  softwareCompositing: Boolean(process.env.BENCH_SOFTWARE_COMPOSITING),
  extraArgs: process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? [],
  traceCategories: process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? ['toplevel', 'blink.user_timing', 'gpu'],
  keepTracesIn: process.env.BENCH_KEEP_TRACE ? resultsDir : null,
};

const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

function writeResults(file: string, figures: object) {
  const path = join(resultsDir, file);
  writeFileSync(path, `${JSON.stringify(figures, null, 2)}\n`);
  return path.slice(root.length + 1);
}

async function main() {
  const started = Date.now();
  const runFirstPaint = !only || only === 'page';
  const runLighthouse = !only || only === 'lighthouse';
  const measures = [mapRefresh, mapPeers, chartUpdate].filter(
    (m) => (!only || only === m.part) && m.plan.length > 0,
  );
  console.log('Building the benchmark pages…');
  await buildBenchPages(root);
  if (runFirstPaint || runLighthouse) {
    console.log('Building the live and demo apps…');
    await buildApps(root);
  }
  const servers: Served[] = [];
  const { browser, mode } = await launchBrowser(browserOptions);
  const loadBefore = loadAverage();
  mkdirSync(resultsDir, { recursive: true });
  const measured: Measured[] = [];
  let firstPaint: FirstPaint | null = null;
  let lighthouse: LighthouseFigures | null = null;
  try {
    if (runFirstPaint || runLighthouse) {
      const live = await serveLive(root);
      servers.push(live);
      const session = await signInAsWall(browser, live.url);
      if (runFirstPaint) {
        console.log('\nFirst paint: JavaScript before it, and LCP of the demo and live builds');
        const demo = await serveDemo(root);
        servers.push(demo);
        const lcp = await measureLcp(browser, `${demo.url}/index.html#/overview`);
        const liveLcp = await measureLcp(browser, `${live.url}/#/overview`, session.cookies);
        firstPaint = { bundle: measureBundle(root), lcp, liveLcp };
      }
      if (runLighthouse) {
        console.log('\nLighthouse on the live build under serve:sim');
        lighthouse = await measureLighthouse(
          root,
          live.url,
          session,
          browserOptions.executablePath,
          mode.args,
        );
      }
    }
    if (measures.length > 0) {
      const pages = await serveBenchPages(root);
      servers.push(pages);
      const openPage = pageOpener(browser, pages.url, browserOptions);
      for (const measure of measures) measured.push(await measure.run(openPage));
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
  }
  if (lighthouse) printLighthouseTable(lighthouse);
  for (const m of measured) m.printTable(mode);
  printSummary(
    firstPaint,
    lighthouse,
    measured.flatMap((m) => m.summaryRows),
    readSoak(root),
  );
  const loadAfter = loadAverage();
  const busy = Math.max(...`${loadBefore} ${loadAfter}`.split(' ').map(Number)) > cpus().length;
  console.log(
    `\nLoad average before ${loadBefore}, after ${loadAfter} on ${cpus().length} cores` +
      (busy ? ': the machine was busy with other work, so timings are noisier than usual.' : '.'),
  );
  const common = { date: new Date().toISOString(), mode, load: { before: loadBefore, after: loadAfter } };
  const written = [
    ...(firstPaint ? [writeResults('first-paint.json', { ...common, ...firstPaint })] : []),
    ...(lighthouse ? [writeResults('lighthouse.json', { ...common, ...lighthouse })] : []),
    ...measured.map((m) => writeResults(m.resultsFile, { ...common, aim: m.aim, results: m.results })),
  ];
  console.log(`Results: ${written.join(', ')} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
