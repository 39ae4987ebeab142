import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { VIEWS, expect, expectNoProblems, expectViewLoaded, test } from './fixtures';
import { graphicsCount, watchGraphics, type GraphicsCount } from './graphics-probe';

/**
 * A day on a wall, replayed fast: the Environment view (map, tables and forecast charts) runs
 * SOAK_CYCLES refresh cycles — one cycle is one poll of the live readings, every other resource
 * polled at its own pace, all of them 20 times faster (`?refresh-scale=0.05`). Memory, DOM,
 * WebGL contexts and chart instances are measured after a warm-up and at the end.
 *
 * `npm test` runs a short soak; `npm run soak` runs 2,880 cycles (a day at 30 s) and writes its
 * figures to bench-results/soak.json for `npm run bench`.
 */

const CYCLES = Number(process.env.SOAK_CYCLES) || 200;
const REFRESH_SCALE = 0.05;
/** The live readings' poll, 10 s at the real pace. */
const CYCLE_MS = 10_000 * REFRESH_SCALE;
const WARM_UP_CYCLES = Math.max(50, Math.round(CYCLES / 10));
const MAX_HEAP_GROWTH_MB = 5;
const RESULTS_FILE = process.env.SOAK_RESULTS ? resolve(process.env.SOAK_RESULTS) : null;

interface Counts {
  heapMB: number;
  domNodes: number;
  listeners: number;
}

interface Sample extends Counts, GraphicsCount {
  cycle: number;
}

const READINGS_PER_SAMPLE = 5;

/**
 * Collects garbage twice (finalisers free more on the second pass), then counts; five times,
 * keeping the lowest of each count. One count can catch a refresh's short-lived objects (seen:
 * 518 listeners read as 806 in one count and 518 in the next); a leak shows in every count.
 */
async function sample(page: Page, cdp: CDPSession, cycle: number): Promise<Sample> {
  const readings: Counts[] = [];
  for (let i = 0; i < READINGS_PER_SAMPLE; i++) {
    if (i > 0) await page.waitForTimeout(250);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    readings.push({ heapMB: usedSize / 2 ** 20, domNodes: nodes, listeners: jsEventListeners });
  }
  const lowest = (key: keyof Counts) => Math.min(...readings.map((r) => r[key]));
  return {
    cycle,
    heapMB: lowest('heapMB'),
    domNodes: lowest('domNodes'),
    listeners: lowest('listeners'),
    ...(await graphicsCount(page)),
  };
}

test.describe('soak', () => {
  test(`${CYCLES} refresh cycles keep memory, DOM and graphics flat`, async ({
    page,
    problems,
  }, testInfo) => {
    test.setTimeout(CYCLES * CYCLE_MS * 6 + 120_000);
    const view = VIEWS.find((v) => v.path === 'environment')!;
    let cycles = 0;
    page.on('requestfinished', (request) => {
      if (/\/api\/v1\/readings(\?since=|$)/.test(request.url())) cycles++;
    });
    const untilCycle = (n: number) =>
      expect
        .poll(() => cycles, { timeout: (n - cycles) * CYCLE_MS * 6 + 30_000, intervals: [1000] })
        .toBeGreaterThanOrEqual(n);

    await watchGraphics(page);
    const cdp = await page.context().newCDPSession(page);
    const started = Date.now();
    await page.goto(`/?refresh-scale=${REFRESH_SCALE}#/${view.path}`);
    await expectViewLoaded(page, view);

    await untilCycle(WARM_UP_CYCLES);
    const first = await sample(page, cdp, cycles);
    await untilCycle(CYCLES);
    const last = await sample(page, cdp, cycles);
    await expectViewLoaded(page, view);

    const figures = {
      measuredAt: new Date().toISOString(),
      cycles: last.cycle,
      cycleMs: CYCLE_MS,
      minutes: (Date.now() - started) / 60_000,
      start: first,
      end: last,
      heapGrowthMB: last.heapMB - first.heapMB,
    };
    await testInfo.attach('soak.json', {
      body: JSON.stringify(figures, null, 2),
      contentType: 'application/json',
    });
    console.log(
      `soak: ${figures.cycles} cycles in ${figures.minutes.toFixed(1)} min; heap ${first.heapMB.toFixed(1)} → ${last.heapMB.toFixed(1)} MB, ` +
        `DOM nodes ${first.domNodes} → ${last.domNodes}, listeners ${first.listeners} → ${last.listeners}, ` +
        `WebGL contexts ${last.live} live / ${last.created} created, charts ${first.charts} → ${last.charts}`,
    );
    if (RESULTS_FILE) {
      mkdirSync(dirname(RESULTS_FILE), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify(figures, null, 2)}\n`);
    }

    expect(figures.heapGrowthMB, 'post-GC heap growth after warm-up, MB').toBeLessThanOrEqual(
      MAX_HEAP_GROWTH_MB,
    );
    expect(last.domNodes, 'DOM nodes').toBeLessThanOrEqual(first.domNodes * 1.1 + 200);
    expect(last.listeners, 'event listeners').toBeLessThanOrEqual(first.listeners * 1.1 + 50);
    // One WebGL context for the one map, never re-created; the same charts, none added.
    expect(last).toMatchObject({ created: 1, live: 1, charts: first.charts });
    expect(first.charts, 'the view has its charts').toBeGreaterThan(0);
    expectNoProblems(problems);
  });
});
