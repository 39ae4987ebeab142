import type { Locator, Page } from '@playwright/test';
import {
  ENDPOINTS,
  ERROR_TEXT,
  STALE,
  clearFaults,
  expect as baseExpect,
  expectFresh,
  faultList,
  globalStatus,
  mapRegion,
  panelNamed,
  POLL_MS,
  RETRY_DELAYS_MS,
  RECHECK_AFTER_ERROR_MS,
  setFaults,
  test,
  type Endpoint,
  type Fault,
  type PageProblems,
  startOfTimeStep,
} from './fixtures';
import { DEVICE, DEVICE_PANEL, LINK, STATION, labelOf, urlOf } from './subjects';

/**
 * Answers that cannot be used: JSON that does not parse, and JSON that breaks the API's schemas
 * in each way a backend can (a null, a wrong type, "NaN", coordinates off the globe, an unknown
 * value, duplicate ids, empty strings, too many items). Each is refused before it reaches the
 * screen, said on the panels of its endpoint as invalid data naming it, never retried (one
 * request per refresh), and nothing crashes.
 */

// Several screens run side by side on a shared machine: give each state time to show.
const expect = baseExpect.configure({ timeout: 30_000 });

/*
 * Time is the page's own (Playwright's clock), stopped from the start: while a test waits for
 * the page it moves it on in steps of STEP_MS, never faster than real time nor than the page keeps
 * up with (so a busy machine cannot make a request time out), every timer firing within a step of
 * its time; to look for a retry or a refresh it moves it straight on to the instant that matters.
 * Every time below is page time.
 */
const STEP_MS = 200;
/**
 * The step while requests are timed: a request sent in a step reads the step's end as its time,
 * so each is timed within this, inside DUE_WITHIN_MS.
 */
const TIMED_STEP_MS = 500;
/** Past both retries a failed attempt would get (1 s, then 2 s after). */
const RETRIES_OVER_MS = RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0) + 500;
/** How far either side of its due time a refresh may come (a retry would come 1 s after). */
const DUE_WITHIN_MS = 750;
const ALERTS_REFRESH_MS = POLL_MS.alerts!;
/** The next request due after a refused answer: its refresh, or the recheck of a query in error. */
const refreshMs = (endpoint: Endpoint) => Math.min(POLL_MS[endpoint] ?? Infinity, RECHECK_AFTER_ERROR_MS);

/** An API request as the page sent it: when, and when the app had read its answer. */
interface Asked {
  url: string;
  at: number;
  answeredAt: number | null;
}

/**
 * Installs the page's clock and records every API request the page sends, from its first script
 * on, with the page's own Date.now. Call before the page opens.
 */
async function prepare(page: Page) {
  await page.clock.install({ time: startOfTimeStep() });
  await page.addInitScript(() => {
    const asked: { url: string; at: number; answeredAt: number | null }[] = [];
    Object.assign(window, { __apiRequests: asked });
    const send = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
      if (!url.includes('/api/v1/')) return send(input, init);
      const entry = { url, at: Date.now(), answeredAt: null as number | null };
      asked.push(entry);
      const answered = () => {
        entry.answeredAt ??= Date.now();
      };
      return send(input, init).then(
        (response) => {
          const text = response.text.bind(response);
          response.text = () => text().finally(answered);
          return response;
        },
        (error: unknown) => {
          answered();
          throw error;
        },
      );
    };
  });
}

const apiRequests = (page: Page) =>
  page.evaluate(() => (window as unknown as { __apiRequests: Asked[] }).__apiRequests);
const requestsTo = async (page: Page, endpoint: Endpoint) =>
  (await apiRequests(page)).filter((r) => urlOf(endpoint).test(r.url));
const pageNow = (page: Page) => page.evaluate(() => Date.now());

/** Opens the page and stops its clock as soon as the document is there. */
async function open(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'commit' });
  await pauseClock(page, await pageNow(page));
}

/** Stops the page's clock at `time`, firing on the way, once, the timers due by then. */
async function pauseClock(page: Page, time: number) {
  try {
    await page.clock.pauseAt(time);
  } catch (error) {
    // Already past (the clock ran on since it was read): stopped where it is.
    if (!/to the past/.test(String(error))) throw error;
  }
}

/**
 * Moves the stopped clock on in steps until `check` passes: each step fires the timers due in it
 * and lasts at least as long in real time.
 */
async function runUntil(page: Page, check: () => Promise<unknown>, timeout = 120_000) {
  await expect(async () => {
    await Promise.all([page.clock.fastForward(STEP_MS), new Promise((r) => setTimeout(r, STEP_MS))]);
    await check();
  }).toPass({ intervals: [0], timeout });
}

