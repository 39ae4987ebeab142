/**
 * Lighthouse's performance category (desktop preset) on the live build under serve:sim, signed in
 * as the wall account: the Overview; the Overview again in a browser without WebGL, so that the
 * map's share (SwiftShader draws WebGL on the CPU here, where a GPU would) can be told apart; and
 * the KPIs view, which has no map.
 *
 * Each run launches its own Chromium through chrome-launcher and Lighthouse resets the origin's
 * storage and the browser's cache first: a cold load. The provider's session goes with every
 * request as a `Cookie` header (Lighthouse's `extraHeaders`), so the measured load is a signed-in
 * screen's: the app, the redirect to the provider and straight back with a code, the app again,
 * the token exchange and the view. Desktop's throttling is simulated (Lantern, 40 ms RTT,
 * 10 Mbps, CPU unslowed) from the observed load; the observed LCP is kept beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { median } from './figures.ts';
import type { ProviderSession } from './live-server.ts';

const DEFAULT_RUNS = 3;
const NOTES = {
  signIn:
    "wall account: the provider's session cookie as a Cookie header on every request, after " +
    "Lighthouse's reset of storage and cache; the load includes the redirects to the provider and back",
  mapNotDrawn:
    "the Overview in a browser without WebGL (--disable-3d-apis): the same load, but the map's panel " +
    'says it cannot draw, so SwiftShader (WebGL drawn on the CPU here) is left out; #/kpis is a view without a map',
};
const MAP_SOURCE = 'src/components/map/territory-map.tsx';

export const LIGHTHOUSE_VIEWS = [
  { name: 'Overview', hash: '#/overview', flags: [] },
  { name: 'Overview, map not drawn (no WebGL)', hash: '#/overview', flags: ['--disable-3d-apis'] },
  { name: 'KPIs (no map)', hash: '#/kpis', flags: [] },
] as const;

/** One Lighthouse run's figures: times in ms, bytes transferred, the score out of 100. */
export interface LighthouseRun {
  score: number;
  fcpMs: number;
  lcpMs: number;
  observedLcpMs: number;
  tbtMs: number;
  cls: number;
  bytes: number;
  /** The map chunk's CPU time in the `bootup-time` audit; 0 when under its 50 ms threshold. */
  mapBootupMs: number;
  mapChunkLoaded: boolean;
  finalUrl: string;
  warnings: string[];
}

export type LighthouseFigure = Exclude<keyof LighthouseRun, 'mapChunkLoaded' | 'finalUrl' | 'warnings'>;
const FIGURES: readonly LighthouseFigure[] = [
  'score',
  'fcpMs',
  'lcpMs',
  'observedLcpMs',
  'tbtMs',
  'cls',
  'bytes',
  'mapBootupMs',
];

export interface LighthouseView {
  name: string;
  url: string;
  median: Record<LighthouseFigure, number>;
  min: Record<LighthouseFigure, number>;
  max: Record<LighthouseFigure, number>;
  runs: LighthouseRun[];
}

export interface LighthouseFigures {
  lighthouse: string;
  /** How the runs were signed in and how the map is left out, for the results file. */
  notes: typeof NOTES;
  settings: Pick<
    Result['configSettings'],
    'formFactor' | 'throttlingMethod' | 'throttling' | 'screenEmulation'
  >;
  views: LighthouseView[];
}

/** The map chunk's file in the live build, as Lighthouse names it in a URL. */
function mapChunk(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'dist', 'live', '.vite', 'manifest.json'), 'utf8'));
  const file = (manifest as Record<string, { file: string } | undefined>)[MAP_SOURCE]?.file;
  if (!file) throw new Error(`${MAP_SOURCE} is not in the live build's manifest`);
  return `/${file}`;
}

