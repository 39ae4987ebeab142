import type { Locator, Page } from '@playwright/test';
import {
  ENDPOINTS,
  ERROR_TEXT,
  GIVE_UP_AFTER_MS,
  POLL_MS,
  RECHECK_AFTER_ERROR_MS,
  REQUEST_TIMEOUT_MS,
  RETRY_DELAYS_MS,
  STALE,
  UPDATED,
  VIEWS,
  clearFaults,
  expect,
  expectFresh,
  expectMapReady,
  faultList,
  globalStatus,
  header,
  isFailedLoad,
  mapCanvas,
  mapRegion,
  onEveryEndpoint,
  panelNamed,
  setFaults,
  test,
  type Endpoint,
  type Fault,
  type PageProblems,
  startOfTimeStep,
} from './fixtures';
import { LONGEST_WAIT_MS } from '../src/app/shell/view-settled';
import { DEVICE, DEVICE_PANEL, LINK, STATION, labelOf, urlOf } from './subjects';

/**
 * The dashboard under failure: for each endpoint, an unreachable backend, HTTP 500 and 503, an
 * answer that never comes and an empty answer each show on the panels fed by that endpoint only,
 * naming it; data that can no longer be refreshed stays on screen marked stale with its age; the
 * shell says when the whole backend is gone and every panel recovers by itself when it is back;
 * and a component that throws takes down its own panel only.
 *
 * Time is the page's own: each test installs Playwright's clock in its page before loading it and
 * skips the waits (refresh intervals, the request timeout, the pauses between retries, the
 * half-minute recheck) by moving that clock on; every deadline is measured on it, the page's
 * Date.now(), never on the test runner's. Between the jumps the page's clock runs at real pace,
 * which the page needs to fetch through its service worker and MapLibre needs to draw.
 */

/** The pauses between a failing request's attempts, together: what an answer failing at once waits. */
const RETRIES_MS = RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);
/**
 * How far the page's clock moves at a time while something is awaited: no longer than the first
 * pause before a retry, so the retries (1 s, then 2 s after an answer) come due on a step.
 */
const STEP_MS = RETRY_DELAYS_MS[0]!;
/** How late, in page time, the screen may show what came due: a step to take in an answer, one to show it. */
const LATE_MS = 2 * STEP_MS;
/**
 * How late, in page time, a timer's own work may come (an attempt it sends, a request it aborts, the
 * screen it updates): the page's clock is moved onto each moment due, so it fires on time.
 */
const TIMER_LATE_MS = 100;
/** How long (real time) a check looks at the screen between two steps of the page's clock. */
const GLANCE_MS = 200;

/** A request the page sent, in page time: when, and when it ended (answered, failed or aborted). */
interface Sent {
  url: string;
  at: number;
  endedAt: number | null;
}

/** What the init script of `useClock` keeps in the page. */
interface Recorded {
  requests: Sent[];
  /** Each alert text shown, with the page time it first showed. */
  alerts: Record<string, number>;
}
type RecordingWindow = Window & { __faultsSpec: Recorded };

/** Where the connection labels the header has shown are kept across the page's navigations. */
const CONNECTIONS_KEY = 'faults-spec:connections';

/**
 * Installs Playwright's clock in the page (call it before the first navigation) and records, in
 * page time, every API request and every alert shown, and every connection label the header shows
 * (so a brief "Backend unreachable" does not go unseen).
 */
