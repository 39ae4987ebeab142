import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  ENDPOINTS,
  VIEWS,
  expect,
  expectNoProblems,
  expectViewLoaded,
  mapRegion,
  navLabel,
  panelNamed,
  screenshot,
  test,
} from './fixtures';
import { settledMapShot } from './map-pixels';

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

const API_URL = /\/api\/v1\//;
const ALERTS_URL = /\/api\/v1\/security\/alerts\b/;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The map's camera, which the map writes to the URL once it has loaded (optional, at the end). */
const CAMERA = String.raw`(\?at=[-\d.]+%2C[-\d.]+%2C[\d.]+)?$`;

const header = (page: Page) => page.getByRole('banner');
const globalStatus = (page: Page) => header(page).getByRole('status');

for (const size of SIZES) {
  test.describe(`views at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test.slow(size.width > 1920, 'SwiftShader draws a 4K map in software');

    for (const view of VIEWS) {
      test(`${view.path} opens with its panels loaded and no errors`, async ({
        page,
        problems,
      }, testInfo) => {
        await page.goto(`/#/${view.path}`);
        await expectViewLoaded(page, view);
        await expect(globalStatus(page)).toContainText('Connected');
        // The map has finished drawing before the picture is taken.
        if (view.map) await settledMapShot(page);
        await screenshot(page, testInfo, `${view.path}-${size.width}x${size.height}.png`);
        expectNoProblems(problems);
      });
    }
  });
}

test.describe('shell', () => {
  test('the header names the territory and shows the backend connected', async ({ page, problems }) => {
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`#/overview${CAMERA}`));
    await expect(header(page)).toContainText('Metropolitan City of Milan');
    await expect(globalStatus(page)).toContainText('Connected');
    await expect(page).toHaveTitle('Metropolitan City of Milan · Territorio');
    expectNoProblems(problems);
  });

  test('the navigation links open each view and change the URL', async ({ page, problems }) => {
    await page.goto('/#/overview');
    await expectViewLoaded(page, VIEWS[0]);
    const nav = page.getByRole('navigation', { name: 'Views' });
    for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
      const link = nav.getByRole('link', { name: navLabel(view), exact: true });
      await link.click();
      // Only the screen-wide parameters follow (the map's camera, `at=`); view filters are dropped.
      await expect(page).toHaveURL(new RegExp(`#/${view.path}${CAMERA}`));
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expectViewLoaded(page, view);
    }
    expectNoProblems(problems);
  });

  test('a deep link with a selection reopens the view with the site in the map details', async ({
    page,
    problems,
  }) => {
    await page.goto('/#/network?sel=site:site-01');
    const details = mapRegion(page).getByRole('region', { name: /^Details: / });
    const close = details.getByRole('button', { name: 'Close details' });
    await expect(details).toBeVisible();
    await expect(details).toContainText('Operator');
    await expect(details).toContainText('Throughput');
    await expect(details).not.toContainText('not in the current data');
    // The selected row is marked in the Sites table and in the map's list, and its name heads the details.
    const selected = panelNamed(page, 'Sites').getByRole('button', { pressed: true });
    await expect(selected).toHaveCount(1);
    const name = (await selected.textContent())?.trim() ?? '';
    expect(name).not.toBe('');
    await expect(details).toHaveAccessibleName(`Details: ${name}`);
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
    await expect(
      mapRegion(page)
        .getByRole('region', { name: 'Features in view' })
        .getByRole('button', { pressed: true }),
    ).toHaveText(name);

    await close.click();
    await expect(details).toHaveCount(0);
    await expect(selected).toHaveCount(0);
    await expect(page).not.toHaveURL(/sel=/);

    // Choosing a site in the table selects it on the map.
    const sites = panelNamed(page, 'Sites');
    const otherName = (await sites.getByRole('row').nth(2).getByRole('button').textContent())!.trim();
    // By name: a live refresh may reorder the rows meanwhile.
    const other = sites.getByRole('button', { name: otherName, exact: true });
    await other.click();
    await expect(page).toHaveURL(/[?&]sel=site%3A[\w-]+/);
    await expect(other).toHaveAttribute('aria-pressed', 'true');
    await expect(mapRegion(page).getByRole('region', { name: `Details: ${otherName}` })).toBeVisible();
    expectNoProblems(problems);
  });
});

