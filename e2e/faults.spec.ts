import type { Locator, Page } from '@playwright/test';
import {
  ENDPOINTS,
  ERROR_TEXT,
  GIVE_UP_AFTER_MS,
  REQUEST_TIMEOUT_MS,
  STALE,
  UPDATED,
  VIEWS,
  clearFaults,
  expect as baseExpect,
  expectFresh,
  expectMapReady,
  faultList,
  globalStatus,
  header,
  mapCanvas,
  isFailedLoad,
  keepServiceWorker,
  mapRegion,
  onEveryEndpoint,
  panelNamed,
  recordRequests,
  setFaults,
  test,
  type Endpoint,
  type Fault,
  openScreens,
  POLL_MS,
  RECHECK_AFTER_ERROR_MS,
  type PageProblems,
} from './fixtures';
import { LINK, STATION, labelOf, urlOf } from './subjects';

// Several screens run side by side on a shared machine: give each state time to show.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * The dashboard under failure: for each endpoint, an unreachable backend, HTTP 500 and 503, an
 * answer that never comes and an empty answer each show on the panels fed by that endpoint only,
 * naming it; data that can no longer be refreshed stays on screen marked stale with its age; the
 * shell says when the whole backend is gone and every panel recovers by itself when it is back;
 * and a component that throws takes down its own panel only.
 */

/** Data younger than this is not refetched when the browser reconnects (the query client's staleTime). */
const STALE_TIME_MS = 5_000;
/** Room for a busy machine on top of every deadline. */
const SLACK_MS = 10_000;

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

const panel = (title: string, endpoint: Endpoint, empty: string | RegExp): Consumer => ({
  name: `panel "${title}"`,
  endpoint,
  locate: (page) => panelNamed(page, title),
  kind: 'panel',
  empty,
});
/** A panel whose own query is fine but which needs another endpoint's data to show it. */
const dependent = (title: string, endpoint: Endpoint, empty: string | RegExp): Consumer => ({
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
    consumers: [panel('Coverage, band n78', 'coverage', 'No coverage cells for this band.')],
    healthy: ['Sites'],
  },
  {
    name: 'KPIs',
    route: 'kpis',
    consumers: [panel('Indicators, last week', 'kpis', 'No indicators for this period.')],
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
    healthy: ['Indicators, last week'],
  },
];

const FAILURES = [
  { fault: 'network-error', text: (e: Endpoint) => ERROR_TEXT.network(labelOf(e)) },
  { fault: 'server-error', text: (e: Endpoint) => ERROR_TEXT.http(labelOf(e), 500) },
  { fault: 'unavailable', text: (e: Endpoint) => ERROR_TEXT.http(labelOf(e), 503) },
] as const satisfies readonly { fault: Fault; text: (e: Endpoint) => string }[];

/** Each consumer shows its endpoint's failure in an alert, and each panel offers to try again. */
async function expectFailing(
  page: Page,
  fp: FaultPage,
  text: (e: Endpoint) => string,
  // Nothing waits longer than the request timeout and its retries.
  timeout = GIVE_UP_AFTER_MS + SLACK_MS,
) {
  for (const c of fp.consumers) {
    const where = c.locate(page);
    await expect(
      where.getByRole('alert').filter({ hasText: text(c.endpoint) }),
      `${c.name} says what failed`,
    ).toBeVisible({ timeout });
    if (c.kind === 'panel') {
      await expect(where.getByRole('button', { name: 'Try again now' })).toBeVisible();
      await expect(where.getByText(UPDATED)).toHaveCount(0);
    }
  }
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

/**
 * Lets the failing endpoints' next refresh happen: by itself for those polled every few seconds;
 * for the others, the browser saying it went offline and came back refreshes every query older
 * than the staleTime, as on a flaky network (only the events: no request is really cut off).
 */
async function nextRefresh(page: Page, endpoints: Endpoint[], fetchedAt: number) {
  if (endpoints.every((e) => (POLL_MS[e] ?? Infinity) <= 10_000)) return;
  const young = fetchedAt + STALE_TIME_MS + 500 - Date.now();
  if (young > 0) await page.waitForTimeout(young);
  await page.evaluate(() => {
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
  });
}
/** How long the next refresh may take to fail: its interval (unless forced) and the retries. */
const refreshDeadline = (endpoints: Endpoint[]) =>
  Math.max(...endpoints.map((e) => Math.min(POLL_MS[e] ?? 0, 10_000))) + 3_000 + SLACK_MS;

/** Panels marked stale with their age, still showing their data, and saying why. */
async function expectStale(page: Page, fp: FaultPage, why: (e: Endpoint) => string, timeout: number) {
  for (const c of fp.consumers.filter((c) => c.kind === 'panel')) {
    const where = c.locate(page);
    await expect(where.getByRole('status').filter({ hasText: STALE }), `${c.name} is stale`).toBeVisible({
      timeout,
    });
    await expect(where.getByText(why(c.endpoint)), `${c.name} says why`).toBeVisible();
    await expect(where.getByRole('alert'), `${c.name} still shows its data`).toHaveCount(0);
    await expect(where.getByText(UPDATED)).toHaveCount(0);
  }
}

/** The page's data content (figures, tables, charts, lists), beside its messages. */
const content = (where: Locator) => where.locator('dl, table, figure, ul, ol');

/**
 * Records the header's connection labels as they change, from the page's start, so a brief
 * "Backend unreachable" does not go unseen.
 */
async function watchConnection(page: Page) {
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { __connectionSeen: Set<string> }).__connectionSeen = seen;
    const record = () => {
      const label = document.querySelector('.global-status__label')?.textContent;
      if (label) seen.add(label);
    };
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return async () =>
    page.evaluate(() => [...(window as unknown as { __connectionSeen: Set<string> }).__connectionSeen]);
}

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

