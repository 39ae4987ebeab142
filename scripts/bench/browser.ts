/** Debian's Chromium, driven by Playwright, and a benchmark page opened in it with a trace running. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { Trace } from './trace.ts';

/** A page that has not reported in this time is stuck: SwiftShader's largest runs take minutes. */
const PAGE_TIMEOUT_MS = 15 * 60_000;
const BASE_ARGS = [
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/**
 * With software compositing (Chromium's default for SwiftShader) every frame reads the WebGL canvas
 * back on the main thread: about 125 ms at 1600×900 here, whatever the map did, which hides the cost
 * of the update itself. A wall screen with a GPU composites on the GPU; so does this, still on
 * SwiftShader, and the main thread then shows only its own work.
 */
const GPU_COMPOSITING_ARGS = ['--use-angle=swiftshader', '--enable-gpu-compositing'];

export interface BrowserOptions {
  executablePath: string;
  softwareCompositing: boolean;
  extraArgs: readonly string[];
  traceCategories: readonly string[];
  /** Where to keep each page's trace, or null to keep none. */
  keepTracesIn: string | null;
}

/** How the browser ran, printed above the tables and written with the results. */
export interface BrowserMode {
  browser: string;
  label: string;
  /** Whether frames wait for the GPU process on the main thread (software compositing). */
  gpuWait: boolean;
  args: string[];
}

/** A browser window's size in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** A 1080p screen: the window pages open in unless a measure asks for another. */
export const DEFAULT_VIEWPORT: Viewport = { width: 1920, height: 1080 };

/** Opens a page of the benchmark server and returns what it left in `window.benchResults`. */
export type OpenPage = <R>(
  path: string,
  name: string,
  viewport?: Viewport,
) => Promise<{ results: R; trace: Trace }>;

export async function launchBrowser(options: BrowserOptions) {
  const args = [
    ...BASE_ARGS,
    ...options.extraArgs,
    ...(options.softwareCompositing ? [] : GPU_COMPOSITING_ARGS),
  ];
  const browser = await chromium.launch({ executablePath: options.executablePath, args });
  const mode: BrowserMode = {
    browser: browser.version(),
    label: options.softwareCompositing
      ? 'SwiftShader, software compositing'
      : 'SwiftShader through ANGLE with GPU compositing (BENCH_SOFTWARE_COMPOSITING=1 for software)',
    gpuWait: options.softwareCompositing,
    args,
  };
  return { browser, mode };
}

export function pageOpener(browser: Browser, baseUrl: string, options: BrowserOptions): OpenPage {
  return async <R>(path: string, name: string, viewport = DEFAULT_VIEWPORT) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) console.log(`  ${message.text().slice(8)}`);
      else if (message.type() === 'error') console.error(`  page error: ${message.text()}`);
    });
    page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
    await browser.startTracing(page, { categories: [...options.traceCategories] });
    await page.goto(`${baseUrl}/${path}`);
    await page.waitForFunction(() => window.benchResults || window.benchError, null, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 500,
    });
    const { error, results } = await page.evaluate(() => ({
      error: window.benchError,
      // Each page declares its own results; the caller names which.
      results: window.benchResults as unknown,
    }));
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Trace;
    if (options.keepTracesIn)
      writeFileSync(join(options.keepTracesIn, `trace-${name}.json`), JSON.stringify(trace));
    await context.close();
    if (error) throw new Error(`the page failed at ${name}: ${error}`);
    return { results: results as R, trace };
  };
}
