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
  openScreens,
  panelNamed,
  POLL_MS,
  RECHECK_AFTER_ERROR_MS,
  recordRequests,
  setFaults,
  test,
  type Endpoint,
  type Fault,
  type PageProblems,
} from './fixtures';
import { LINK, STATION, labelOf, urlOf } from './subjects';

/**
 * Answers that cannot be used: JSON that does not parse, and JSON that breaks the API's schemas
 * in each way a backend can (a null, a wrong type, "NaN", coordinates off the globe, an unknown
 * value, duplicate ids, empty strings, too many items). Each is refused before it reaches the
 * screen, said on the panels of its endpoint as invalid data naming it, never retried (one
 * request per refresh), and nothing crashes.
 */

// Several screens run side by side on a shared machine: give each state time to show.
const expect = baseExpect.configure({ timeout: 30_000 });

/** A retry would come 1 s, then 2 s after a failed attempt: a window after the refusal that holds both. */
const RETRY_WINDOW_MS = 3_000;
const ALERTS_REFRESH_MS = POLL_MS.alerts!;
/** The next request due after a refused answer: its refresh, or the recheck of a query in error. */
const refreshMs = (endpoint: Endpoint) => Math.min(POLL_MS[endpoint] ?? Infinity, RECHECK_AFTER_ERROR_MS);

interface Consumer {
  name: string;
  endpoint: Endpoint;
  locate: (page: Page) => Locator;
  /** A QueryPanel, which also says it is a server-side data problem and offers to try again. */
  panel: boolean;
}
const panel = (title: string, endpoint: Endpoint): Consumer => ({
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
  { route: 'network', consumers: [panel('Coverage, band n78', 'coverage')], healthy: ['Sites'] },
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
    route: 'kpis?mode=presentation',
    consumers: [panel('Indicators, last week', 'kpis'), other('the presentation caption', 'story', caption)],
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
    await expect(alert, `${c.name} refuses ${c.endpoint}`).toBeVisible();
    if (c.panel) {
      await expect(alert).toContainText('This is a data problem on the server side.');
      await expect(alert.getByRole('button', { name: 'Try again now' })).toBeVisible();
    }
  }
}

/**
 * Exactly one request from the first until the retries would have come (after the refusal was
 * seen, before the next refresh is due): bad data is not asked for again.
 */
async function expectAskedOnce(page: Page, requests: Map<Endpoint, number[]>, refusedAt: number) {
  const until = new Map(
    [...requests].map(([endpoint, times]) => [
      endpoint,
      Math.min(refusedAt + RETRY_WINDOW_MS, (times[0] ?? 0) + refreshMs(endpoint) - 500),
    ]),
  );
  const wait = Math.max(...until.values()) - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  for (const [endpoint, times] of requests) {
    expect(times.length, `${endpoint} was asked`).toBeGreaterThan(0);
    const asked = times.filter((t) => t <= until.get(endpoint)!);
    // Soft: the screen's other checks still run and are reported.
    expect
      .soft(
        asked.length,
        `requests to ${endpoint} before a retry or refresh could come (at ${asked.map((t) => t - asked[0]!).join(', ')} ms)`,
      )
      .toBe(1);
  }
}

/** Nothing crashed and nothing failed: the answers were delivered, only refused. */
function expectNoCrash(problems: PageProblems) {
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
}