/**
 * One screen's whole story: healthy, then failing (HTTP 500) at the next refresh (stale data with
 * its age); then unreachable from the start, HTTP 500 and 503 (an alert naming the endpoint, "Try
 * again now"), and an empty answer; the panels beside it stay fresh throughout.
 */
async function panelPageCycle(page: Page, fp: FaultPage) {
  const endpoints = endpointsOf(fp);
  await page.goto(pageUrl(fp));
  for (const c of fp.consumers) {
    await expectFresh(c.locate(page), `${c.name} loads`);
    await expect(content(c.locate(page)).first()).toBeVisible();
  }
  const loadedAt = Date.now();
  await setFaults(page, all(fp, 'server-error'));
  await nextRefresh(page, endpoints, loadedAt);
  await expectStale(page, fp, FAILURES[1].text, refreshDeadline(endpoints));
  for (const c of fp.consumers.filter((c) => c.kind === 'panel'))
    await expect(content(c.locate(page)).first(), `${c.name} keeps its data`).toBeVisible();
  await expectHealthy(page, fp);

  await keepServiceWorker(page);
  await page.goto(pageUrl(fp, all(fp, 'network-error')));
  await expectFailing(page, fp, FAILURES[0].text);
  await expectHealthy(page, fp);
  for (const { fault, text } of FAILURES.slice(1)) {
    await setFaults(page, all(fp, fault));
    await tryAgain(page, fp);
    await expectFailing(page, fp, text);
    await expectHealthy(page, fp);
  }

  // An empty answer is data: fresh, saying there is nothing.
  await setFaults(page, all(fp, 'empty'));
  await tryAgain(page, fp);
  await expectEmpty(page, fp);
  await expectHealthy(page, fp);
  if (fp.staleEmpty) {
    // And still nothing, without a crash, once it cannot be refreshed.
    const emptiedAt = Date.now();
    await setFaults(page, all(fp, 'unavailable'));
    await nextRefresh(page, endpoints, emptiedAt);
    await expectStale(page, fp, FAILURES[2].text, refreshDeadline(endpoints));
    for (const c of fp.consumers) await expect(emptied(c, page)).toBeVisible();
    await expectHealthy(page, fp);
  }
}

/** The same fault on every endpoint of a screen, from the page's start. */
async function otherPageCase(
  page: Page,
  fp: FaultPage,
  fault: Fault,
  text: ((e: Endpoint) => string) | null,
) {
  if (page.url() !== 'about:blank') await keepServiceWorker(page);
  await page.goto(pageUrl(fp, all(fp, fault)));
  if (text) await expectFailing(page, fp, text);
  else await expectEmpty(page, fp);
  await expectHealthy(page, fp);
}

