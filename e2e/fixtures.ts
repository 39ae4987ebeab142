import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { readFile } from 'node:fs/promises';
import axeCore from 'axe-core';
import type { Endpoint, Fault } from '../mocks/scenarios';
import { ENDPOINTS as API_ENDPOINTS, TERRITORY_STARTED } from '../mocks/scenarios';
import { demoToken } from '../mocks/demo-identity';
import type { Role } from '../src/api/access';
import { API_PATHS } from '../src/api/paths';
import { MAX_RETRIES, retryDelay } from '../src/api/retry';
import { DEFAULT_TIMEOUT_MS, RECHECK_AFTER_ERROR_EVERY_MS, REFRESH_EVERY_MS } from '../src/api/schedule';
import { TIME_STEP_MIN } from '../src/components/map/map-time';
import { readCsv } from '../src/test/read-csv';

/**
 * The dashboard's views: route, main heading, the titles of the panels it must show, and whether
 * the shell's territory map shows beside them (it stays mounted but hidden on the others).
 */
export const VIEWS = [
  {
    path: 'overview',
    heading: 'Overview',
    panels: ['5G network', 'Air and traffic', 'Security alerts', 'Quantum key distribution'],
    map: true,
  },
  { path: 'network', heading: '5G network', panels: ['Sites', 'Coverage, band n78 · 3.7 GHz'], map: true },
  {
    path: 'environment',
    heading: 'Environment',
    panels: [
      'Air-quality stations',
      'Outlook: PM10, metropolitan mean',
      'Daily outlook across municipalities, PM10',
      'Forecast accuracy, PM10',
    ],
    map: true,
  },
  {
    path: 'mobility',
    heading: 'Mobility',
    panels: [
      'Corridors and ring roads',
      'Traffic forecast, next 6 h',
      'Corridors by predicted congestion, next 6 h',
      'Forecast accuracy, traffic speed',
    ],
    map: true,
  },
  {
    path: 'security',
    heading: 'Security',
    panels: ['Alerts', 'Quantum key distribution links', 'Response times'],
    map: true,
  },
  {
    path: 'health',
    heading: 'Health: compact diagnostic devices',
    panels: ['Diagnostic devices', 'Devices needing attention', 'The health divide'],
    map: true,
  },
  { path: 'kpis', heading: 'Key performance indicators', panels: ['Indicators, last week'], map: false },
] as const;

export type View = (typeof VIEWS)[number];

/** The view's link text in the navigation. */
export const navLabel = (view: View) =>
  view.path === 'kpis' ? 'KPIs' : view.path[0]!.toUpperCase() + view.path.slice(1);

/** Every API endpoint of the simulated territory, as `?faults=` names them. */
export { ENDPOINTS } from '../mocks/scenarios';
export type { Endpoint, Fault } from '../mocks/scenarios';

/** The shell's header, and the backend's connection status in it. */
export const header = (page: Page) => page.getByRole('banner');
/** The connection and data age; on a wall the playlist's status follows it in the same strip. */
export const globalStatus = (page: Page) => header(page).getByRole('status').first();

/** The `?faults=` list (before the `#`) that switches these faults on from the page's start. */
export const faultList = (faults: Partial<Record<Endpoint, Fault>>) =>
  Object.entries(faults)
    .map(([endpoint, fault]) => `${endpoint}:${fault}`)
    .join(',');

interface Scenarios {
  setFault: (endpoint: Endpoint, fault: Fault) => void;
  clearFaults: () => void;
}

/** One fault on every endpoint. */
export const onEveryEndpoint = (fault: Fault) =>
  Object.fromEntries(API_ENDPOINTS.map((endpoint) => [endpoint, fault])) as Record<Endpoint, Fault>;

/** Switches faults on in the running page's simulated backend (the others stay as they are). */
export async function setFaults(page: Page, faults: Partial<Record<Endpoint, Fault>>) {
  await simulatedTerritoryStarted(page);
  await page.evaluate(
    (entries) => {
      const scenarios = (window as unknown as { territorioScenarios: Scenarios }).territorioScenarios;
      for (const [endpoint, fault] of entries) scenarios.setFault(endpoint, fault);
    },
    Object.entries(faults) as [Endpoint, Fault][],
  );
}