for (const fault of ['malformed-json', 'schema-violation'] as const) {
  test(`${fault}: every endpoint's answer is refused as invalid data, asked for once`, async ({
    page,
    problems,
    browser,
  }) => {
    test.setTimeout(120_000);
    expect(new Set(SCREENS.flatMap((s) => endpointsOf(s.consumers)))).toEqual(new Set(ENDPOINTS));
    const text = (c: Consumer) =>
      fault === 'malformed-json'
        ? ERROR_TEXT.invalidJson(labelOf(c.endpoint))
        : ERROR_TEXT.invalid(labelOf(c.endpoint));
    const extra = await openScreens(browser, SCREENS.length - 1);
    const screens = [{ page, problems }, ...extra.screens];
    try {
      await Promise.all(
        SCREENS.map(async (s, i) => {
          const p = screens[i]!.page;
          const endpoints = endpointsOf(s.consumers);
          const requests = new Map(endpoints.map((e) => [e, recordRequests(p, urlOf(e))]));
          const faults = Object.fromEntries(endpoints.map((e) => [e, fault])) as Partial<
            Record<Endpoint, Fault>
          >;
          await p.goto(`/?faults=${faultList(faults)}#/${s.route}`);
          await expectRefused(p, s.consumers, text);
          const refusedAt = Date.now();
          for (const title of s.healthy)
            await expectFresh(panelNamed(p, title), `"${title}" is not affected`);
          await expectAskedOnce(p, requests, refusedAt);
          // A bad answer is not the backend being unreachable.
          await expect(globalStatus(p)).toContainText('Degraded');
        }),
      );
      for (const s of screens) expectNoCrash(s.problems);
    } finally {
      await extra.close();
    }
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

test('every kind of schema violation is refused, naming the field', async ({ page, problems, browser }) => {
  test.setTimeout(120_000);
  const overview = SCREENS[0]!;
  const extra = await openScreens(browser, KINDS.length - 1);
  const screens = [{ page, problems }, ...extra.screens];
  try {
    await Promise.all(
      KINDS.map(async ({ fault, fields, issue }, i) => {
        const p = screens[i]!.page;
        const broken = overview.consumers.filter((c) => fields[c.endpoint]);
        const requests = new Map(endpointsOf(broken).map((e) => [e, recordRequests(p, urlOf(e))]));
        const faults = Object.fromEntries(endpointsOf(broken).map((e) => [e, fault]));
        await p.goto(`/?faults=${faultList(faults)}#/overview`);
        await expectRefused(p, broken, (c) => ERROR_TEXT.invalid(labelOf(c.endpoint), fields[c.endpoint]));
        const refusedAt = Date.now();
        if (issue)
          for (const c of broken) await expect(c.locate(p).getByRole('alert')).toContainText(`${issue} `);
        // The overview's other panels still work.
        for (const c of overview.consumers.filter((c) => !fields[c.endpoint]))
          await expectFresh(c.locate(p), `${c.name} is not affected (${fault})`);
        await expectAskedOnce(p, requests, refusedAt);
      }),
    );
    for (const s of screens) expectNoCrash(s.problems);
  } finally {
    await extra.close();
  }
});

test('bad data at a refresh: the last good data stays, stale, with why; one request per refresh', async ({
  page,
  problems,
}) => {
  await page.goto('/#/security');
  const alerts = panelNamed(page, 'Alerts');
  const others = ['Quantum key distribution links', 'Response times'].map((t) => panelNamed(page, t));
  await expectFresh(alerts);
  await expect(alerts.getByRole('table')).toBeVisible();

  await setFaults(page, { alerts: 'malformed-json' });
  const polls = recordRequests(page, urlOf('alerts'));
  const from = Date.now();
  await expect(alerts.getByRole('status').filter({ hasText: STALE })).toBeVisible({
    timeout: ALERTS_REFRESH_MS + 10_000,
  });
  await expect(alerts.getByText(ERROR_TEXT.invalidJson(labelOf('alerts')))).toBeVisible();
  await expect(alerts.getByRole('table'), 'the last good alerts stay on screen').toBeVisible();
  await expect(alerts.getByRole('alert')).toHaveCount(0);

  // The next refresh sends data that breaks the schema: said in its turn, no more requests.
  await setFaults(page, { alerts: 'schema-violation' });
  await expect(alerts.getByText(ERROR_TEXT.invalid(labelOf('alerts'), 'items.0.id'))).toBeVisible({
    timeout: ALERTS_REFRESH_MS + 10_000,
  });
  const window = 3 * ALERTS_REFRESH_MS;
  const left = from + window - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  const during = polls.filter((t) => t - from <= window);
  // One request per refresh: at most one per interval, none in between (a retry comes after 1 s).
  expect(during.length, `alerts requests in ${window / 1000} s`).toBeLessThanOrEqual(
    window / ALERTS_REFRESH_MS + 1,
  );
  for (let i = 1; i < during.length; i++)
    expect(during[i]! - during[i - 1]!, `gap before request ${i + 1}`).toBeGreaterThan(
      ALERTS_REFRESH_MS - 1_500,
    );
  for (const p of others) await expectFresh(p);

  // Good data again: fresh at the next refresh.
  await clearFaults(page);
  await expectFresh(alerts, 'the alerts are fresh again', ALERTS_REFRESH_MS + 10_000);
  expectNoCrash(problems);
});

test('an answer of 100,000 sensors is refused as too large; the rest of the screen works', async ({
  page,
  problems,
}) => {
  test.setTimeout(120_000);
  const sensors = recordRequests(page, urlOf('sensors'));
  const readings = recordRequests(page, urlOf('readings'));
  // The simulation builds 100,000 sensors in the page before it answers.
  await page.goto('/?sensors=100000#/overview');
  const tooMany = (endpoint: Endpoint) =>
    ERROR_TEXT.invalid(labelOf(endpoint), 'items', 'more than 50,000 items');
  await expect(
    panelNamed(page, 'Air and traffic')
      .getByRole('alert')
      .filter({ hasText: tooMany('readings') }),
  ).toBeVisible({
    timeout: 60_000,
  });
  const refusedAt = Date.now();
  // The map's sensor layers say so too.
  await expect(
    mapRegion(page)
      .getByRole('alert')
      .filter({ hasText: tooMany('readings') }),
  ).toContainText('Sensors: ');
  for (const title of ['5G network', 'Security alerts', 'Quantum key distribution'])
    await expectFresh(panelNamed(page, title), `"${title}" still works`);
  await expectAskedOnce(
    page,
    new Map<Endpoint, number[]>([
      ['sensors', sensors],
      ['readings', readings],
    ]),
    refusedAt,
  );

  // The screen still works: another view opens with its data.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Network' }).click();
  for (const title of ['Sites', 'Coverage, band n78']) await expectFresh(panelNamed(page, title));
  expectNoCrash(problems);
});
