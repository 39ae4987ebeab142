import type { Page } from '@playwright/test';
import { SIM_ORIGIN, signInThrough } from './sign-in';
import {
  VIEWS,
  cspOf,
  expect,
  expectMapReady,
  expectNoProblems,
  expectViewLoaded,
  hoverMapAndChart,
  navLabel,
  test,
  watchCspViolations,
} from './fixtures';

/**
 * Both builds run under the Content-Security-Policy of their index.html (no inline script, no
 * eval, workers from the app's origin only): every view, the map with its worker, the charts and
 * the wall and presentation modes load, and the browser reports no violation of the policy. The
 * demo build's views are walked under it by views.spec.ts.
 */

/** Opens every view through the navigation, hovering the map and a chart on the way. */
async function visitEveryView(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Views' });
  for (const view of VIEWS) {
    await nav.getByRole('link', { name: navLabel(view), exact: true }).click();
    await expectViewLoaded(page, view);
    await hoverMapAndChart(page);
  }
}

test.describe('Content-Security-Policy', () => {
  test.slow(true, 'every view in turn, the map drawn in software');

  // Its views, the map and the charts hovered on each: views.spec.ts, on its walk through them.
  test('the demo build runs its presentation and wall modes under it with no violation', async ({
    page,
    problems,
  }) => {
    const violations = await watchCspViolations(page);
    await page.goto('/#/overview?mode=presentation&scene=2');
    const policy = await cspOf(page);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    await expect(page.getByRole('region', { name: 'Presentation', exact: true })).toBeVisible();
    await expectMapReady(page);
    await page.goto('/#/security?mode=wall&views=security:20');
    await expect(page.getByRole('region', { name: 'Wall playlist' })).toBeVisible();
    // The wall's own composition of the view: its panels with data, and the map.
    await expect(page.getByRole('main').locator('section.panel').last()).toContainText(/Updated \d/);
    await expectMapReady(page);

    expect(await violations()).toEqual([]);
    expectNoProblems(problems);
  });

  test('the live build, served with the simulated territory over HTTP, runs under it too', async ({
    page,
    problems,
    request,
  }) => {
    const violations = await watchCspViolations(page);
    // The server sends the policy as a header too, with Trusted Types required of every sink.
    const response = await request.get(`${SIM_ORIGIN}/`);
    expect(response.headers()['content-security-policy']).toContain("require-trusted-types-for 'script'");
    // Signing in on the provider's page is part of the run, under that page's own policy.
    await signInThrough(page, '#/overview', 'operator');
    expect(await cspOf(page)).toContain("script-src 'self'");
    await expectViewLoaded(page, VIEWS[0]);
    await visitEveryView(page);
    expect(await violations()).toEqual([]);
    expectNoProblems(problems);
  });
});