/** A check made once per step, its own waiting short. */
const QUICK = { timeout: 100 };

/** Waits until every request the page has sent has its answer read (the clock stopped). */
async function everyRequestAnswered(page: Page) {
  await expect
    .poll(async () => (await apiRequests(page)).filter((r) => r.answeredAt === null).map((r) => r.url), {
      message: 'every request sent has its answer',
      timeout: 120_000,
    })
    .toEqual([]);
}

/**
 * Moves the stopped clock straight on to `time`, firing on the way, once, the timers due by then.
 * Every request sent has its answer first, so none times out for the time skipped.
 */
async function jumpTo(page: Page, time: number) {
  await everyRequestAnswered(page);
  await pauseClock(page, time);
}

/**
 * Requests to the endpoint, sent each no sooner than a refresh interval after the one before:
 * one request per refresh, no retry in between (a retry comes 1 s after a failure).
 */
async function expectOnePerRefresh(page: Page, endpoint: Endpoint, interval = refreshMs(endpoint)) {
  const sent = (await requestsTo(page, endpoint)).map((r) => r.at);
  const gaps = sent.slice(1).map((t, i) => t - sent[i]!);
  expect
    .soft(
      gaps.filter((gap) => gap < interval - DUE_WITHIN_MS),
      `gaps between the ${sent.length} requests to ${endpoint} (${gaps.map((g) => g / 1000).join(', ')} s)`,
    )
    .toEqual([]);
}

/**
 * Each endpoint's answer is refused and not asked for again before its next refresh. Once every
 * endpoint has been asked and answered, the clock is moved on in steps of TIMED_STEP_MS until each
 * one's next refresh is past, so every request is timed within a step of when the page sent it: exactly
 * one more request (no retry 1 s and 2 s after the refusal), no sooner than a refresh after the
 * first was sent and no later than a refresh after its answer was refused (within DUE_WITHIN_MS
 * either way). Later, requests still come no closer than one refresh apart.
 */
async function expectAskedOnceUntilRefresh(page: Page, endpoints: readonly Endpoint[]) {
  await runUntil(page, async () => {
    const asked = await apiRequests(page);
    expect(
      endpoints.filter((e) => !asked.some((r) => urlOf(e).test(r.url) && r.answeredAt !== null)),
      'endpoints not yet asked and answered',
    ).toEqual([]);
  });
  await everyRequestAnswered(page);
  const first = new Map(
    await Promise.all(endpoints.map(async (e) => [e, (await requestsTo(page, e))[0]!] as const)),
  );
  const dueBy = (e: Endpoint) => first.get(e)!.answeredAt! + refreshMs(e) + DUE_WITHIN_MS;
  const until = Math.max(...endpoints.map(dueBy));
  for (let now = await pageNow(page); now < until; now += TIMED_STEP_MS)
    await jumpTo(page, now + TIMED_STEP_MS);
  await everyRequestAnswered(page);
  for (const endpoint of endpoints) {
    const from = first.get(endpoint)!.at;
    const sent = (await requestsTo(page, endpoint)).map((r) => r.at).filter((t) => t <= dueBy(endpoint));
    const after = sent.map((t) => `${(t - from) / 1000} s`).join(', ');
    // Soft: the other endpoints' checks still run and are reported.
    expect
      .soft(sent, `requests to ${endpoint} until its next refresh is past (sent at ${after} from the first)`)
      .toHaveLength(2);
    expect
      .soft(sent[1]! - from, `${endpoint} asked again at its next refresh, not before`)
      .toBeGreaterThanOrEqual(refreshMs(endpoint) - DUE_WITHIN_MS);
  }
  for (const endpoint of endpoints) await expectOnePerRefresh(page, endpoint);
}

interface Consumer {
  name: string;
  endpoint: Endpoint;
  locate: (page: Page) => Locator;
  /** A QueryPanel, which also says it is a server-side data problem and offers to try again. */
  panel: boolean;
}
const panel = (title: string | RegExp, endpoint: Endpoint): Consumer => ({
  name: `panel "${title}"`,
  endpoint,
  locate: (page) => panelNamed(page, title),
  panel: true,
});
const other = (name: string, endpoint: Endpoint, locate: (page: Page) => Locator): Consumer => ({
  name,
  endpoint,
  locate,
  panel: false,
});
const details = (page: Page) => mapRegion(page).getByRole('region', { name: `Details: ${STATION.name}` });
const caption = (page: Page) => page.getByRole('region', { name: 'Presentation', exact: true });