/** A new critical QKD alert in the running page's simulated backend, as its monitor raises it. */
export async function raiseCriticalAlert(page: Page, description?: string) {
  await simulatedTerritoryStarted(page);
  await page.evaluate(
    (extra) =>
      (
        window as unknown as { territorioScenarios: { raiseAlert: (a: object) => void } }
      ).territorioScenarios.raiseAlert({
        category: 'qkd',
        subCategory: 'eavesdropping-suspected',
        severity: 'critical',
        source: 'QKD monitor',
        ...extra,
      }),
    description === undefined ? {} : { description },
  );
}

/** The simulated backend answers normally again. */
export async function clearFaults(page: Page) {
  await simulatedTerritoryStarted(page);
  await page.evaluate(() =>
    (window as unknown as { territorioScenarios: Scenarios }).territorioScenarios.clearFaults(),
  );
}

/** The browser's own log line for a failed load of a URL that matches `url`. */
export function isFailedLoad(message: string, url: RegExp): boolean {
  return /^Failed to load resource/.test(message) && url.test(message);
}

export { API_PATHS };

/** The Authorization header of the demo identity's `role` (mocks/demo-identity.ts). */
export const demoAuth = (role: Role = 'operator') => ({ Authorization: `Bearer ${demoToken(role)}` });

/**
 * GETs an API resource from inside the page, through the demo's service worker (faults applied),
 * as the demo's operator unless another role is given.
 */
export const apiGet = async <T>(page: Page, path: string, role: Role = 'operator') => {
  await simulatedTerritoryStarted(page);
  return (await page.evaluate(
    async ({ url, headers }) => {
      const response = await fetch(url, { headers });
      if (!response.ok || !response.headers.get('content-type')?.includes('json'))
        throw new Error(`${url}: HTTP ${response.status}, ${response.headers.get('content-type')}`);
      return (await response.json()) as unknown;
    },
    { url: `/api/v1${path}`, headers: demoAuth(role) },
  )) as T;
};

/**
 * Resolves once the demo's simulated territory answers the page's requests: it starts beside the
 * app, so the screen may show before its service worker controls the page.
 */
export const simulatedTerritoryStarted = (page: Page) =>
  page.evaluate(async (event) => {
    if (!('territorioScenarios' in window))
      await new Promise((started) => window.addEventListener(event, started, { once: true }));
  }, TERRITORY_STARTED);

export const endpointLabel = (endpoint: Endpoint, id = '') =>
  `GET ${API_PATHS[endpoint].replace('{id}', id)}`;

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matches the URL of a request to the endpoint, in full or in the public projection (any query),
 * not of a longer path beginning the same.
 */
export const endpointUrl = (endpoint: Endpoint, id = '') =>
  new RegExp(`/api/v1(?:/public)?${escapeRegExp(API_PATHS[endpoint].replace('{id}', id))}(\\?|$)`);

/** How often each endpoint is polled (the app's own schedule); the territory and story are not. */
export const POLL_MS: Partial<Record<Endpoint, number>> = {
  alerts: REFRESH_EVERY_MS.alerts,
  readings: REFRESH_EVERY_MS.readings,
  'qkd-links': REFRESH_EVERY_MS.qkdLinks,
  'qkd-series': REFRESH_EVERY_MS.qkdSeries,
  'response-times': REFRESH_EVERY_MS.responseTimes,
  sites: REFRESH_EVERY_MS.sites,
  kpis: REFRESH_EVERY_MS.kpis,
  sensors: REFRESH_EVERY_MS.sensors,
  coverage: REFRESH_EVERY_MS.coverage,
  'traffic-forecasts': REFRESH_EVERY_MS.forecasts,
  'air-forecasts': REFRESH_EVERY_MS.forecasts,
  'air-outlook': REFRESH_EVERY_MS.forecasts,
  'sensor-forecasts': REFRESH_EVERY_MS.forecasts,
  series: REFRESH_EVERY_MS.series,
  'health-devices': REFRESH_EVERY_MS.healthDevices,
  'health-facilities': REFRESH_EVERY_MS.healthFacilities,
  'device-series': REFRESH_EVERY_MS.deviceSeries,
};
/** A query in error is asked again at least this often. */
export const RECHECK_AFTER_ERROR_MS = RECHECK_AFTER_ERROR_EVERY_MS;
/** How long the API client waits for an answer (the builds under test keep the default). */
export const REQUEST_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;
/** The pause before each retry of a failed request: 1 s, then 2 s. */
export const RETRY_DELAYS_MS = Array.from({ length: MAX_RETRIES }, (_, attempt) => retryDelay(attempt));
/** The longest a failing request can keep a panel waiting: every attempt timing out, and the pauses between. */
export const GIVE_UP_AFTER_MS =
  (MAX_RETRIES + 1) * REQUEST_TIMEOUT_MS + RETRY_DELAYS_MS.reduce((sum, ms) => sum + ms, 0);