test.describe('each endpoint failing takes down only what it feeds', () => {
  // Side by side, in browser contexts of their own: each waits out its own retries.
  const groups = [
    [PANEL_PAGES[0]!, PANEL_PAGES[4]!, PANEL_PAGES[5]!],
    [PANEL_PAGES[1]!, PANEL_PAGES[2]!, PANEL_PAGES[3]!],
  ];
  for (const group of groups) {
    test(group.map((fp) => fp.name).join('; '), async ({ page, problems, browser }) => {
      test.setTimeout(180_000);
      const extra = await openScreens(browser, group.length - 1);
      const screens = [{ page, problems }, ...extra.screens];
      const connections = await Promise.all(screens.map((s) => watchConnection(s.page)));
      try {
        await Promise.all(group.map((fp, i) => panelPageCycle(screens[i]!.page, fp)));
        group.forEach((fp, i) => expectOnlyFaulted(screens[i]!.problems, endpointsOf(fp)));
        // Some endpoints failing is not the backend being unreachable.
        for (const [i, connection] of connections.entries())
          expect
            .soft(await connection(), `connection states shown, ${group[i]!.name}`)
            .not.toContain('Backend unreachable');
      } finally {
        await extra.close();
      }
    });
  }

  test(`with no retry button: ${OTHER_PAGES.map((fp) => fp.name).join('; ')}`, async ({
    page,
    problems,
    browser,
  }) => {
    test.setTimeout(180_000);
    // Nothing to ask again from the screen: each fault on a screen of its own.
    const cases = [...FAILURES, { fault: 'empty', text: null }] as const;
    const extra = await openScreens(browser, cases.length - 1);
    const screens = [{ page, problems }, ...extra.screens];
    try {
      for (const fp of OTHER_PAGES) {
        const connections = await Promise.all(screens.map((s) => watchConnection(s.page)));
        const requests = screens.map((s) => endpointsOf(fp).map((e) => recordRequests(s.page, urlOf(e))));
        const started = Date.now();
        await Promise.all(
          cases.map(({ fault, text }, i) => otherPageCase(screens[i]!.page, fp, fault, text)),
        );
        const elapsed = Date.now() - started;
        for (const s of screens) expectOnlyFaulted(s.problems, endpointsOf(fp));
        for (const connection of connections)
          expect
            .soft(await connection(), `connection states shown, ${fp.name}`)
            .not.toContain('Backend unreachable');
        // No retry storm: three attempts per refresh, refreshes no more often than rechecks.
        cases.forEach(({ fault }, i) =>
          endpointsOf(fp).forEach((e, j) => {
            const every = Math.min(POLL_MS[e] ?? RECHECK_AFTER_ERROR_MS, RECHECK_AFTER_ERROR_MS);
            expect
              .soft(requests[i]![j]!.length, `requests to ${e} (${fault}) in ${Math.round(elapsed / 1000)} s`)
              .toBeLessThanOrEqual(3 * (1 + Math.floor(elapsed / every)));
          }),
        );
        // The next screen's faults are others: a request of this one failing late is not the next one's.
        await Promise.all(
          screens.map(async (s) => {
            await keepServiceWorker(s.page);
            await s.page.goto('about:blank');
            for (const list of Object.values(s.problems)) list.length = 0;
          }),
        );
      }
    } finally {
      await extra.close();
    }
  });

  test('the header says when the territory cannot be loaded, and the alerts follow to other views', async ({
    page,
    problems,
  }) => {
    await page.goto(pageUrl(OTHER_PAGES[0]!, { territory: 'server-error', alerts: 'server-error' }));
    await expect(header(page)).toContainText('Territory not loaded');
    await expect(mapRegion(page).getByRole('alert')).toContainText(
      `The map cannot be drawn: ${ERROR_TEXT.http(labelOf('territory'), 500)}`,
    );
    await expect(globalStatus(page)).toContainText('Degraded');
    // The faults stay with the page across views: the alerts fail on the overview too.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(/\?faults=territory:server-error,alerts:server-error#\/overview/);
    await expect(panelNamed(page, 'Security alerts').getByRole('alert')).toContainText(
      ERROR_TEXT.http(labelOf('alerts'), 500),
    );
    for (const title of ['5G network', 'Air and traffic', 'Quantum key distribution'])
      await expectFresh(panelNamed(page, title), `"${title}" still works`);
    expectOnlyFaulted(problems, ['territory', 'alerts']);
  });
});

/**
 * A request that never answers is tried three times: each attempt ends at the request timeout, the
 * next follows after its retry delay (1 s, then 2 s), and the panel gives up when the third ends.
 * Measured attempt by attempt, each with the slack of a busy machine.
 */
function expectGaveUpInTime(endpoint: Endpoint, asked: number[], gaveUpAt: number) {
  const attempts = asked.filter((t) => t <= gaveUpAt);
  const timeline = `asked at ${attempts.map((t) => t - attempts[0]!).join(', ')} ms, gave up at ${
    gaveUpAt - attempts[0]!
  } ms`;
  expect(attempts.length, `${endpoint}: three attempts (${timeline})`).toBe(3);
  [1_000, 2_000].forEach((delay, i) =>
    expect(
      attempts[i + 1]! - attempts[i]!,
      `${endpoint}: attempt ${i + 2} once attempt ${i + 1} timed out (${timeline})`,
    ).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + delay + SLACK_MS),
  );
  expect(
    gaveUpAt - attempts[2]!,
    `${endpoint}: gives up once the third attempt timed out (${timeline})`,
  ).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + SLACK_MS);
}