/** Screens that, together, show what every endpoint feeds. */
const SCREENS: { route: string; consumers: Consumer[]; healthy: string[] }[] = [
  {
    route: 'overview',
    consumers: [
      panel('5G network', 'sites'),
      panel('Air and traffic', 'readings'),
      panel('Security alerts', 'alerts'),
      panel('Quantum key distribution', 'qkd-links'),
    ],
    healthy: [],
  },
  { route: 'network', consumers: [panel('Coverage, band n78 · 3.7 GHz', 'coverage')], healthy: ['Sites'] },
  {
    route: `environment?sel=sensor:${STATION.id}&time=60`,
    consumers: [
      panel('Outlook: PM10, metropolitan mean', 'air-forecasts'),
      panel('Forecast accuracy, PM10', 'air-forecasts'),
      panel('Daily outlook across municipalities, PM10', 'air-outlook'),
      other('the sensor’s details', 'series', details),
      other('the map (forecast hour)', 'sensor-forecasts', mapRegion),
    ],
    healthy: ['Air-quality stations'],
  },
  {
    route: 'mobility',
    consumers: [
      panel('Traffic forecast, next 6 h', 'traffic-forecasts'),
      panel('Corridors by predicted congestion, next 6 h', 'traffic-forecasts'),
      panel('Forecast accuracy, traffic speed', 'traffic-forecasts'),
      other('panel "Corridors and ring roads" (needs sensors)', 'sensors', (p) =>
        panelNamed(p, 'Corridors and ring roads'),
      ),
      other('panel "Corridors and ring roads" (needs territory)', 'territory', (p) =>
        panelNamed(p, 'Corridors and ring roads'),
      ),
      other('the map (territory)', 'territory', mapRegion),
    ],
    healthy: [],
  },
  {
    route: `security?link=${LINK.id}`,
    consumers: [panel(`QKD link: ${LINK.name}`, 'qkd-series'), panel('Response times', 'response-times')],
    healthy: ['Alerts', 'Quantum key distribution links'],
  },
  {
    route: `health?sel=device:${DEVICE.id}`,
    consumers: [
      panel('Diagnostic devices', 'health-devices'),
      panel(DEVICE_PANEL, 'device-series'),
      other('the map (health facilities)', 'health-facilities', mapRegion),
    ],
    healthy: [],
  },
  { route: 'kpis', consumers: [panel('Indicators, last week', 'kpis')], healthy: [] },
  {
    route: 'kpis?mode=presentation',
    consumers: [other('the presentation caption', 'story', caption)],
    healthy: [],
  },
];

const endpointsOf = (consumers: readonly Consumer[]) => [...new Set(consumers.map((c) => c.endpoint))];

/** Each consumer says its endpoint's answer is invalid data; a panel adds whose problem it is. */
async function expectRefused(
  page: Page,
  consumers: readonly Consumer[],
  text: (c: Consumer) => string | RegExp,
) {
  for (const c of consumers) {
    const alert = c
      .locate(page)
      .getByRole('alert')
      .filter({ hasText: text(c) });
    await expect(alert, `${c.name} refuses ${c.endpoint}`).toBeVisible(QUICK);
    if (c.panel) {
      await expect(alert).toContainText('This is a data problem on the server side.', QUICK);
      await expect(alert.getByRole('button', { name: 'Try again now' })).toBeVisible(QUICK);
    }
  }
}

/** Nothing crashed and nothing failed: the answers were delivered, only refused. */
function expectNoCrash(problems: PageProblems) {
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
}

/**
 * A schema violation on every endpoint, each refused by its own schema; an answer that is not JSON
 * on a few, its parse being the one every endpoint shares.
 */
const WALKS = [
  { fault: 'schema-violation', screens: SCREENS, what: 'every endpoint’s answer' },
  {
    fault: 'malformed-json',
    screens: SCREENS.filter((s) => s.route === 'overview' || s.route.startsWith('health')),
    what: 'the overview’s and the Health view’s answers',
  },
] as const;

