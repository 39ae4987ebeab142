import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import {
  POLL_MS,
  VIEWS,
  advanceClock,
  expect,
  expectNoProblems,
  expectViewLoaded,
  test,
  trackApiRequests,
} from './fixtures';
import { graphicsCount, watchGraphics, type GraphicsCount } from './graphics-probe';

/**
 * Hours on a wall, replayed on the page's clock: the Environment view in wall mode (map, tables,
 * forecast charts, the wall's strip and attention band) runs SOAK_CYCLES refresh cycles. One cycle is one poll of the live readings, every other
 * resource polled at its own pace; the test moves the paused clock on by a cycle in two steps, and
 * each step's requests are answered and taken in before the next. Memory, DOM, WebGL contexts and
 * chart instances are measured after a warm-up and at the end.
 *
 * `npm test` runs a short soak; `npm run soak` runs 2,880 cycles (eight hours of readings polls)
 * and writes its figures to bench-results/soak.json for `npm run bench`.
 */

const CYCLE_MS = POLL_MS.readings!;
/** The sensors' and the air forecasts' refresh (5 min), in cycles; the health facilities' is twice it. */
const SLOW_REFRESH_CYCLES = POLL_MS.sensors! / CYCLE_MS;
/**
 * By default the warm-up holds one slow refresh and the measure two more (and the facilities'),
 * beside sixty readings polls: a leak at any refresh grows over the measure.
 */
const CYCLES = Number(process.env.SOAK_CYCLES) || 3 * SLOW_REFRESH_CYCLES;
const WARM_UP_CYCLES = Math.max(SLOW_REFRESH_CYCLES, Math.round(CYCLES / 10));
const MAX_HEAP_GROWTH_MB = 5;
const RESULTS_FILE = process.env.SOAK_RESULTS ? resolve(process.env.SOAK_RESULTS) : null;
/** A winter morning of the simulated territory. */
const STARTS_AT = Date.parse('2026-01-15T07:00:00Z');

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
    test.setTimeout(CYCLES * 1_500 + 120_000);
    // The environment as a wall composes it: its stations and the outlook beside the map.
    const desk = VIEWS.find((v) => v.path === 'environment')!;
    const view = { ...desk, panels: desk.panels.slice(0, 2) };
    let polls = 0;
    page.on('requestfinished', (request) => {
      if (/\/api\/v1\/readings(\?since=|$)/.test(request.url())) polls++;
    });
    const requests = trackApiRequests(page);
    await watchGraphics(page);
    const cdp = await page.context().newCDPSession(page);
    const started = Date.now();
    await page.clock.install({ time: STARTS_AT });
    // As a wall shows it: the kiosk's strip, attention band and burn-in shift, the view held.
    await page.goto(`/#/${view.path}?mode=wall&views=${view.path}:3600`);
    await expectViewLoaded(page, view);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);

    // One cycle is one readings interval of page time; the readings are asked once in each, the
    // driven clock neither skipping a poll nor doubling one.
    let cycles = 0;
    const runCyclesUntil = async (until: number) => {
      const from = { cycles, polls };
      for (; cycles < until; cycles++) await advanceClock(page, requests, CYCLE_MS, CYCLE_MS / 2);
      expect(polls - from.polls, `readings polls in cycles ${from.cycles} to ${until}`).toBe(
        until - from.cycles,
      );
    };

    await runCyclesUntil(WARM_UP_CYCLES);
    const first = await sample(page, cdp, cycles);
    await runCyclesUntil(CYCLES);
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