/** Screens whose endpoints never answer: together they cover every endpoint. */
const HANGING: {
  route: string;
  hang: Endpoint[];
  consumers: Consumer[];
  healthy: string[];
}[] = [
  {
    route: 'overview',
    hang: ['sites', 'readings', 'alerts', 'qkd-links'],
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
    consumers: [panel('Coverage, band n78', 'coverage', '')],
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
    route: 'kpis?mode=presentation',
    hang: ['kpis', 'story'],
    consumers: [panel('Indicators, last week', 'kpis', ''), OTHER_PAGES[2]!.consumers[0]!],
    healthy: [],
  },
];

/** Opens a screen whose endpoints of `h` never answer and follows it until each has given up. */
async function expectGivesUp(p: Page, h: (typeof HANGING)[number]) {
  const asked = new Map(h.hang.map((e) => [e, recordRequests(p, urlOf(e))]));
  await p.goto(`/?faults=${faultList(Object.fromEntries(h.hang.map((e) => [e, 'hang'])))}#/${h.route}`);
  // Waiting, and saying so, while the others are fresh.
  for (const c of h.consumers.filter((c) => c.kind === 'panel'))
    await expect(c.locate(p).getByText('Loading…'), `${c.name} is loading`).toBeVisible();
  for (const title of h.healthy) await expectFresh(panelNamed(p, title), `"${title}" is not affected`);
  // Then, once the three attempts have timed out, it says which endpoint did not answer.
  const gaveUpAt = new Map<Endpoint, number>();
  await Promise.all(
    h.consumers.map(async (c) => {
      await expect(
        c
          .locate(p)
          .getByRole('alert')
          .filter({ hasText: ERROR_TEXT.timeout(labelOf(c.endpoint)) }),
        `${c.name} gives up on ${c.endpoint}`,
      ).toBeVisible({ timeout: GIVE_UP_AFTER_MS + 60_000 });
      gaveUpAt.set(c.endpoint, Math.min(gaveUpAt.get(c.endpoint) ?? Infinity, Date.now()));
    }),
  );
  for (const [endpoint, at] of gaveUpAt) expectGaveUpInTime(endpoint, asked.get(endpoint)!, at);
  // Nothing is still spinning, and the panels beside keep their data fresh.
  await expect(p.locator('[aria-busy="true"]'), `nothing busy on ${h.route}`).toHaveCount(0);
  await expect(p.getByRole('main').getByText(/Loading/)).toHaveCount(0);
  for (const title of h.healthy) await expectFresh(panelNamed(p, title), `"${title}" still fresh`);
}

test('an endpoint that never answers stops spinning after the timeout and its retries', async ({
  page,
  problems,
  browser,
}) => {
  expect(new Set(HANGING.flatMap((h) => h.hang))).toEqual(new Set(ENDPOINTS));
  // Three screens side by side at a time, each waiting out the same timeouts: a machine busy
  // drawing more maps at once would make the timers, not the app, late.
  const waves = [HANGING.slice(0, 3), HANGING.slice(3)];
  test.setTimeout(waves.length * (GIVE_UP_AFTER_MS + 75_000));
  for (const [w, wave] of waves.entries()) {
    const extra = await openScreens(browser, w === 0 ? wave.length - 1 : wave.length);
    const screens = w === 0 ? [{ page, problems }, ...extra.screens] : extra.screens;
    try {
      await Promise.all(wave.map((h, i) => expectGivesUp(screens[i]!.page, h)));
      for (const s of screens) {
        expect(s.problems.pageErrors, 'uncaught page errors').toEqual([]);
        expect(s.problems.consoleErrors, 'console errors').toEqual([]);
      }
    } finally {
      await extra.close();
    }
  }
});

