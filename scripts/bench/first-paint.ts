/**
 * What a screen costs as it opens the app: the JavaScript before the default view's first paint
 * and the Largest Contentful Paint of the demo build and of the live build.
 */
import { join } from 'node:path';
import type { Browser, Cookie } from '@playwright/test';
import { firstPaintScripts, kib } from '../bundle-budget.mjs';
import { median } from './figures.ts';

const LCP_RUNS = 5;

export interface FirstPaint {
  bundle: { kib: number; files: { file: string; gzipBytes: number }[] };
  /** The demo build's Overview on Vite's preview server. */
  lcp: Lcp;
  /** The live build's Overview under serve:sim, signed in as the wall account. */
  liveLcp: Lcp;
}

/** Gzip size of the live build's JavaScript before the default view's first paint. */
export function measureBundle(root: string): FirstPaint['bundle'] {
  const scripts = firstPaintScripts(join(root, 'dist', 'live'));
  return { kib: kib(scripts.reduce((sum, s) => sum + s.gzipBytes, 0)), files: scripts };
}

type LcpWindow = Window & { __lcp?: number | null; __lcpElement?: string | null };

/** LCP runs: each from opening the URL, and when the document that painted it started loading. */
export interface Lcp {
  medianMs: number;
  runsMs: (number | null)[];
  /** Time spent before the last document (the sign-in redirects); 0 without them. */
  redirectedMs: number[];
  /** What was painted, as `tag.class text…`: whoever speeds it up sees which element counts. */
  elements: (string | null)[];
}

/**
 * Largest Contentful Paint of a page opened at `url`, each time in a fresh browser context (a cold
 * cache and a service worker to install, as on a screen's first visit) holding only `cookies`.
 * Taken from the moment the URL is opened to the LCP of the document that ends up on screen: when
 * the app navigates away first (the live build's sign-in redirects), that time is counted too.
 */
export async function measureLcp(browser: Browser, url: string, cookies: Cookie[] = []): Promise<Lcp> {
  const runs: { lcpMs: number | null; redirectedMs: number; element: string | null }[] = [];
  for (let i = 0; i < LCP_RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      storageState: { cookies, origins: [] },
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The first document's start, kept in the tab's session storage through the redirects.
      if (sessionStorage.getItem('bench:opened') === null)
        sessionStorage.setItem('bench:opened', String(performance.timeOrigin));
      const opened = Number(sessionStorage.getItem('bench:opened'));
      const lcpWindow: LcpWindow = window;
      lcpWindow.__lcp = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as LargestContentfulPaint[]) {
          lcpWindow.__lcp = performance.timeOrigin + entry.startTime - opened;
          const element = entry.element;
          lcpWindow.__lcpElement = element
            ? `${element.tagName.toLowerCase()}.${element.className} ${element.textContent?.slice(0, 40)}`
            : entry.url;
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(url);
    // Every panel of the Overview says when its data was updated: the screen is complete.
    await page.waitForFunction(
      () => document.querySelectorAll('main section.panel p.panel__status').length >= 4,
      null,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(1000);
    runs.push(
      await page.evaluate(() => ({
        lcpMs: (window as LcpWindow).__lcp ?? null,
        element: (window as LcpWindow).__lcpElement ?? null,
        redirectedMs: performance.timeOrigin - Number(sessionStorage.getItem('bench:opened')),
      })),
    );
    await context.close();
  }
  const runsMs = runs.map((run) => run.lcpMs);
  return {
    medianMs: median(runsMs.filter((ms) => ms !== null)),
    runsMs,
    redirectedMs: runs.map((run) => run.redirectedMs),
    elements: runs.map((run) => run.element),
  };
}
