/**
 * What a screen costs as it opens the app: the JavaScript before the default view's first paint
 * and the demo build's Largest Contentful Paint.
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { firstPaintScripts, kib } from '../bundle-budget.mjs';
import { median } from './figures.ts';

const LCP_RUNS = 5;

export interface FirstPaint {
  bundle: { kib: number; files: { file: string; gzipBytes: number }[] };
  lcp: { medianMs: number; runsMs: (number | null)[] };
}

/** Gzip size of the live build's JavaScript before the default view's first paint. */
export function measureBundle(root: string): FirstPaint['bundle'] {
  const scripts = firstPaintScripts(join(root, 'dist', 'live'));
  return { kib: kib(scripts.reduce((sum, s) => sum + s.gzipBytes, 0)), files: scripts };
}

type LcpWindow = Window & { __lcp?: number | null };

/**
 * Largest Contentful Paint of the demo build's Overview, each time in a fresh browser context (a
 * cold cache and a service worker to install, as on a screen's first visit).
 */
export async function measureLcp(browser: Browser, baseUrl: string): Promise<FirstPaint['lcp']> {
  const runs: (number | null)[] = [];
  for (let i = 0; i < LCP_RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const lcpWindow: LcpWindow = window;
      lcpWindow.__lcp = null;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) lcpWindow.__lcp = entry.startTime;
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
    runs.push(await page.evaluate(() => (window as LcpWindow).__lcp ?? null));
    await context.close();
  }
  return { medianMs: median(runs.filter((ms) => ms !== null)), runsMs: runs };
}