test('the whole backend gone: the shell says so within two refreshes, nothing crashes, all recovers by itself', async ({
  page,
  problems,
  browser,
}) => {
  test.setTimeout(150_000);
  const everything = onEveryEndpoint('network-error');
  const banner = (p: Page) => p.getByRole('alert').filter({ hasText: 'The backend is unreachable.' });

  /** Gone while an overview runs: the banner within two polls of the readings, every panel stale. */
  async function goneWhileRunning(p: Page) {
    await p.goto('/#/overview');
    for (const title of VIEWS[0].panels) await expectFresh(panelNamed(p, title));
    await setFaults(p, everything);
    const down = Date.now();
    await expect(banner(p)).toBeVisible({ timeout: 2 * POLL_MS.readings! + 3_000 + SLACK_MS });
    await expect(globalStatus(p)).toContainText('Backend unreachable');
    for (const title of VIEWS[0].panels) {
      const where = panelNamed(p, title);
      await expect(where.getByRole('status').filter({ hasText: STALE }), `"${title}" is stale`).toBeVisible({
        timeout: Math.max(POLL_MS.sites! + 3_000 + SLACK_MS - (Date.now() - down), 1_000),
      });
      await expect(content(where).first(), `"${title}" keeps its data`).toBeVisible();
    }
    await clearFaults(p);
    const back = Date.now();
    await expect(banner(p)).toBeHidden({ timeout: RECHECK_AFTER_ERROR_MS + SLACK_MS });
    for (const title of VIEWS[0].panels)
      await expectFresh(
        panelNamed(p, title),
        `"${title}" is fresh again`,
        Math.max(RECHECK_AFTER_ERROR_MS + SLACK_MS - (Date.now() - back), 1_000),
      );
  }

  /** Gone from an environment screen's start: each panel and the map say what they could not reach. */
  async function goneFromTheStart(p: Page) {
    const feeds: Record<string, Endpoint> = {
      'Air-quality stations': 'readings',
      'Outlook: PM10, metropolitan mean': 'air-forecasts',
      'Daily outlook across municipalities, PM10': 'air-outlook',
      'Forecast accuracy, PM10': 'air-forecasts',
    };
    await p.goto(`/?faults=${faultList(everything)}#/environment`);
    await expect(globalStatus(p)).toContainText('Backend unreachable');
    await expect(banner(p)).toBeVisible();
    await expect(header(p)).toContainText('Territory not loaded');
    await expect(mapRegion(p).getByRole('alert')).toContainText(ERROR_TEXT.network(labelOf('territory')));
    for (const title of VIEWS[2].panels)
      await expect(panelNamed(p, title).getByRole('alert')).toContainText(
        ERROR_TEXT.network(labelOf(feeds[title]!)),
      );
    // Back: each panel is fresh within its interval, at most the half-minute recheck, and the map draws.
    await clearFaults(p);
    const back = Date.now();
    for (const title of VIEWS[2].panels) {
      const deadline = Math.min(POLL_MS[feeds[title]!]!, RECHECK_AFTER_ERROR_MS) + SLACK_MS;
      await expectFresh(
        panelNamed(p, title),
        `"${title}" is fresh again`,
        Math.max(deadline - (Date.now() - back), 1_000),
      );
    }
    await expect(banner(p)).toBeHidden();
    await expect(header(p)).toContainText('Metropolitan City of Milan', {
      timeout: Math.max(RECHECK_AFTER_ERROR_MS + SLACK_MS - (Date.now() - back), 1_000),
    });
    await expectMapReady(p);
    await expect(p.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(0);
  }

  const extra = await openScreens(browser, 1);
  try {
    await Promise.all([goneWhileRunning(page), goneFromTheStart(extra.screens[0]!.page)]);
    for (const { page: p, problems: seen } of [{ page, problems }, ...extra.screens]) {
      await expect(globalStatus(p)).toContainText('Connected');
      expect(seen.pageErrors, 'uncaught page errors').toEqual([]);
      // Failed fetches are logged by the browser; anything else in the console is a bug.
      expect(seen.consoleErrors.filter((m) => !isFailedLoad(m, /\/api\/v1\//))).toEqual([]);
      expect(seen.failedRequests.filter((r) => !/\/api\/v1\//.test(r))).toEqual([]);
    }
  } finally {
    await extra.close();
  }
});

test('a panel whose component throws shows its own fallback, and the rest of the screen lives on', async ({
  page,
  problems,
}) => {
  await page.goto('/#/security');
  const links = panelNamed(page, 'Quantum key distribution links');
  await expectFresh(links);
  // The map has set itself up (its own ResizeObserver) before the browser loses the API.
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
  // The rest keeps working and refreshing: the alerts are polled again meanwhile.
  const alertPolls = recordRequests(page, urlOf('alerts'));
  for (const title of ['Alerts', 'Quantum key distribution links', 'Response times'])
    await expectFresh(panelNamed(page, title), `"${title}" lives on`);
  await expect.poll(() => alertPolls.length, { timeout: POLL_MS.alerts! + SLACK_MS }).toBeGreaterThan(0);
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