const numeric = (lhr: Result, audit: string) => {
  const value = lhr.audits[audit]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse gave no ${audit}`);
  return value;
};

type TableItems = { url?: string; total?: number }[];
const tableItems = (lhr: Result, audit: string): TableItems => {
  const details = lhr.audits[audit]?.details;
  return details && 'items' in details ? (details.items as TableItems) : [];
};

function figuresOf(lhr: Result, hash: string, mapFile: string): LighthouseRun {
  if (lhr.runtimeError) throw new Error(`Lighthouse failed: ${lhr.runtimeError.message}`);
  // Anywhere else (the provider's sign-in form) would be measuring the wrong page.
  if (!lhr.finalDisplayedUrl.endsWith(`/${hash}`))
    throw new Error(`Lighthouse ended at ${lhr.finalDisplayedUrl}, not at the signed-in ${hash}`);
  const score = lhr.categories.performance?.score;
  if (typeof score !== 'number') throw new Error('Lighthouse gave no performance score');
  const metrics = tableItems(lhr, 'metrics')[0] as { observedLargestContentfulPaint?: number } | undefined;
  const isMap = (item: { url?: string }) => item.url?.endsWith(mapFile) ?? false;
  return {
    score: Math.round(score * 100),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    observedLcpMs: metrics?.observedLargestContentfulPaint ?? NaN,
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    bytes: numeric(lhr, 'total-byte-weight'),
    mapBootupMs: tableItems(lhr, 'bootup-time').find(isMap)?.total ?? 0,
    mapChunkLoaded: tableItems(lhr, 'network-requests').some(isMap),
    finalUrl: lhr.finalDisplayedUrl,
    // Lighthouse always warns that the URL was redirected: the sign-in's redirects, expected.
    warnings: lhr.runWarnings.filter((warning) => !warning.includes('was redirected to')),
  };
}

/** One cold Lighthouse run in a Chromium of its own, launched with the benchmark's flags. */
async function runOnce(url: string, session: ProviderSession, chromiumPath: string, args: readonly string[]) {
  // As Playwright does: no sandbox (it cannot start as root with one here).
  const chrome = await launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless', '--no-sandbox', ...args],
  });
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: ['performance'],
        extraHeaders: { Cookie: session.header },
      },
      desktopConfig,
    );
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

const summarise = (runs: readonly LighthouseRun[], pick: (values: number[]) => number) =>
  Object.fromEntries(FIGURES.map((figure) => [figure, pick(runs.map((run) => run[figure]))])) as Record<
    LighthouseFigure,
    number
  >;

/** BENCH_LIGHTHOUSE_RUNS runs (default 3) of each view, one after the other. */
export async function measureLighthouse(
  root: string,
  origin: string,
  session: ProviderSession,
  chromiumPath: string,
  args: readonly string[],
): Promise<LighthouseFigures> {
  const runCount = Number(process.env.BENCH_LIGHTHOUSE_RUNS) || DEFAULT_RUNS;
  const mapFile = mapChunk(root);
  let settings: LighthouseFigures['settings'] | null = null;
  let version = '';
  const views: LighthouseView[] = [];
  for (const view of LIGHTHOUSE_VIEWS) {
    const url = `${origin}/${view.hash}`;
    const runs: LighthouseRun[] = [];
    for (let i = 0; i < runCount; i++) {
      const lhr = await runOnce(url, session, chromiumPath, [...args, ...view.flags]);
      const run = figuresOf(lhr, view.hash, mapFile);
      const { formFactor, throttlingMethod, throttling, screenEmulation } = lhr.configSettings;
      settings ??= { formFactor, throttlingMethod, throttling, screenEmulation };
      version = lhr.lighthouseVersion;
      console.log(
        `  ${view.name}, run ${i + 1}: score ${run.score}, LCP ${run.lcpMs.toFixed(0)} ms, TBT ${run.tbtMs.toFixed(0)} ms` +
          (run.warnings.length ? ` (${run.warnings.join('; ')})` : ''),
      );
      runs.push(run);
    }
    views.push({
      name: view.name,
      url,
      median: summarise(runs, median),
      min: summarise(runs, (values) => Math.min(...values)),
      max: summarise(runs, (values) => Math.max(...values)),
      runs,
    });
  }
  if (!settings) throw new Error('no Lighthouse run');
  return { lighthouse: version, notes: NOTES, settings, views };
}