test.describe('faults', () => {
  test('a failing alerts endpoint only takes its own panels down', async ({ page, problems }) => {
    await page.goto('/?faults=alerts:server-error#/security');

    const alerts = panelNamed(page, 'Alerts');
    await expect(alerts.getByRole('alert')).toContainText('The backend answered with an error');
    await expect(alerts.getByRole('button', { name: 'Try again now' })).toBeVisible();
    const qkd = panelNamed(page, 'Quantum key distribution links');
    await expect(qkd).toContainText(/Updated \d/);
    await expect(qkd.getByRole('table')).toBeVisible();
    await expect(qkd.getByRole('row')).not.toHaveCount(0);
    await expect(globalStatus(page)).toContainText('Degraded');

    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Overview' }).click();
    await expect(page).toHaveURL(new RegExp(`\\?faults=alerts:server-error#/overview${CAMERA}`));
    await expect(panelNamed(page, 'Security alerts').getByRole('alert')).toContainText(
      'The backend answered with an error',
    );
    for (const title of ['5G network', 'Air and traffic', 'Quantum key distribution']) {
      const panel = panelNamed(page, title);
      await expect(panel, `"${title}" still works`).toContainText(/Updated \d/);
      await expect(panel.getByRole('alert')).toHaveCount(0);
    }

    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    // Only the alerts requests may fail, and the browser logs each failed load.
    expect(problems.failedRequests.filter((r) => !ALERTS_URL.test(r))).toEqual([]);
    expect(problems.consoleErrors.filter((m) => !isFailedLoad(m, ALERTS_URL))).toEqual([]);
  });

  test('when every endpoint is unreachable the shell says so and nothing crashes', async ({
    page,
    problems,
  }) => {
    const faults = ENDPOINTS.map((endpoint) => `${endpoint}:network-error`).join(',');
    await page.goto(`/?faults=${faults}#/overview`);

    await expect(globalStatus(page)).toContainText('Backend unreachable');
    await expect(page.getByRole('alert').filter({ hasText: 'The backend is unreachable.' })).toBeVisible();
    await expect(header(page)).toContainText('Territory not loaded');
    for (const title of VIEWS[0].panels) {
      await expect(panelNamed(page, title).getByRole('alert')).toContainText('could not be reached');
    }

    expect(problems.pageErrors, 'uncaught page errors').toEqual([]);
    // Failed fetches are logged by the browser; anything else in the console is a bug.
    expect(problems.consoleErrors.filter((m) => !isFailedLoad(m, API_URL))).toEqual([]);
    expect(problems.failedRequests.filter((r) => !API_URL.test(r))).toEqual([]);
  });
});

test.describe('accessibility', () => {
  for (const view of VIEWS) {
    test(`${view.path} has no WCAG 2.1 A/AA violations in the dark and light themes`, async ({
      page,
    }, testInfo) => {
      await page.goto(`/#/${view.path}`);
      await expectViewLoaded(page, view);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const dark = await axeViolations(page);

      await page.getByRole('button', { name: 'Light theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
      const light = await axeViolations(page);

      const found = { dark, light };
      await testInfo.attach('axe-violations.json', {
        body: JSON.stringify(found, null, 2),
        contentType: 'application/json',
      });
      expect(found, `axe violations on ${view.path}`).toEqual({ dark: [], light: [] });
    });
  }
});

/** The browser's own log line for a failed load of a URL that matches `url`. */
function isFailedLoad(message: string, url: RegExp): boolean {
  return /^Failed to load resource/.test(message) && url.test(message);
}

/** Runs axe with the WCAG 2.1 A/AA rules and returns each violation as rule, impact and targets. */
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
  }));
}
