import {
  globalStatus,
  header,
  VIEWS,
  expect,
  expectNoProblems,
  expectViewLoaded,
  openFromNavigation,
  mapCanvas,
  mapRegion,
  navLabel,
  panelNamed,
  screenshot,
  test,
  axeViolations,
  cspOf,
  hoverMapAndChart,
  watchCspViolations,
} from './fixtures';
import { measure, settledMapShot } from './map-pixels';

// At 1920×1080, the desk's tightest common screen: wider screens give the tables more room, and
// e2e/wall.spec.ts checks every view composed for walls up to 5120×1440.
test.describe('views at 1920×1080', () => {
  test.describe.configure({ timeout: 4 * 60_000 });

  // One page for the walk, as an operator moves through the views: the shell and its map stay, and
  // so does the map's one WebGL canvas and context. Axe looks at each view as it stands.
  test('every view opens from the navigation with its panels loaded, every column in sight, the map drawn in its one canvas, no WCAG 2.1 A/AA violations in the dark and light themes, nor of the Content-Security-Policy, and no errors', async ({
    page,
    problems,
  }, testInfo) => {
    // Under the build's Content-Security-Policy (csp.spec.ts): the browser reports no violation.
    const violations = await watchCspViolations(page);
    // The bare address opens the Overview, under the territory's name, with the backend connected.
    await page.goto('/');
    const policy = await cspOf(page);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    await expect(page).toHaveURL(/#\/overview$/);
    await expect(header(page)).toContainText('Metropolitan City of Milan');
    await expect(page).toHaveTitle('Metropolitan City of Milan · Territorio');
    await expectViewLoaded(page, VIEWS[0]);
    const context = await mapCanvas(page).evaluate((canvas: HTMLCanvasElement) => {
      // Asking for another kind of context than the canvas has gives null, so ask for both in turn.
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      (window as unknown as { mapContext: unknown }).mapContext = gl;
      return gl && { version: String(gl.getParameter(gl.VERSION)), lost: gl.isContextLost() };
    });
    expect(context, 'the map canvas has a WebGL context').not.toBeNull();
    expect(context!.version).toMatch(/^WebGL/);
    expect(context!.lost).toBe(false);

    const found: Record<string, { dark: unknown[]; light: unknown[] }> = {};
    const nav = page.getByRole('navigation', { name: 'Views' });
    for (const view of [...VIEWS.slice(1), VIEWS[0]]) {
      await openFromNavigation(page, view);
      // Only the screen-wide parameters follow (the map's camera, `at=`); view filters are dropped.
      await expect(page).toHaveURL(new RegExp(`#/${view.path}$`));
      await expect(nav.getByRole('link', { name: navLabel(view), exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await expect(globalStatus(page)).toContainText('Connected');
      await expect(mapCanvas(page), `one map canvas on ${view.path}`).toHaveCount(1);
      // Nobody scrolls a wall screen sideways: every column of every table is in sight.
      const clipped = await page
        .locator('.table-wrap')
        .evaluateAll((wraps) =>
          wraps
            .filter((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
            .map((wrap) => wrap.querySelector('caption')?.textContent),
        );
      expect(clipped, `tables wider than their panel on ${view.path}`).toEqual([]);
      // The map has finished drawing, and draws the view's layers, before the picture is taken;
      // on the Overview, last, after it was hidden on the KPIs.
      if (view.map) {
        const picture = await measure(page, await settledMapShot(page));
        expect(picture.colours, `distinct colours on the map, ${view.path}`).toBeGreaterThan(50);
      }
      await screenshot(page, testInfo, `${view.path}-1920x1080.png`);

      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const dark = await axeViolations(page);
      await page.getByRole('button', { name: 'Light theme' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await expect(page.getByRole('button', { name: 'Dark theme' })).toBeVisible();
      const light = await axeViolations(page);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      found[view.path] = { dark, light };
      // The map's and a chart's tooltips, made under the policy.
      await hoverMapAndChart(page);
      await page.mouse.move(0, 0);
    }
    const same = await mapCanvas(page).evaluate(
      (canvas: HTMLCanvasElement) =>
        (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) ===
        (window as unknown as { mapContext: unknown }).mapContext,
    );
    expect(same, 'the WebGL context made on the first view is still the one drawing').toBe(true);
    await testInfo.attach('axe-violations.json', {
      body: JSON.stringify(found, null, 2),
      contentType: 'application/json',
    });
    expect(found).toEqual(Object.fromEntries(VIEWS.map((v) => [v.path, { dark: [], light: [] }])));
    expect(await violations(), 'Content-Security-Policy violations').toEqual([]);
    expectNoProblems(problems);
  });
});

test.describe('shell', () => {
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
    await expect(page).toHaveURL(/[?&]sel=site:[\w-]+/);
    await expect(other).toHaveAttribute('aria-pressed', 'true');
    await expect(mapRegion(page).getByRole('region', { name: `Details: ${otherName}` })).toBeVisible();
    expectNoProblems(problems);
  });
});
