import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

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
  { path: 'network', heading: '5G network', panels: ['Sites', 'Coverage, band n78'], map: true },
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
  { path: 'kpis', heading: 'Key performance indicators', panels: ['Indicators, last week'], map: false },
] as const;

export type View = (typeof VIEWS)[number];

/** The view's link text in the navigation. */
export const navLabel = (view: View) =>
  view.path === 'kpis' ? 'KPIs' : view.path[0]!.toUpperCase() + view.path.slice(1);

/** Every API endpoint of the simulated territory, as `?faults=` names them. */
export { ENDPOINTS } from '../mocks/scenarios';

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

/** The panels of the current view (each is a `<section>` labelled by its `<h2>`). */
export const panels = (page: Page) => page.getByRole('main').locator('section.panel');

/**
 * Waits until the view's heading shows, every one of its panels has data ("Updated …") and, on
 * views with the map, the map has loaded its style and data; on the others the map is hidden.
 * Nothing in the main area may still say it is loading, the map's own messages included.
 */
export async function expectViewLoaded(page: Page, view: View) {
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

/** The shell's territory map (one for the page's life, hidden on views without it). */
export const mapRegion = (page: Page) => page.getByRole('region', { name: 'Territory map', exact: true });

/** MapLibre's WebGL canvas. */
export const mapCanvas = (page: Page) => page.locator('canvas.maplibregl-canvas');

/** Waits until the map is on screen with its style loaded and its features listed ("In view (N)"). */
export async function expectMapReady(page: Page) {
  const map = mapRegion(page);
  await expect(map).toBeVisible();
  await expect(map.locator('.map-view__canvas')).toHaveAttribute('data-map-ready', 'true');
  await expect(mapCanvas(page)).toBeVisible();
  await expect(map.getByRole('heading', { name: /^In view \(\d+\)$/ })).toBeVisible();
}

/** One panel, by the exact text of its heading. */
export const panelNamed = (page: Page, title: string) =>
  page.getByRole('main').getByRole('region', { name: title, exact: true }).and(page.locator('section.panel'));

/** Writes a full-page screenshot into the test's output folder and attaches it to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(name);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Expects no problem at all, and lists them all in the failure message if there are any. */
export function expectNoProblems(problems: PageProblems) {
  expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.failedRequests, 'failed requests').toEqual([]);
}

/**
 * `test` with a `problems` fixture that watches the page from before the first navigation and,
 * when a test fails, attaches what went wrong in the page (a blank page otherwise explains little).
 */
export const test = base.extend<{ problems: PageProblems }>({
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
});

export { expect };