/** What the screen says of each failure of an endpoint (src/components/ui/error-text.ts). */
export const ERROR_TEXT = {
  network: (endpoint: string) => `The backend could not be reached (${endpoint}).`,
  http: (endpoint: string, status: number) =>
    `The backend answered with an error: ${endpoint} answered HTTP ${status}.`,
  timeout: (endpoint: string) => `${endpoint} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`,
  invalidJson: (endpoint: string) =>
    `Invalid data: ${endpoint} sent a response that is not valid JSON. It is not shown.`,
  /** A refused answer, at the field given (any field if none is) and with the issue given. */
  invalid: (endpoint: string, field?: string, issue?: string) =>
    new RegExp(
      `Invalid data: ${escapeRegExp(endpoint)} sent invalid data at ${
        field === undefined ? '\\S+' : escapeRegExp(field)
      }: ${issue === undefined ? '.+' : escapeRegExp(issue)}\\. It is not shown\\.`,
    ),
};

/** A panel's freshness line: "Updated 10:42", or the stale mark "Stale: as of 10:42, 12 s ago". */
export const UPDATED = /^Updated \d{1,2}:\d{2}$/;
export const STALE = /Stale: as of \d{1,2}:\d{2}, (just now|\d+ s ago|\d+ min ago)/;

/** The panel shows data fetched lately: "Updated …", no stale mark and no alert. */
export async function expectFresh(panel: Locator, message = 'the panel is fresh', timeout = 30_000) {
  await expect(panel.getByText(UPDATED), message).toBeVisible({ timeout });
  await expect(panel.getByRole('status').filter({ hasText: STALE }), message).toHaveCount(0);
  await expect(panel.getByRole('alert'), message).toHaveCount(0);
}

/** A screen beside the test's own page, in a browser context of its own, watched as the page is. */
export interface Screen {
  page: Page;
  problems: PageProblems;
}

/**
 * Opens screens that run side by side with the test's page, each with its own service worker,
 * simulated backend and network (going offline on one leaves the others online). Close them with
 * the function returned.
 */
export async function openScreens(browser: Browser, count: number) {
  const contexts = await Promise.all(Array.from({ length: count }, () => browser.newContext()));
  const screens: Screen[] = await Promise.all(
    contexts.map(async (context) => {
      const page = await context.newPage();
      return { page, problems: watchPage(page) };
    }),
  );
  return { screens, close: () => Promise.all(contexts.map((c) => c.close())) };
}

const keptAlive = new WeakSet<BrowserContext>();

/**
 * Keeps the simulated backend's service worker registered while the page reloads: MSW's worker
 * unregisters itself when its last page closes, and a reload would then race it (requests of the
 * page going away reach the server, the new page's registration fails). A second page of the
 * context, on a static file the worker controls, stays open instead. Call it once the page has
 * loaded the app.
 */
export async function keepServiceWorker(page: Page) {
  const context = page.context();
  if (keptAlive.has(context)) return;
  keptAlive.add(context);
  const idle = await context.newPage();
  await idle.goto('/favicon.svg');
}

/** When (Date.now()) each API request whose URL matches `url` was sent, from now on. */
export function recordRequests(page: Page, url: RegExp): number[] {
  const times: number[] = [];
  page.on('request', (request) => {
    if (url.test(request.url())) times.push(Date.now());
  });
  return times;
}