for (const { fault, screens: walked, what } of WALKS) {
  test(`${fault}: ${what} refused as invalid data, asked for once`, async ({
    page,
    problems,
    screens: openScreens,
  }) => {
    test.setTimeout(240_000);
    expect(new Set(SCREENS.flatMap((s) => endpointsOf(s.consumers)))).toEqual(new Set(ENDPOINTS));
    const text = (c: Consumer) =>
      fault === 'malformed-json'
        ? ERROR_TEXT.invalidJson(labelOf(c.endpoint))
        : ERROR_TEXT.invalid(labelOf(c.endpoint));
    const screens = [{ page, problems }, ...(await openScreens(walked.length - 1))];
    await Promise.all(
      walked.map(async (s, i) => {
        const p = screens[i]!.page;
        const endpoints = endpointsOf(s.consumers);
        const faults = Object.fromEntries(endpoints.map((e) => [e, fault])) as Partial<
          Record<Endpoint, Fault>
        >;
        await prepare(p);
        await open(p, `/?faults=${faultList(faults)}#/${s.route}`);
        await expectAskedOnceUntilRefresh(p, endpoints);
        await runUntil(p, async () => {
          await expectRefused(p, s.consumers, text);
          for (const title of s.healthy)
            await expectFresh(panelNamed(p, title), `"${title}" is not affected`, QUICK.timeout);
          // A bad answer is not the backend being unreachable (a presentation has no header to say so).
          if (!s.route.includes('mode=presentation'))
            await expect(globalStatus(p)).toContainText('Degraded', QUICK);
        });
      }),
    );
    for (const s of screens) expectNoCrash(s.problems);
  });
}

/** Each kind of violation, on the overview's endpoints, and the field each must be refused at. */
const KINDS: { fault: Fault; fields: Partial<Record<Endpoint, string>>; issue?: string }[] = [
  // A number sent as a string (or, in an alert, which has none, an id sent as a number).
  {
    fault: 'wrong-type',
    fields: {
      sites: 'items.0.throughputDlMbps',
      'qkd-links': 'items.0.qberPercent',
      alerts: 'items.0.id',
      readings: 'items.0.intensity',
    },
  },
  // JSON has no NaN: a backend that means it sends "NaN".
  {
    fault: 'nan-string',
    fields: {
      sites: 'items.0.throughputDlMbps',
      'qkd-links': 'items.0.qberPercent',
      readings: 'items.0.intensity',
    },
  },
  // [200, 100]: off the globe.
  {
    fault: 'bad-coordinates',
    fields: { sites: 'items.0.location.0', 'qkd-links': 'items.0.endpoints.0.location.0' },
  },
  {
    fault: 'unknown-enum',
    fields: {
      sites: 'items.0.status',
      alerts: 'items.0.severity',
      'qkd-links': 'items.0.endpoints.0.kind',
      readings: 'items.0.kind',
    },
  },
  {
    fault: 'duplicate-ids',
    fields: {
      sites: 'items.1.id',
      alerts: 'items.1.id',
      'qkd-links': 'items.1.id',
      readings: 'items.1.sensorId',
    },
    issue: 'duplicate',
  },
  {
    fault: 'empty-string',
    fields: {
      sites: 'items.0.id',
      alerts: 'items.0.id',
      'qkd-links': 'items.0.id',
      readings: 'items.0.kind',
    },
  },
];

test('every kind of schema violation is refused, naming the field', async ({
  page,
  problems,
  screens: openScreens,
}) => {
  test.setTimeout(240_000);
  const overview = SCREENS[0]!;
  const screens = [{ page, problems }, ...(await openScreens(KINDS.length - 1))];
  await Promise.all(
    KINDS.map(async ({ fault, fields, issue }, i) => {
      const p = screens[i]!.page;
      const broken = overview.consumers.filter((c) => fields[c.endpoint]);
      const faults = Object.fromEntries(endpointsOf(broken).map((e) => [e, fault]));
      await prepare(p);
      await open(p, `/?faults=${faultList(faults)}#/overview`);
      // Refused as invalid data, which is never retried: timed for every endpoint above.
      await runUntil(p, async () => {
        await expectRefused(p, broken, (c) => ERROR_TEXT.invalid(labelOf(c.endpoint), fields[c.endpoint]));
        if (issue)
          for (const c of broken)
            await expect(c.locate(p).getByRole('alert')).toContainText(`${issue} `, QUICK);
        // The overview's other panels still work.
        for (const c of overview.consumers.filter((c) => !fields[c.endpoint]))
          await expectFresh(c.locate(p), `${c.name} is not affected (${fault})`, QUICK.timeout);
      });
    }),
  );
  for (const s of screens) expectNoCrash(s.problems);
});

/**
 * Moves the clock on to an alerts refresh, whose answer comes at a known instant; makes `change`
 * to the backend; then on to the next refresh: due one interval after that answer, it comes then
 * (not before DUE_WITHIN_MS ahead of it, by DUE_WITHIN_MS after), and its answer is not asked for
 * again until both retries would have come.
 */