async function useClock(page: Page) {
  await page.clock.install({ time: startOfTimeStep() });
  await page.addInitScript((key) => {
    const recorded: Recorded = { requests: [], alerts: {} };
    (window as unknown as RecordingWindow).__faultsSpec = recorded;
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
      const sent: Sent = { url, at: Date.now(), endedAt: null };
      if (url.includes('/api/v1/')) recorded.requests.push(sent);
      const answer = send(input, init);
      const end = () => {
        sent.endedAt = Date.now();
      };
      answer.then(end, end);
      return answer;
    };
    let connections: string[] = [];
    try {
      connections = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[];
    } catch {
      // A page without storage of its own (about:blank) shows no connection anyway.
    }
    new MutationObserver(() => {
      for (const alert of document.querySelectorAll('[role="alert"]')) {
        const text = alert.textContent ?? '';
        if (text && !(text in recorded.alerts)) recorded.alerts[text] = Date.now();
      }
      const label = document.querySelector('.global-status__label')?.textContent;
      if (label && !connections.includes(label)) {
        connections = [...connections, label];
        sessionStorage.setItem(key, JSON.stringify(connections));
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, CONNECTIONS_KEY);
}

/** The page's clock: its Date.now(). */
const pageNow = (page: Page) => page.evaluate(() => Date.now());

/** Pages whose clock stands still but when moved here. */
const paused = new WeakSet<Page>();

/**
 * Stops the page's clock (a moment ahead, where it will be once told), and returns that time. From
 * then on a busy machine does not make the page late: its clock moves only when moved here.
 */
async function pause(page: Page) {
  for (let ahead = 100; ; ahead *= 2) {
    const at = (await pageNow(page)) + ahead;
    if (
      await page.clock.pauseAt(at).then(
        () => true,
        () => false,
      )
    ) {
      paused.add(page);
      return at;
    }
    // The page's clock passed that moment before it was told: it runs on, and is told a later one.
    await page.clock.resume();
  }
}

/** Lets the page's clock run at real pace again, from where it stood. */
async function resume(page: Page) {
  paused.delete(page);
  await page.clock.resume();
}

/**
 * Lets the paused page take in the answers to what it asked at `at` or since (real time, a second
 * at most; not waiting for the endpoints that never answer): they come through its service worker
 * at real pace. Then what they set off at once (the screen's update) is run.
 */
async function settle(page: Page, at: number, hanging: readonly Endpoint[]) {
  await page
    .waitForFunction(
      ({ since, never }) =>
        !(window as unknown as RecordingWindow).__faultsSpec.requests.some(
          (r) => r.at >= since && r.endedAt === null && !never.some((url) => new RegExp(url).test(r.url)),
        ),
      { since: at, never: hanging.map((e) => urlOf(e).source) },
      { polling: 20, timeout: 1_000 },
    )
    .catch(() => {});
  await page.clock.runFor(0);
}

/** What the page has recorded so far, and its clock. */
const recorded = (page: Page) =>
  page.evaluate(() => ({ now: Date.now(), ...(window as unknown as RecordingWindow).__faultsSpec }));

/**
 * Waits, at real pace while the page loads, until it has asked one of the endpoints: from then on
 * its clock may stand still but when moved, the screen being up.
 */
async function untilAsked(page: Page, endpoints: readonly Endpoint[]) {
  await expect
    .poll(
      async () => {
        const { requests } = await recorded(page);
        return requests.some((r) => endpoints.some((e) => urlOf(e).test(r.url)));
      },
      `one of ${endpoints.join(', ')} is asked`,
    )
    .toBe(true);
}

/** The connection labels the header has shown since the page first loaded. */
const connectionsShown = (page: Page) =>
  page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[], CONNECTIONS_KEY);

/**
 * Moves the page's clock on by steps until `check` passes, and fails if it still does not once the
 * page's clock has reached `deadline`. The clock stands still meanwhile but for the steps (after
 * jumping to `skipTo` first, if given, by jumps of `skipBy` at most, each answered before the next):
 * after each, the page takes in its answers (but from the
 * endpoints `hanging`, which never answer), and `check` looks at the screen for a moment (its
 * `timeout`, real time).
 */
async function byPageTime(
  page: Page,
  deadline: number,
  check: (timeout: number) => Promise<void>,
  {
    step = STEP_MS,
    skipTo = 0,
    skipBy = Infinity,
    hanging = [],
  }: { step?: number; skipTo?: number; skipBy?: number; hanging?: readonly Endpoint[] } = {},
) {
  const own = !paused.has(page);
  let now = own ? await pause(page) : await pageNow(page);
  const from = now;
  try {
    while (skipTo > now) {
      const to = Math.min(now + skipBy, skipTo);
      await page.clock.fastForward(to - now);
      now = to;
      if (now < skipTo) await settle(page, now, hanging);
    }
    for (;;) {
      await settle(page, now, hanging);
      try {
        await check(GLANCE_MS);
        return;
      } catch (error) {
        if (now >= deadline) {
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(
            `Still not so at its deadline, ${deadline - from} ms of page time later: ${message}`,
            {
              cause: error,
            },
          );
        }
      }
      const to = Math.min(now + step, deadline);
      await page.clock.fastForward(to - now);
      now = to;
    }
  } finally {
    if (own) await resume(page);
  }
}

/** Something on screen fed by an endpoint, which must show that endpoint's failures. */
interface Consumer {
  name: string;
  endpoint: Endpoint;
  locate: (page: Page) => Locator;
  /** A QueryPanel (with "Try again now" and a freshness line), or something else that says why it has no data. */
  kind: 'panel' | 'other';
  /** What it shows for an empty answer. */
  empty: string | RegExp;
}

const panel = (title: string | RegExp, endpoint: Endpoint, empty: string | RegExp): Consumer => ({
  name: `panel "${title}"`,
  endpoint,
  locate: (page) => panelNamed(page, title),
  kind: 'panel',
  empty,
});
/** A panel whose own query is fine but which needs another endpoint's data to show it. */
const dependent = (title: string | RegExp, endpoint: Endpoint, empty: string | RegExp): Consumer => ({
  ...panel(title, endpoint, empty),
  name: `panel "${title}" (needs ${endpoint})`,
  kind: 'other',
});
const map = (endpoint: Endpoint, empty: string | RegExp): Consumer => ({
  name: `the map (${endpoint})`,
  endpoint,
  locate: mapRegion,
  kind: 'other',
  empty,
});

const NO_DATA = 'No data for now.';

/** A screen with some of its endpoints failing together and panels that must stay fresh beside them. */
interface FaultPage {
  name: string;
  /** The route after the `#/`, with its parameters. */
  route: string;
  consumers: Consumer[];
  healthy: string[];
  /** Whether to check that an empty answer stays empty once stale (its renderers assume items). */
  staleEmpty?: boolean;
  /**
   * Whether to follow the failing screen to its first recheck step by step rather than skip to it,
   * so that a request too many on the way shows (a screen without a map: the steps are cheap).
   */
  followRecheck?: boolean;
}

const endpointsOf = (fp: FaultPage) => [...new Set(fp.consumers.map((c) => c.endpoint))];
const pageUrl = (fp: FaultPage, faults: Partial<Record<Endpoint, Fault>> = {}) => {
  const list = faultList(faults);
  return `/${list ? `?faults=${list}` : ''}#/${fp.route}`;
};
const all = (fp: FaultPage, fault: Fault) =>
  Object.fromEntries(endpointsOf(fp).map((e) => [e, fault])) as Partial<Record<Endpoint, Fault>>;

/** Screens on which every failing consumer is a QueryPanel with its "Try again now" button. */
const PANEL_PAGES: FaultPage[] = [
  {
    name: 'overview: sites, QKD links and readings',
    route: 'overview',
    consumers: [
      panel('5G network', 'sites', NO_DATA),
      panel('Quantum key distribution', 'qkd-links', NO_DATA),
      panel('Air and traffic', 'readings', NO_DATA),
    ],
    healthy: ['Security alerts'],
    staleEmpty: true,
  },
  {
    name: 'security: alerts, response times and a QKD link’s history',
    route: `security?link=${LINK.id}`,
    consumers: [
      panel('Alerts', 'alerts', 'No alerts in the last 48 hours.'),
      panel('Response times', 'response-times', 'No response times for this period.'),
      panel(`QKD link: ${LINK.name}`, 'qkd-series', 'No history reported for this link.'),
    ],
    healthy: ['Quantum key distribution links'],
  },
  {
    name: 'environment: air-quality forecasts and the daily outlook',
    route: 'environment',
    consumers: [
      panel(
        'Outlook: PM10, metropolitan mean',
        'air-forecasts',
        'No air-quality forecast published for this place.',
      ),
      panel('Forecast accuracy, PM10', 'air-forecasts', NO_DATA),
      panel('Daily outlook across municipalities, PM10', 'air-outlook', 'No daily outlook published.'),
    ],
    healthy: ['Air-quality stations'],
  },
  {
    name: 'mobility: traffic forecasts',
    route: 'mobility',
    consumers: [
      panel('Traffic forecast, next 6 h', 'traffic-forecasts', 'No traffic forecasts published.'),
      panel(
        'Corridors by predicted congestion, next 6 h',
        'traffic-forecasts',
        'No traffic forecasts published.',
      ),
      panel('Forecast accuracy, traffic speed', 'traffic-forecasts', NO_DATA),
    ],
    healthy: ['Corridors and ring roads'],
  },
  {
    name: 'network: coverage',
    route: 'network',
    consumers: [panel('Coverage, band n78 · 3.7 GHz', 'coverage', 'No coverage cells for this band.')],
    healthy: ['Sites'],
  },
  {
    name: 'KPIs',
    route: 'kpis',
    consumers: [panel('Indicators, last week', 'kpis', 'No indicators for this period.')],
    healthy: [],
  },
  {
    name: 'health: the devices and a device’s history',
    route: `health?sel=device:${DEVICE.id}`,
    consumers: [
      panel('Diagnostic devices', 'health-devices', 'No diagnostic devices are registered.'),
      panel('Devices needing attention', 'health-devices', 'No diagnostic devices are registered.'),
      panel(DEVICE_PANEL, 'device-series', 'This device has no history for the last day.'),
    ],
    healthy: [],
  },
];

/** Screens whose failing consumers have no retry button: each fault is opened afresh. */
const OTHER_PAGES: FaultPage[] = [
  {
    name: 'mobility: the sensor inventory and the territory',
    route: 'mobility',
    consumers: [
      // An empty territory (no bounds, no municipality) is refused, which these then say.
      dependent('Corridors and ring roads', 'sensors', ERROR_TEXT.invalid(labelOf('territory'))),
      dependent('Corridors and ring roads', 'territory', ERROR_TEXT.invalid(labelOf('territory'))),
      map('territory', ERROR_TEXT.invalid(labelOf('territory'))),
    ],
    healthy: [
      'Traffic forecast, next 6 h',
      'Corridors by predicted congestion, next 6 h',
      'Forecast accuracy, traffic speed',
    ],
  },
  {
    name: 'environment: a sensor’s history and the map’s forecast hour',
    route: `environment?sel=sensor:${STATION.id}&time=60`,
    consumers: [
      {
        name: 'the sensor’s details',
        endpoint: 'series',
        locate: (page) => mapRegion(page).getByRole('region', { name: `Details: ${STATION.name}` }),
        kind: 'other',
        empty: 'PM10: no values in the last 24 hours.',
      },
      map('sensor-forecasts', /Forecast/),
    ],
    healthy: VIEWS[2].panels.slice(),
  },
  {
    name: 'presentation mode: the story',
    route: 'kpis?mode=presentation',
    consumers: [
      {
        name: 'the presentation caption',
        endpoint: 'story',
        locate: (page) => page.getByRole('region', { name: 'Presentation', exact: true }),
        kind: 'other',
        empty: 'This territory has no presentation yet.',
      },
    ],
    // A presentation shows the map and its card, not the view's panels.
    healthy: [],
    followRecheck: true,
  },
];

const FAILURES = [
  { fault: 'network-error', text: (e: Endpoint) => ERROR_TEXT.network(labelOf(e)) },
  { fault: 'server-error', text: (e: Endpoint) => ERROR_TEXT.http(labelOf(e), 500) },
  { fault: 'unavailable', text: (e: Endpoint) => ERROR_TEXT.http(labelOf(e), 503) },
] as const satisfies readonly { fault: Fault; text: (e: Endpoint) => string }[];

/** Each consumer shows its endpoint's failure in an alert, and each panel offers to try again. */
async function expectFailing(page: Page, fp: FaultPage, text: (e: Endpoint) => string, timeout?: number) {
  for (const c of fp.consumers) {
    const where = c.locate(page);
    await expect(
      where.getByRole('alert').filter({ hasText: text(c.endpoint) }),
      `${c.name} says what failed`,
    ).toBeVisible({ timeout });
    if (c.kind === 'panel') {
      await expect(where.getByRole('button', { name: 'Try again now' })).toBeVisible({ timeout });
      await expect(where.getByText(UPDATED)).toHaveCount(0, { timeout });
    }
  }
}

/**
 * The consumers say what failed once the failing requests have been given up, and nothing waits
 * longer than the request timeout and its retries from `asked` (page time) on.
 */
async function expectFailingInTime(page: Page, fp: FaultPage, text: (e: Endpoint) => string, asked: number) {
  await untilAsked(page, endpointsOf(fp));
  await byPageTime(page, asked + GIVE_UP_AFTER_MS + LATE_MS, (timeout) =>
    expectFailing(page, fp, text, timeout),
  );
}

async function expectHealthy(page: Page, fp: FaultPage) {
  for (const title of fp.healthy) await expectFresh(panelNamed(page, title), `"${title}" is not affected`);
}

const emptied = (c: Consumer, page: Page) => c.locate(page).getByText(c.empty).first();

async function expectEmpty(page: Page, fp: FaultPage, timeout?: number) {
  for (const c of fp.consumers) {
    await expect(emptied(c, page), `${c.name} shows the empty answer`).toBeVisible({ timeout });
    if (c.kind === 'panel') await expectFresh(c.locate(page), `${c.name} is fresh, only empty`);
  }
}

/**
 * Asks each failing endpoint again with the first panel's "Try again now" (its other panels
 * follow), unless the screen has just asked again by itself and the button is gone.
 */
async function tryAgain(page: Page, fp: FaultPage) {
  for (const endpoint of endpointsOf(fp)) {
    const first = fp.consumers.find((c) => c.endpoint === endpoint && c.kind === 'panel')!;
    const button = first.locate(page).getByRole('button', { name: 'Try again now' });
    await button.click({ timeout: 5_000 }).catch(async (error: unknown) => {
      if (await button.isVisible()) throw error;
    });
  }
}

/** Panels marked stale with their age, still showing their data, and saying why. */
async function expectStale(page: Page, fp: FaultPage, why: (e: Endpoint) => string, timeout?: number) {
  for (const c of fp.consumers.filter((c) => c.kind === 'panel')) {
    const where = c.locate(page);
    await expect(where.getByRole('status').filter({ hasText: STALE }), `${c.name} is stale`).toBeVisible({
      timeout,
    });
    await expect(where.getByText(why(c.endpoint)), `${c.name} says why`).toBeVisible({ timeout });
    await expect(where.getByRole('alert'), `${c.name} still shows its data`).toHaveCount(0, { timeout });
    await expect(where.getByText(UPDATED)).toHaveCount(0, { timeout });
  }
}

/**
 * The failing endpoints' next refresh, at their own interval (or their recheck, if failing): the
 * page's clock skips to it, the longest of the screen's; `check` passes by then, or once the
 * retries (`extra`) are through.
 */
async function atNextRefresh(
  page: Page,
  fp: FaultPage,
  check: (timeout: number) => Promise<void>,
  extra = 0,
) {
  const from = await pageNow(page);
  const every = Math.max(...endpointsOf(fp).map((e) => POLL_MS[e]!));
  await byPageTime(page, from + every + extra + LATE_MS, check, { skipTo: from + every });
}

/**
 * Until the failing endpoints are asked again, at their recheck: the page's clock skips to it or,
 * `stepByStep`, steps to it, so that any request on the way is seen too.
 */
async function untilRechecked(page: Page, fp: FaultPage, since: number, stepByStep: boolean) {
  const asked = async () =>
    (await recorded(page)).requests.filter((r) => endpointsOf(fp).some((e) => urlOf(e).test(r.url))).length;
  const before = await asked();
  await byPageTime(
    page,
    since + RECHECK_AFTER_ERROR_MS + LATE_MS,
    (timeout) => expect.poll(asked, { timeout }).toBeGreaterThan(before),
    stepByStep
      ? // Steps shorter than any refresh or recheck, each seen on its own.
        { step: RETRIES_MS }
      : // Jumps no longer than the alerts' interval (polled on every screen), each answered
        // before the next: the screen is not to see the backend silent longer than it was.
        { skipTo: since + RECHECK_AFTER_ERROR_MS, skipBy: POLL_MS.alerts! },
  );
}

/** The page's data content (figures, tables, charts, lists), beside its messages. */
const content = (where: Locator) => where.locator('dl, table, figure, ul, ol');

/** No crash, and the only failures in the console and network are the faulted endpoints'. */
function expectOnlyFaulted(problems: PageProblems, endpoints: readonly Endpoint[]) {
  const faulted = (address: string | undefined) =>
    address !== undefined && endpoints.some((e) => urlOf(e).test(address));
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  // The browser logs each failed load, with the address after it: "… (http://…/api/v1/kpis?…:0)".
  expect(
    problems.consoleErrors.filter(
      (m) => !(isFailedLoad(m, /\/api\/v1\//) && faulted(/\((\S+):\d+\)$/.exec(m)?.[1])),
    ),
    'console errors besides failed loads of the faulted endpoints',
  ).toEqual([]);
  // "GET http://…/api/v1/kpis?period=week: HTTP 500"
  expect(
    problems.failedRequests.filter((r) => !faulted(/^\w+ (\S+): /.exec(r)?.[1])),
    'failed requests besides the faulted endpoints',
  ).toEqual([]);
}

/** Some endpoints failing is not the backend being unreachable: the header never said so. */
async function expectNeverUnreachable(page: Page, what: string) {
  expect
    .soft(await connectionsShown(page), `connection states shown, ${what}`)
    .not.toContain('Backend unreachable');
}

/**
 * One screen's whole story, in one page: unreachable from the start, then HTTP 500 and 503 (an
 * alert naming the endpoint, "Try again now"), an empty answer (still empty once it cannot be
 * refreshed: HTTP 500), its data back at the next refresh, and failing (HTTP 503) at the one
 * after: stale data with its age. The panels beside it stay fresh throughout.
 */
async function panelPageCycle(page: Page, fp: FaultPage) {
  await page.goto(pageUrl(fp, all(fp, 'network-error')));
  await expectFailingInTime(page, fp, FAILURES[0].text, await pageNow(page));
  await expectHealthy(page, fp);
  for (const { fault, text } of FAILURES.slice(1)) {
    await setFaults(page, all(fp, fault));
    const asked = await pageNow(page);
    await tryAgain(page, fp);
    await expectFailingInTime(page, fp, text, asked);
    await expectHealthy(page, fp);
  }

  // An empty answer is data: fresh, saying there is nothing.
  await setFaults(page, all(fp, 'empty'));
  await tryAgain(page, fp);
  await expectEmpty(page, fp);
  await expectHealthy(page, fp);
  if (fp.staleEmpty) {
    // And still nothing, without a crash, once it cannot be refreshed.
    await setFaults(page, all(fp, 'server-error'));
    await atNextRefresh(page, fp, (timeout) => expectStale(page, fp, FAILURES[1].text, timeout), RETRIES_MS);
    for (const c of fp.consumers) await expect(emptied(c, page)).toBeVisible();
    await expectHealthy(page, fp);
  }

  // The endpoint back: its data at the next refresh.
  await clearFaults(page);
  await atNextRefresh(page, fp, async (timeout) => {
    for (const c of fp.consumers) {
      await expectFresh(c.locate(page), `${c.name} shows its data`, timeout);
      await expect(content(c.locate(page)).first(), `${c.name} shows its data`).toBeVisible({ timeout });
      if (c.empty) await expect(emptied(c, page), `${c.name} has data`).toHaveCount(0, { timeout });
    }
  });
  await expectHealthy(page, fp);

  // Failing at the next refresh: stale with its age, keeping its data.
  await setFaults(page, all(fp, 'unavailable'));
  await atNextRefresh(page, fp, (timeout) => expectStale(page, fp, FAILURES[2].text, timeout), RETRIES_MS);
  for (const c of fp.consumers.filter((c) => c.kind === 'panel'))
    await expect(content(c.locate(page)).first(), `${c.name} keeps its data`).toBeVisible();
  await expectHealthy(page, fp);
}

test.describe('each endpoint failing takes down only what it feeds', () => {
  for (const fp of PANEL_PAGES) {
    test(fp.name, async ({ page, problems }) => {
      test.setTimeout(120_000);
      await useClock(page);
      await panelPageCycle(page, fp);
      expectOnlyFaulted(problems, endpointsOf(fp));
      await expectNeverUnreachable(page, fp.name);
    });
  }

  for (const fp of OTHER_PAGES) {
    test(`with no retry button: ${fp.name}`, async ({ page, problems }) => {
      test.setTimeout(120_000);
      await useClock(page);
      await page.goto(pageUrl(fp, all(fp, 'network-error')));
      await expectFailingInTime(page, fp, FAILURES[0].text, await pageNow(page));
      await expectHealthy(page, fp);
      // Nothing to ask again from the screen: each next fault shows once the screen has asked
      // again by itself, at the recheck of what failed, and after the retries.
      for (const [i, { fault, text }] of [
        ...FAILURES.slice(1),
        { fault: 'empty' as const, text: null },
      ].entries()) {
        await setFaults(page, all(fp, fault));
        const since = await pageNow(page);
        await untilRechecked(page, fp, since, i === 0 && !!fp.followRecheck);
        await byPageTime(page, since + RECHECK_AFTER_ERROR_MS + RETRIES_MS + LATE_MS, (timeout) =>
          text ? expectFailing(page, fp, text, timeout) : expectEmpty(page, fp, timeout),
        );
        await expectHealthy(page, fp);
      }
      expectOnlyFaulted(problems, endpointsOf(fp));
      await expectNeverUnreachable(page, fp.name);
      // No retry storm: three attempts per refresh, refreshes no more often than rechecks.
      const { now, requests } = await recorded(page);
      const elapsed = now - Math.min(...requests.map((r) => r.at));
      for (const e of endpointsOf(fp)) {
        const every = Math.min(POLL_MS[e] ?? RECHECK_AFTER_ERROR_MS, RECHECK_AFTER_ERROR_MS);
        expect
          .soft(
            requests.filter((r) => urlOf(e).test(r.url)).length,
            `requests to ${e} in ${elapsed} ms of page time`,
          )
          .toBeLessThanOrEqual((RETRY_DELAYS_MS.length + 1) * (1 + Math.floor(elapsed / every)));
      }
    });
  }

  test('the header says when the territory cannot be loaded, and the alerts follow to other views', async ({
    page,
    problems,
  }) => {
    await useClock(page);
    await page.goto(pageUrl(OTHER_PAGES[0]!, { territory: 'server-error', alerts: 'server-error' }));
    await byPageTime(page, (await pageNow(page)) + GIVE_UP_AFTER_MS + LATE_MS, async (timeout) => {
      await expect(header(page)).toContainText('Territory not loaded', { timeout });
      await expect(mapRegion(page).getByRole('alert')).toContainText(
        `The map cannot be drawn: ${ERROR_TEXT.http(labelOf('territory'), 500)}`,
        { timeout },
      );
    });
    await expect(globalStatus(page)).toContainText('Degraded');
    // The faults stay with the page across views: the alerts fail on the overview too.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(/\?faults=territory:server-error,alerts:server-error#\/overview/);
    await byPageTime(page, (await pageNow(page)) + GIVE_UP_AFTER_MS + LATE_MS, (timeout) =>
      expect(panelNamed(page, 'Security alerts').getByRole('alert')).toContainText(
        ERROR_TEXT.http(labelOf('alerts'), 500),
        { timeout },
      ),
    );
    for (const title of ['5G network', 'Air and traffic', 'Quantum key distribution'])
      await expectFresh(panelNamed(page, title), `"${title}" still works`);
    expectOnlyFaulted(problems, ['territory', 'alerts']);
  });
});

/**
 * A request that never answers is tried three times: each attempt ends at the request timeout, the
 * next follows after its retry delay (1 s, then 2 s), and the panel gives up when the third ends.
 * Measured in page time attempt by attempt, each no sooner than due and no more than a timer's
 * lateness after.
 */
function expectGaveUpInTime(endpoint: Endpoint, sent: Sent[], gaveUpAt: number | undefined) {
  const attempts = sent.filter((r) => r.at <= (gaveUpAt ?? Infinity));
  const start = attempts[0]?.at ?? 0;
  const timeline = `asked at ${attempts
    .map((r) => `${r.at - start}${r.endedAt === null ? '' : ` (ended ${r.endedAt - start})`}`)
    .join(', ')} ms, gave up at ${gaveUpAt === undefined ? 'no time' : `${gaveUpAt - start} ms`}, page time`;
  expect(attempts.length, `${endpoint}: three attempts (${timeline})`).toBe(RETRY_DELAYS_MS.length + 1);
  for (const [i, r] of attempts.entries())
    if (r.endedAt !== null)
      expect(
        r.endedAt - r.at,
        `${endpoint}: attempt ${i + 1} timed out no sooner than the request timeout (${timeline})`,
      ).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
  RETRY_DELAYS_MS.forEach((delay, i) => {
    const gap = attempts[i + 1]!.at - attempts[i]!.at;
    expect(
      gap,
      `${endpoint}: attempt ${i + 2} no sooner than attempt ${i + 1} timed out and ${delay} ms after (${timeline})`,
    ).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS + delay);
    expect(
      gap,
      `${endpoint}: attempt ${i + 2} once attempt ${i + 1} timed out and ${delay} ms after (${timeline})`,
    ).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + delay + TIMER_LATE_MS);
  });
  const last = attempts.at(-1)!.at;
  expect(gaveUpAt, `${endpoint}: gives up (${timeline})`).toBeDefined();
  expect(
    gaveUpAt! - last,
    `${endpoint}: gives up no sooner than the last attempt timed out (${timeline})`,
  ).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
  expect(
    gaveUpAt! - last,
    `${endpoint}: gives up once the last attempt timed out (${timeline})`,
  ).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + TIMER_LATE_MS);
}

/** When the screen first said that the endpoint did not answer (page time), if it has. */
function gaveUpAt(endpoint: Endpoint, alerts: Record<string, number>) {
  const times = Object.entries(alerts)
    .filter(([text]) => text.includes(ERROR_TEXT.timeout(labelOf(endpoint))))
    .map(([, at]) => at);
  return times.length ? Math.min(...times) : undefined;
}

/** How far the page's clock moves at a time while a screen that waits for answers loads. */
const LOADING_STEP_MS = 500;

/**
 * Moves the paused page's clock on until each of the endpoints, which never answer, has been given
 * up. It jumps from one moment due to the next (an attempt's timeout, the pause before the next,
 * the giving up after the last): to a millisecond short of it, where whatever was due sooner fires,
 * then onto it. What a moment sets off at once (the screen showing the giving up) is run a
 * millisecond at a time, with real time for the page to draw in between. `meanwhile` runs once, at
 * its moment on the way.
 */
async function runUntilGivenUp(
  page: Page,
  endpoints: readonly Endpoint[],
  meanwhile?: { at: number; run: () => Promise<void> },
) {
  const sentTo = (e: Endpoint, requests: Sent[]) => requests.filter((r) => urlOf(e).test(r.url));
  /** The next moment due for the endpoint, or null once it has been given up. */
  const due = (e: Endpoint, requests: Sent[], alerts: Record<string, number>) => {
    if (gaveUpAt(e, alerts) !== undefined) return null;
    const sent = sentTo(e, requests);
    const last = sent.at(-1)!;
    if (last.endedAt === null) return last.at + REQUEST_TIMEOUT_MS;
    return last.endedAt + (RETRY_DELAYS_MS[sent.length - 1] ?? 0);
  };
  const { requests: asked } = await recorded(page);
  const limit = Math.min(...asked.map((r) => r.at)) + GIVE_UP_AFTER_MS + LATE_MS;
  for (;;) {
    const { now, requests, alerts } = await recorded(page);
    const pending = endpoints.map((e) => due(e, requests, alerts)).filter((t) => t !== null);
    if (pending.length === 0 || now > limit) return;
    const next = Math.min(...pending);
    if (meanwhile && next > meanwhile.at) {
      await page.clock.fastForward(Math.max(0, meanwhile.at - now));
      await meanwhile.run();
      meanwhile = undefined;
      continue;
    }
    if (next > now) {
      if (next > now + 1) await page.clock.fastForward(next - 1 - now);
      await page.clock.fastForward(1);
    } else if (now - next < 10) {
      await page.clock.fastForward(1);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } else {
      // Late: what is awaited did not come on time (the check will say), the clock goes to find it.
      await page.clock.fastForward(Math.min(now - next, 1_000));
    }
  }
}

/** Whether the screen at `route` (after the `#/`) shows the map. */
const showsMap = (route: string) =>
  route.includes('mode=presentation') || !!VIEWS.find((v) => v.path === route.split('?')[0])?.map;

/** How long the simulated backend takes to give a `slow` answer (mocks/scenarios.ts), page time. */
const SLOW_MS = 4_000;

/** Screens whose endpoints never answer: together they cover every endpoint. */
const HANGING: {
  route: string;
  hang: Endpoint[];
  consumers: Consumer[];
  healthy: string[];
  /**
   * A map layer switched on as the hanging endpoints near their giving up, its endpoint slow: the
   * answer comes just after they gave up, the backend silent until then, and the screen sees it
   * back. Giving up is final all the same, until each endpoint's next refresh.
   */
  answeredAcross?: { endpoint: Endpoint; layers: string };
}[] = [
  {
    route: 'overview',
    hang: ['sites', 'readings', 'alerts', 'qkd-links'],
    answeredAcross: { endpoint: 'coverage', layers: 'coverage,sites,air,traffic,security' },
    consumers: [
      panel('5G network', 'sites', NO_DATA),
      panel('Air and traffic', 'readings', NO_DATA),
      panel('Security alerts', 'alerts', NO_DATA),
      panel('Quantum key distribution', 'qkd-links', NO_DATA),
    ],
    healthy: [],
  },
  {
    route: 'network',
    hang: ['coverage'],
    consumers: [panel('Coverage, band n78 · 3.7 GHz', 'coverage', '')],
    healthy: ['Sites'],
  },
  {
    route: `environment?sel=sensor:${STATION.id}&time=60`,
    hang: ['air-forecasts', 'air-outlook', 'series', 'sensor-forecasts'],
    consumers: [
      panel('Outlook: PM10, metropolitan mean', 'air-forecasts', ''),
      panel('Forecast accuracy, PM10', 'air-forecasts', ''),
      panel('Daily outlook across municipalities, PM10', 'air-outlook', ''),
      OTHER_PAGES[1]!.consumers[0]!,
      map('sensor-forecasts', ''),
    ],
    healthy: ['Air-quality stations'],
  },
  {
    route: 'mobility',
    hang: ['traffic-forecasts', 'sensors', 'territory'],
    consumers: [
      panel('Traffic forecast, next 6 h', 'traffic-forecasts', ''),
      panel('Corridors by predicted congestion, next 6 h', 'traffic-forecasts', ''),
      panel('Forecast accuracy, traffic speed', 'traffic-forecasts', ''),
      dependent('Corridors and ring roads', 'sensors', ''),
      dependent('Corridors and ring roads', 'territory', ''),
      map('territory', ''),
    ],
    healthy: [],
  },
  {
    route: `security?link=${LINK.id}`,
    hang: ['qkd-series', 'response-times'],
    consumers: [
      panel(`QKD link: ${LINK.name}`, 'qkd-series', ''),
      panel('Response times', 'response-times', ''),
    ],
    healthy: ['Alerts', 'Quantum key distribution links'],
  },
  {
    route: `health?sel=device:${DEVICE.id}`,
    hang: ['health-devices', 'health-facilities', 'device-series'],
    consumers: [
      panel('Diagnostic devices', 'health-devices', ''),
      panel(DEVICE_PANEL, 'device-series', ''),
      map('health-facilities', ''),
    ],
    healthy: [],
  },
  {
    route: 'kpis',
    hang: ['kpis'],
    consumers: [panel('Indicators, last week', 'kpis', '')],
    healthy: [],
  },
  {
    route: 'kpis?mode=presentation',
    hang: ['story'],
    consumers: [OTHER_PAGES[2]!.consumers[0]!],
    healthy: [],
  },
];

/**
 * Opens a screen whose endpoints of `h` never answer, and follows it until each has given up: it
 * says it is loading meanwhile, then which endpoint did not answer, each attempt timed.
 */
async function expectGivesUp(page: Page, h: (typeof HANGING)[number]) {
  const sentTo = (e: Endpoint, requests: Sent[]) => requests.filter((r) => urlOf(e).test(r.url));
  // The page's clock stands still from the start but when moved here, so that each moment due is
  // kept to the millisecond, however busy the machine.
  await pause(page);
  const faults: Partial<Record<Endpoint, Fault>> = Object.fromEntries(h.hang.map((e) => [e, 'hang']));
  if (h.answeredAcross) faults[h.answeredAcross.endpoint] = 'slow';
  await page.goto(`/?faults=${faultList(faults)}#/${h.route}`);
  // A screen asks as it loads, which takes real time on a busy machine (a view's code, the map):
  // the page's clock creeps meanwhile, a fifth as fast as real time, until every endpoint is asked
  // or it has crept too far for the first attempts' timeouts to be kept (the loop below says which).
  const loadedFrom = await pageNow(page);
  for (let waited = 0; waited < 30_000; waited += 100) {
    const { requests, now } = await recorded(page);
    if (h.hang.every((e) => sentTo(e, requests).length > 0) || now - loadedFrom >= LOADING_STEP_MS) break;
    await page.waitForTimeout(100);
    await page.clock.fastForward(20);
  }
  const firstAsked = await pageNow(page);
  // The map starts once the view's first answers are in or after a wait for them (view-settled.tsx),
  // then loads its code at real pace while the clock creeps as above: it is up seconds into the
  // page's time, as it would be, not at whatever moment its code arrived while the clock leapt from
  // one timeout to the next (its queries then asking anew for data gone stale by then).
  if (showsMap(h.route)) {
    await page.clock.fastForward(LONGEST_WAIT_MS);
    for (let waited = 0; (await mapRegion(page).count()) === 0; waited += 100) {
      expect(waited, 'the map is up').toBeLessThan(30_000);
      await page.waitForTimeout(100);
      await page.clock.fastForward(20);
    }
  }
  // Waiting, and saying so, while the others are fresh, before the first attempts time out.
  await byPageTime(
    page,
    firstAsked + REQUEST_TIMEOUT_MS - LOADING_STEP_MS,
    async (timeout) => {
      for (const c of h.consumers.filter((c) => c.kind === 'panel'))
        await expect(c.locate(page).getByText('Loading…'), `${c.name} is loading`).toBeVisible({ timeout });
      for (const title of h.healthy)
        await expectFresh(panelNamed(page, title), `"${title}" is not affected`, timeout);
      const { requests } = await recorded(page);
      expect(
        h.hang.filter((e) => sentTo(e, requests).length === 0),
        'endpoints not asked yet',
      ).toEqual([]);
    },
    { step: LOADING_STEP_MS, hanging: h.hang },
  );
  // Then, once the three attempts have timed out, it says which endpoint did not answer.
  const across = h.answeredAcross;
  const { requests: loaded } = await recorded(page);
  const firstAsks = h.hang.map((e) => sentTo(e, loaded)[0]!.at);
  /** The slow request asked as they near their giving up, as recorded now. */
  const answering = async () => sentTo(across!.endpoint, (await recorded(page)).requests)[0];
  await runUntilGivenUp(
    page,
    h.hang,
    across && {
      // Answered half a second after the first of them gives up.
      at: Math.min(...firstAsks) + GIVE_UP_AFTER_MS - SLOW_MS + 500,
      run: async () => {
        await page.evaluate((layers) => {
          location.hash = `${location.hash}${location.hash.includes('?') ? '&' : '?'}layers=${layers}`;
        }, across.layers);
        await expect.poll(answering, `${across.endpoint} is asked`).toBeDefined();
      },
    },
  );
  if (across) {
    // Silent until they gave up, the backend answers: the screen sees it back.
    const asked = (await answering())!.at;
    await byPageTime(
      page,
      asked + SLOW_MS + LATE_MS,
      async (timeout) => {
        expect((await answering())!.endedAt, `${across.endpoint} is answered`).not.toBeNull();
        await expect(globalStatus(page)).not.toContainText('Backend unreachable', { timeout });
      },
      { hanging: h.hang },
    );
    expect(await connectionsShown(page), 'the backend called unreachable before it answered').toContain(
      'Backend unreachable',
    );
  }
  await resume(page);
  const { requests, alerts } = await recorded(page);
  for (const e of h.hang) expectGaveUpInTime(e, sentTo(e, requests), gaveUpAt(e, alerts));
  // Giving up is final until the endpoint's next refresh (it is not due in this time).
  for (const e of h.hang)
    expect(
      sentTo(e, requests)
        .filter((r) => r.at > gaveUpAt(e, alerts)!)
        .map((r) => r.at - gaveUpAt(e, alerts)!),
      `${e}: not asked again after giving up (ms after)`,
    ).toEqual([]);
  for (const c of h.consumers)
    await expect(
      c
        .locate(page)
        .getByRole('alert')
        .filter({ hasText: ERROR_TEXT.timeout(labelOf(c.endpoint)) }),
      `${c.name} gives up on ${c.endpoint}`,
    ).toBeVisible();
  // Nothing is still spinning, and the panels beside keep their data fresh.
  await expect(page.locator('[aria-busy="true"]'), `nothing busy on ${h.route}`).toHaveCount(0);
  await expect(page.getByRole('main').getByText(/Loading/)).toHaveCount(0);
  for (const title of h.healthy) await expectFresh(panelNamed(page, title), `"${title}" still fresh`);
}

test.describe('an endpoint that never answers stops spinning after the timeout and its retries', () => {
  test('the screens that follow cover every endpoint', () => {
    expect(new Set(HANGING.flatMap((h) => h.hang))).toEqual(new Set(ENDPOINTS));
  });
  for (const h of HANGING) {
    test(`${h.hang.join(', ')} on ${h.route}`, async ({ page, problems }) => {
      await useClock(page);
      await expectGivesUp(page, h);
      expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
      expect(problems.consoleErrors, 'console errors').toEqual([]);
    });
  }
});

test.describe('the whole backend gone', () => {
  const everything = onEveryEndpoint('network-error');
  const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'The backend is unreachable.' });
  /** The shell says the backend is unreachable within two polls of the live readings and their retries. */
  const unreachableBy = (from: number) => from + 2 * POLL_MS.readings! + RETRIES_MS + LATE_MS;
  /**
   * When the backend is back, the alerts (polled every few seconds on every screen, as often when
   * failing) are the first asked again: nothing can come back sooner, so the clock skips to them.
   */
  const firstAskedAgain = (back: number) => ({ skipTo: back + POLL_MS.alerts! });

  /** Nothing crashed, the shell is connected again, and nothing failed but the API while it was gone. */
  async function expectWhole(page: Page, problems: PageProblems) {
    await expect(globalStatus(page)).toContainText('Connected');
    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    // Failed fetches are logged by the browser; anything else in the console is a bug.
    expect(problems.consoleErrors.filter((m) => !isFailedLoad(m, /\/api\/v1\//))).toEqual([]);
    expect(problems.failedRequests.filter((r) => !/\/api\/v1\//.test(r))).toEqual([]);
  }

  test('while a screen runs: the shell says so within two refreshes, every panel stale with its data, all fresh within the recheck of its return', async ({
    page,
    problems,
  }) => {
    test.setTimeout(120_000);
    await useClock(page);
    await page.goto('/#/overview');
    for (const title of VIEWS[0].panels) await expectFresh(panelNamed(page, title));
    await setFaults(page, everything);
    const down = await pageNow(page);
    // The clock skips to the live readings' next refresh: every request fails from then on.
    await byPageTime(
      page,
      unreachableBy(down),
      async (timeout) => {
        await expect(banner(page)).toBeVisible({ timeout });
        await expect(globalStatus(page)).toContainText('Backend unreachable', { timeout });
      },
      { skipTo: down + POLL_MS.readings! },
    );
    // Every panel stale at its next refresh, the rarest of them (the sites') included.
    await byPageTime(
      page,
      down + POLL_MS.sites! + RETRIES_MS + LATE_MS,
      async (timeout) => {
        for (const title of VIEWS[0].panels) {
          const where = panelNamed(page, title);
          await expect(
            where.getByRole('status').filter({ hasText: STALE }),
            `"${title}" is stale`,
          ).toBeVisible({ timeout });
          await expect(content(where).first(), `"${title}" keeps its data`).toBeVisible({ timeout });
        }
      },
      { skipTo: down + POLL_MS.sites! },
    );
    await clearFaults(page);
    const back = await pageNow(page);
    await byPageTime(
      page,
      back + RECHECK_AFTER_ERROR_MS + LATE_MS,
      async (timeout) => {
        await expect(banner(page)).toBeHidden({ timeout });
        for (const title of VIEWS[0].panels)
          await expectFresh(panelNamed(page, title), `"${title}" is fresh again`, timeout);
      },
      firstAskedAgain(back),
    );
    await expectWhole(page, problems);
  });

  test('from a screen’s start: each panel and the map say what they could not reach, and all comes back by itself', async ({
    page,
    problems,
  }) => {
    test.setTimeout(120_000);
    const feeds: Record<string, Endpoint> = {
      'Air-quality stations': 'readings',
      'Outlook: PM10, metropolitan mean': 'air-forecasts',
      'Daily outlook across municipalities, PM10': 'air-outlook',
      'Forecast accuracy, PM10': 'air-forecasts',
    };
    await useClock(page);
    await page.goto(`/?faults=${faultList(everything)}#/environment`);
    // Within two refreshes of the screen's first request, the clock skipping to the first of them.
    await untilAsked(page, ENDPOINTS);
    const { requests } = await recorded(page);
    const started = Math.min(...requests.map((r) => r.at));
    await byPageTime(
      page,
      unreachableBy(started),
      async (timeout) => {
        await expect(globalStatus(page)).toContainText('Backend unreachable', { timeout });
        await expect(banner(page)).toBeVisible({ timeout });
      },
      { skipTo: started + POLL_MS.readings! },
    );
    await expect(header(page)).toContainText('Territory not loaded');
    await expect(mapRegion(page).getByRole('alert')).toContainText(ERROR_TEXT.network(labelOf('territory')));
    for (const title of VIEWS[2].panels)
      await expect(panelNamed(page, title).getByRole('alert')).toContainText(
        ERROR_TEXT.network(labelOf(feeds[title]!)),
      );
    // Back: each panel is fresh within its interval, at most the half-minute recheck, and the map draws.
    await clearFaults(page);
    const back = await pageNow(page);
    for (const title of VIEWS[2].panels)
      await byPageTime(
        page,
        back + Math.min(POLL_MS[feeds[title]!]!, RECHECK_AFTER_ERROR_MS) + LATE_MS,
        (timeout) => expectFresh(panelNamed(page, title), `"${title}" is fresh again`, timeout),
        firstAskedAgain(back),
      );
    await expect(banner(page)).toBeHidden();
    await byPageTime(page, back + RECHECK_AFTER_ERROR_MS + LATE_MS, (timeout) =>
      expect(header(page)).toContainText('Metropolitan City of Milan', { timeout }),
    );
    // The map draws at real pace (MapLibre's frames and tiles): the page's clock is left to run.
    await expectMapReady(page);
    await expect(page.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(0);
    await expectWhole(page, problems);
  });
});

test('a panel whose component throws shows its own fallback, and the rest of the screen lives on', async ({
  page,
  problems,
}) => {
  test.setTimeout(90_000);
  await useClock(page);
  await page.goto('/#/security');
  const links = panelNamed(page, 'Quantum key distribution links');
  await expectFresh(links);
  // The map has set itself up (its own ResizeObserver) before the browser loses the API; it draws
  // at real pace, so the page's clock is left to run until then.
  await expect(mapCanvas(page)).toBeVisible();
  // A browser without ResizeObserver (an old kiosk's), from now on: the charts cannot be set up.
  await page.evaluate(() => {
    const w = window as unknown as { ResizeObserver: unknown; __ResizeObserver: unknown };
    w.__ResizeObserver = w.ResizeObserver;
    w.ResizeObserver = function ResizeObserver() {
      throw new TypeError('ResizeObserver is not supported');
    };
  });
  await links.getByRole('button', { name: LINK.name, exact: true }).click();
  const detail = panelNamed(page, `QKD link: ${LINK.name}`);
  await expect(detail.getByRole('alert')).toContainText('This panel failed to display its data.');
  await expect(detail.getByRole('figure')).toHaveCount(0);
  // The rest keeps working and refreshing: the alerts are polled again meanwhile, at their interval.
  const from = await pageNow(page);
  for (const title of ['Alerts', 'Quantum key distribution links', 'Response times'])
    await expectFresh(panelNamed(page, title), `"${title}" lives on`);
  const alertPolls = async () =>
    (await recorded(page)).requests
      .filter((r) => r.at >= from && urlOf('alerts').test(r.url))
      .map((r) => r.at);
  await byPageTime(page, from + 2 * POLL_MS.alerts! + LATE_MS, async (timeout) =>
    expect.poll(async () => (await alertPolls()).length, { timeout }).toBeGreaterThanOrEqual(2),
  );
  const polls = [from, ...(await alertPolls())];
  const gaps = polls.slice(1).map((at, i) => at - polls[i]!);
  expect(
    Math.max(...gaps),
    `the alerts polled every ${POLL_MS.alerts} ms (${gaps.join(', ')} ms apart)`,
  ).toBeLessThanOrEqual(POLL_MS.alerts! + LATE_MS);
  await expectFresh(panelNamed(page, 'Alerts'));
  await expect(mapRegion(page).locator('.map-view__canvas')).toHaveAttribute('data-map-ready', 'true');

  // Once the browser can again, "Retry" draws the panel.
  await page.evaluate(() => {
    const w = window as unknown as { ResizeObserver: unknown; __ResizeObserver: unknown };
    w.ResizeObserver = w.__ResizeObserver;
  });
  await detail.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(detail.getByRole('alert')).toHaveCount(0);
  await expect(detail.getByRole('figure')).toHaveCount(2);
  await expectFresh(detail);

  expect(problems.pageErrors, 'nothing escaped the panel').toEqual([]);
  // The boundary logs what it caught; nothing else may be logged.
  expect(
    problems.consoleErrors.filter(
      (m) => !/ResizeObserver is not supported|Panel "QKD link: .*" failed/.test(m),
    ),
  ).toEqual([]);
});