/** What went wrong in the page while a test ran. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
}

/**
 * Records console errors, uncaught page errors, requests that failed at the network level and
 * responses with an HTTP error status. Start it before the first navigation.
 */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      problems.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // A poll the app cancels itself (an optimistic change cancels the alerts poll in flight) is
    // not a failure of the page.
    if (reason === 'net::ERR_ABORTED' && request.method() === 'GET' && /\/api\/v1\//.test(request.url()))
      return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(
        `${response.request().method()} ${response.url()}: HTTP ${response.status()}`,
      );
  });
  return problems;
}

/**
 * A moment just past the start of the current map time step, where a test's page clock starts when
 * it counts requests: the map asks for one forecast hour over the test's minutes, not a second one
 * because the clock crossed into the next step.
 */
export function startOfTimeStep(): number {
  const step = TIME_STEP_MIN * 60_000;
  return Math.floor(Date.now() / step) * step + 5_000;
}

/** The panels of the current view (each is a `<section>` labelled by its `<h2>`). */
export const panels = (page: Page) => page.getByRole('main').locator('section.panel');

/**
 * Waits until the view's heading shows, every one of its panels has data ("Updated …") and, on
 * views with the map, the map has loaded its style and data; on the others the map is hidden.
 * Nothing in the main area may still say it is loading, the map's own messages included.
 */
export async function expectViewLoaded(
  page: Page,
  view: Pick<View, 'heading' | 'map' | 'path'> & { panels: readonly string[] },
) {
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: view.heading, exact: true })).toBeVisible();
  await expect(panels(page)).toHaveCount(view.panels.length);
  for (const title of view.panels) {
    const panel = panelNamed(page, title);
    await expect(panel, `panel "${title}" leaves the loading state`).toContainText(/Updated \d/);
  }
  if (view.map) await expectMapReady(page);
  else await expect(mapRegion(page), `no map on ${view.path}`).toBeHidden();
  await expect(main.getByText(/Loading/)).toHaveCount(0);
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Opens a view from the navigation, as an operator does, and waits until it has loaded. */
export async function openFromNavigation(page: Page, view: View) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: navLabel(view), exact: true })
    .click();
  await expectViewLoaded(page, view);
}

/** The shell's territory map (one for the page's life, hidden on views without it). */
export const mapRegion = (page: Page) => page.getByRole('region', { name: 'Territory map', exact: true });

/** MapLibre's WebGL canvas. */
export const mapCanvas = (page: Page) => page.locator('canvas.maplibregl-canvas');

/**
 * Waits until the map is on screen with its style loaded and, at a desk, its features listed
 * ("In view (N)"); a wall or a presentation has no such list.
 */
export async function expectMapReady(page: Page) {
  const map = mapRegion(page);
  await expect(map).toBeVisible();
  await expect(map.locator('.map-view__canvas')).toHaveAttribute('data-map-ready', 'true');
  await expect(mapCanvas(page)).toBeVisible();
  if (/mode=(wall|presentation)/.test(new URL(page.url()).hash)) return;
  await expect(map.getByRole('heading', { name: /^In view \(\d+\)$/ })).toBeVisible();
}

/** One panel, by the exact text of its heading. */
export const panelNamed = (page: Page, title: string | RegExp) =>
  page.getByRole('main').getByRole('region', { name: title, exact: true }).and(page.locator('section.panel'));

/** Clicks the figure's "Download CSV" and reads the saved file's records. */
export async function downloadCsv(page: Page, figure: Locator): Promise<string[][]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Download CSV', exact: true }).click(),
  ]);
  return readCsv(await readFile((await download.path())!, 'utf8'));
}

/** Writes a full-page screenshot into the test's output folder and attaches it to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A violation of the page's Content-Security-Policy, as the browser reported it. */
export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
}

/**
 * Collects the page's `securitypolicyviolation` events from before its first script runs; the
 * function returned reads them.
 */
export async function watchCspViolations(page: Page) {
  await page.addInitScript(() => {
    const found: CspViolation[] = [];
    Object.assign(window, { __cspViolations: found });
    document.addEventListener('securitypolicyviolation', (event) =>
      found.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      }),
    );
  });
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations: CspViolation[] }).__cspViolations);
}