async function nextAlertsRefresh(page: Page, change: () => Promise<void>) {
  const sent = async (from: number, until: number) =>
    (await requestsTo(page, 'alerts')).slice(from).filter((r) => r.at <= until).length;
  await everyRequestAnswered(page);
  let asked = (await requestsTo(page, 'alerts')).length;
  const synced = (await pageNow(page)) + ALERTS_REFRESH_MS;
  await jumpTo(page, synced);
  await everyRequestAnswered(page);
  expect(await sent(asked, synced), 'the alerts were refreshed once in an interval').toBe(1);
  asked += 1;
  await change();
  const due = synced + ALERTS_REFRESH_MS;
  await jumpTo(page, due - DUE_WITHIN_MS);
  expect(await sent(asked, due - DUE_WITHIN_MS), 'alerts requests before the refresh is due').toBe(0);
  await jumpTo(page, due + DUE_WITHIN_MS);
  await expect(async () => expect(await sent(asked, due + DUE_WITHIN_MS)).toBe(1), 'the refresh came').toPass(
    {
      timeout: 2_000,
    },
  );
  const over = due + DUE_WITHIN_MS + RETRIES_OVER_MS;
  await jumpTo(page, over);
  expect(await sent(asked, over), 'alerts requests until both retries would have come').toBe(1);
}

test('bad data at a refresh: the last good data stays, stale, with why; one request per refresh', async ({
  page,
  problems,
}) => {
  test.setTimeout(240_000);
  await prepare(page);
  await open(page, '/#/security');
  const alerts = panelNamed(page, 'Alerts');
  const others = ['Quantum key distribution links', 'Response times'].map((t) => panelNamed(page, t));
  await runUntil(page, async () => {
    await expectFresh(alerts, 'the alerts are fresh', QUICK.timeout);
    await expect(alerts.getByRole('table')).toBeVisible(QUICK);
  });

  await nextAlertsRefresh(page, () => setFaults(page, { alerts: 'malformed-json' }));
  await runUntil(page, async () => {
    await expect(alerts.getByRole('status').filter({ hasText: STALE })).toBeVisible(QUICK);
    await expect(alerts.getByText(ERROR_TEXT.invalidJson(labelOf('alerts')))).toBeVisible(QUICK);
    await expect(alerts.getByRole('table'), 'the last good alerts stay on screen').toBeVisible(QUICK);
    await expect(alerts.getByRole('alert')).toHaveCount(0, QUICK);
  });

  // A later refresh sends data that breaks the schema: said in its turn.
  await nextAlertsRefresh(page, () => setFaults(page, { alerts: 'schema-violation' }));
  await runUntil(page, async () => {
    await expect(alerts.getByText(ERROR_TEXT.invalid(labelOf('alerts'), 'items.0.id'))).toBeVisible(QUICK);
    await expect(alerts.getByRole('table'), 'the last good alerts still stay').toBeVisible(QUICK);
    for (const p of others) await expectFresh(p, 'the other panels are fresh', QUICK.timeout);
  });

  // Good data again: fresh at the next refresh.
  await nextAlertsRefresh(page, () => clearFaults(page));
  await runUntil(page, () => expectFresh(alerts, 'the alerts are fresh again', QUICK.timeout));

  // One request per refresh all along.
  await expectOnePerRefresh(page, 'alerts', ALERTS_REFRESH_MS);
  expectNoCrash(problems);
});

test('an answer of 100,000 sensors is refused as too large; the rest of the screen works', async ({
  page,
  problems,
}) => {
  test.setTimeout(240_000);
  await prepare(page);
  // The simulation builds 100,000 sensors in the page before it answers.
  await open(page, '/?sensors=100000#/overview');
  await expectAskedOnceUntilRefresh(page, ['sensors', 'readings']);
  const tooMany = (endpoint: Endpoint) =>
    ERROR_TEXT.invalid(labelOf(endpoint), 'items', 'more than 50,000 items');
  await runUntil(page, async () => {
    await expect(
      panelNamed(page, 'Air and traffic')
        .getByRole('alert')
        .filter({ hasText: tooMany('readings') }),
    ).toBeVisible(QUICK);
    // The map's sensor layers say so too.
    await expect(
      mapRegion(page)
        .getByRole('alert')
        .filter({ hasText: tooMany('readings') }),
    ).toContainText('Sensors: ', QUICK);
    for (const title of ['5G network', 'Security alerts', 'Quantum key distribution'])
      await expectFresh(panelNamed(page, title), `"${title}" still works`, QUICK.timeout);
  });

  // The screen still works: another view opens with its data.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Network' }).click();
  await runUntil(page, async () => {
    for (const title of ['Sites', 'Coverage, band n78 · 3.7 GHz'])
      await expectFresh(panelNamed(page, title), `"${title}" opens with its data`, QUICK.timeout);
  });
  expectNoCrash(problems);
});
