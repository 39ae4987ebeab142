/**
 * The parts of `npm run bench` that measure the app as a screen opens it — the JavaScript before
 * its first paint and the demo build's Largest Contentful Paint — and the one summary table that
 * closes the run, with the map and chart figures and those of the last `npm run soak`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_KIB, firstPaintScripts, kib } from './bundle-budget.mjs';

const LCP_RUNS = 5;

/** Builds the live and demo apps (the live one is what users download; the demo runs without a backend). */
export function buildApps(root) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const [mode, outDir] of [
    ['live', 'dist/live'],
    ['demo', 'dist/demo'],
  ]) {
    const result = spawnSync(process.execPath, [vite, 'build', '--mode', mode, '--outDir', outDir], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (result.status !== 0) throw new Error(`building the ${mode} app failed`);
  }
}

/** Gzip size of the live build's JavaScript before the default view's first paint. */
export function measureBundle(root) {
  const scripts = firstPaintScripts(join(root, 'dist', 'live'));
  return { kib: kib(scripts.reduce((sum, s) => sum + s.gzipBytes, 0)), files: scripts };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * Largest Contentful Paint of the demo build's Overview, each time in a fresh browser context (a
 * cold cache and a service worker to install, as on a screen's first visit).
 */
export async function measureLcp(browser, baseUrl) {
  const runs = [];
  for (let i = 0; i < LCP_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__lcp = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(`${baseUrl}/index.html#/overview`);
    // Every panel of the Overview says when its data was updated: the screen is complete.
    await page.waitForFunction(
      () => document.querySelectorAll('main section.panel p.panel__status').length >= 4,
      null,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(1000);
    runs.push(await page.evaluate(() => window.__lcp));
    await context.close();
  }
  return { medianMs: median(runs), runsMs: runs };
}

/** The figures of the last `npm run soak`, or null when it has not been run here. */
export function readSoak(root) {
  const file = join(root, 'bench-results', 'soak.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

const fmt = (ms) => (Number.isFinite(ms) ? (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)) : 'n/a');
const times = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '');
const COLUMNS = [
  ['measure', 52, true],
  ['Territorio', 11],
  ['naive', 9],
  ['ratio', 6],
  ['budget', 20, true],
];
const row = (cells) =>
  cells
    .map((c, i) => (COLUMNS[i][2] ? String(c).padEnd(COLUMNS[i][1]) : String(c).padStart(COLUMNS[i][1])))
    .join(' │ ');
const rule = () => COLUMNS.map((c) => '─'.repeat(c[1])).join('─┼─');

/** One table of every figure of the run (medians; map and chart: the longest main-thread task). */
export function printSummary({ bundle, lcp, maps, charts, soak }) {
  console.log('\nSummary');
  console.log(row(COLUMNS.map((c) => c[0])));
  console.log(rule());
  if (bundle)
    console.log(
      row([
        'JavaScript before the first paint, gzip',
        `${bundle.kib.toFixed(1)} KiB`,
        '',
        '',
        `≤ ${BUDGET_KIB} KiB: ${bundle.kib <= BUDGET_KIB ? 'met' : 'MISSED'}`,
      ]),
    );
  if (lcp)
    console.log(
      row([
        `LCP, demo build on localhost, cold (median of ${lcp.runsMs.length})`,
        `${fmt(lcp.medianMs)} ms`,
        '',
        '',
        '',
      ]),
    );
  for (const size of maps ?? []) {
    for (const [kase, label] of [
      ['delta', '3 % changed'],
      ['all', 'all changed'],
    ]) {
      const t = size.blocks.find((b) => b.case === kase && b.path === 'territorio');
      const n = size.blocks.find((b) => b.case === kase && b.path === 'naive');
      if (!t || !n) continue;
      console.log(
        row([
          `Map refresh, ${size.sensors.toLocaleString('en')} sensors, ${label}: blocking`,
          `${fmt(t.longestTaskMs)} ms`,
          `${fmt(n.longestTaskMs)} ms`,
          times(n.longestTaskMs, t.longestTaskMs),
          size.sensors === 10_000 ? '≤ 50 ms at 10,000' : '',
        ]),
      );
    }
  }
  for (const size of charts ?? []) {
    const t = size.blocks.find((b) => b.path === 'territorio');
    const n = size.blocks.find((b) => b.path === 'naive');
    if (!t || !n) continue;
    console.log(
      row([
        `Chart update, ${size.points.toLocaleString('en')} points: longest task`,
        `${fmt(t.longestTaskMs)} ms`,
        `${fmt(n.longestTaskMs)} ms`,
        times(n.longestTaskMs, t.longestTaskMs),
        'no task > 100 ms',
      ]),
    );
  }
  if (soak) {
    const { start, end } = soak;
    const when = `${soak.cycles.toLocaleString('en')} cycles, ${soak.measuredAt.slice(0, 10)}`;
    console.log(
      row([`Soak (${when}): post-GC heap growth`, `${soak.heapGrowthMB.toFixed(1)} MB`, '', '', '≤ 5 MB']),
    );
    console.log(row(['Soak: DOM nodes, start → end', `${start.domNodes} → ${end.domNodes}`, '', '', 'flat']));
    console.log(
      row(['Soak: WebGL contexts live / created', `${end.live} / ${end.created}`, '', '', '1 per map']),
    );
    console.log(
      row(['Soak: chart instances, start → end', `${start.charts} → ${end.charts}`, '', '', 'constant']),
    );
  } else {
    console.log(row(['Soak: not run on this machine yet (npm run soak)', '', '', '', '']));
  }
  console.log(
    'Map: the longest main-thread task from the update call until drawn. naive: a full setData of a new',
  );
  console.log('FeatureCollection (map), a fresh option of [time, value] pairs without sampling (chart).');
}