/** The Content-Security-Policy of the page's index.html. */
export const cspOf = (page: Page) =>
  page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');

/** Moves the mouse onto the middle of the map and onto the view's first chart, if it has one. */
export async function hoverMapAndChart(page: Page) {
  if (await mapCanvas(page).isVisible()) {
    const box = (await mapCanvas(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  }
  const chart = page.getByRole('main').locator('[role="img"] canvas').first();
  if (await chart.count()) await chart.hover();
}

/** Expects no problem at all, and lists them all in the failure message if there are any. */
export function expectNoProblems(problems: PageProblems) {
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
}

/** The WCAG 2.1 A and AA rules, as axe tags them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A WCAG violation axe found: its rule, impact and help, and the elements at fault. */
export interface Violation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  nodes: { target: string; summary: string | undefined }[];
}

/**
 * Runs axe's WCAG 2.1 A/AA rules over the page, or only within the elements the selectors name;
 * each violation as rule, impact, help and targets. Axe is put in the page once per document, and
 * runs in it (the app has no frames); it is asked to detail only the violations, not the passes,
 * which takes about two fifths less time and finds the same violations.
 */
export async function axeViolations(page: Page, within: readonly string[] = []): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeCore.source);
  return page.evaluate(
    async ({ tags, within }) => {
      const { axe } = window as unknown as { axe: typeof axeCore };
      const results = await axe.run(within.length ? { include: within.map((s) => [s]) } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return results.violations.map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    { tags: WCAG_TAGS, within: [...within] },
  );
}

/** Opens screens beside the test's page (see `openScreens`), each watched for problems. */
export type OpenScreens = (count: number) => Promise<Screen[]>;

/**
 * `test` with a `problems` fixture that watches the page from before the first navigation and,
 * when a test fails, attaches what went wrong in the page (a blank page otherwise explains little);
 * and a `screens` fixture that opens screens beside it and closes them when the test ends, passed
 * or failed.
 */
export const test = base.extend<{ problems: PageProblems; screens: OpenScreens }>({
  problems: async ({ page }, provide, testInfo) => {
    const problems = watchPage(page);
    await provide(problems);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('page-problems.json', {
        body: JSON.stringify(problems, null, 2),
        contentType: 'application/json',
      });
    }
  },
  screens: async ({ browser }, provide) => {
    const opened: Awaited<ReturnType<typeof openScreens>>[] = [];
    await provide(async (count) => {
      const screens = await openScreens(browser, count);
      opened.push(screens);
      return screens.screens;
    });
    await Promise.all(opened.map((screens) => screens.close()));
  },
});

export { expect };

/**
 * Counts the page's API requests still waiting for an answer, from now on, so a test that drives
 * the page's clock can let each step's requests be answered before it takes the next.
 */
export function trackApiRequests(page: Page) {
  const pending = new Set<unknown>();
  const isApi = (url: string) => /\/api\/v1\//.test(url);
  page.on('request', (r) => {
    if (isApi(r.url())) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return { pending: () => pending.size };
}

/**
 * Moves the page's (installed, paused) clock on by `ms` in steps: at each step the timers due fire,
 * then the requests they sent are answered and the page takes them in before the next step, as it
 * would in real time.
 */
export async function advanceClock(
  page: Page,
  requests: ReturnType<typeof trackApiRequests>,
  ms: number,
  step = 500,
) {
  for (let done = 0; done < ms; done += step) {
    await page.clock.fastForward(Math.min(step, ms - done));
    await takeAnswers(page, requests);
  }
}

/**
 * Waits until the page's API requests are answered and lets the paused clock fire the zero-delay
 * timers through which React Query hands the answers to the screen.
 */
export async function takeAnswers(page: Page, requests: ReturnType<typeof trackApiRequests>) {
  for (let round = 0; round < 3; round++) {
    await expect.poll(requests.pending, { timeout: 10_000, intervals: [10, 20, 50] }).toBe(0);
    // A zero-delay timer is due a millisecond on.
    await page.clock.runFor(1);
  }
}
