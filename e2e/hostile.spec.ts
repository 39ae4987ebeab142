import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { HOSTILE_STRING } from '../mocks/scenarios';
import { dailyAirOutlook } from '../mocks/territory/air-forecasts';
import { createSimulation, DEFAULT_SEED } from '../mocks/territory/simulation';
import { EU_LIMITS } from '../src/lib/eu-limits';
import { readCsv } from '../src/test/read-csv';
import {
  VIEWS,
  faultList,
  onEveryEndpoint,
  expect,
  expectViewLoaded,
  mapCanvas,
  mapRegion,
  panelNamed,
  test,
  type View,
  raiseCriticalAlert,
  apiGet,
} from './fixtures';

/**
 * Every string the API sends for display (names, categories, notes, labels, units, captions…)
 * carries a script payload (`hostile-strings` on every endpoint): each view, the map's tooltip,
 * details and search, the charts' tooltips, data tables, CSV exports, and the wall and presentation
 * modes must show it as text and never run it or turn it into elements.
 */

// The map jumps instead of flying to a picked feature, so the feature lies under its centre at once.
test.use({ reducedMotion: 'reduce' });

const DAY = 24 * 60 * 60_000;
/** µg/m³, as a daily mean (Directive 2008/50/EC, in force). */
const PM10_DAILY_LIMIT = EU_LIMITS.pm10.find((l) => l.period === 24 && l.regime === 'in-force')!.value;

/**
 * A winter morning when the simulated territory (the demo's default seed) has what the payload
 * must reach: a site needing attention, an open alert with a note, and a station whose PM10 daily
 * mean is predicted past the limit. The territory moves with the clock, so the pages keep this one.
 */
function findHostileInstant(): number {
  // The seed's winter has a long PM10 episode at the end of January.
  const start = Date.parse('2026-01-28T09:00:00Z');
  let clock = start;
  const simulation = createSimulation({ seed: DEFAULT_SEED, now: () => clock });
  for (; clock < start + 7 * DAY; clock += 30 * 60_000) {
    const siteNeedsAttention = simulation.sites().some((s) => s.status !== 'online');
    const openWithNote = simulation.alerts().some((a) => a.status === 'open' && a.description);
    const pastLimit = dailyAirOutlook(simulation.world, 'pm10', clock).items.some((station) =>
      station.days.some((d) => d.hours >= 20 && d.mean.p50 > PM10_DAILY_LIMIT + 5),
    );
    if (siteNeedsAttention && openWithNote && pastLimit) return clock;
  }
  throw new Error('the simulation has no winter morning with all the hostile views need');
}
const HOSTILE_AT = findHostileInstant();
test.beforeEach(({ page }) => page.clock.setFixedTime(HOSTILE_AT));

const HOSTILE = `/?faults=${faultList(onEveryEndpoint('hostile-strings'))}`;
const viewNamed = (path: View['path']) => VIEWS.find((v) => v.path === path)!;
const hostile = (text: string) => `${HOSTILE_STRING}${text}`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The payload as a prefix of an element's text. */
const startsHostile = new RegExp(`^${escape(HOSTILE_STRING)}`);

/**
 * That no payload ran, and none became an element, anywhere in the document: ECharts' tooltip
 * elements and MapLibre's popups are in it too. The payload's `<img>` runs its `onerror` only if it
 * is parsed as HTML; its `<script>` would not run from innerHTML but would still be there.
 */
async function expectPayloadInert(page: Page, where: string) {
  const found = await page.evaluate(() => ({
    ran: (window as unknown as { __territorioXss?: unknown }).__territorioXss ?? null,
    images: [...document.querySelectorAll('img')]
      .filter((img) => img.getAttribute('src') === 'x' || img.hasAttribute('onerror'))
      .map((img) => img.outerHTML),
    scripts: [...document.querySelectorAll('script')]
      .filter((script) => script.textContent?.includes('__territorioXss'))
      .map((script) => script.outerHTML),
    handlers: [...document.querySelectorAll('[onerror]')].map((el) => el.outerHTML.slice(0, 120)),
    inPopupsAndTooltips: [
      ...document.querySelectorAll(
        '.maplibregl-popup img, .maplibregl-popup script, [class*="tooltip"] img, [class*="tooltip"] script',
      ),
    ].map((el) => el.outerHTML),
  }));
  expect(found, `the payload stays inert: ${where}`).toEqual({
    ran: null,
    images: [],
    scripts: [],
    handlers: [],
    inPopupsAndTooltips: [],
  });
}

/** Opens a view with every endpoint hostile and waits until its panels and map have their data. */
async function openHostile(page: Page, path: View['path'], query = '') {
  await page.goto(`${HOSTILE}#/${path}${query}`);
  await expectViewLoaded(page, viewNamed(path));
}

/** The header names the territory, the footer gives its data notice, both as text. */
async function expectShellAsText(page: Page, { wall = false } = {}) {
  // The desk's header, or a wall's strip.
  await expect(page.getByRole('banner').locator('.brand__territory, .wall-strip__territory')).toHaveText(
    hostile('Metropolitan City of Milan'),
  );
  // The desk's footer says what is real; a wall's strip only that the data is synthetic.
  if (!wall) await expect(page.getByRole('contentinfo')).toHaveText(startsHostile);
  expect(await page.title()).toBe(`${hostile('Metropolitan City of Milan')} · Territorio`);
}

/** Moves the mouse onto the middle of the map and returns the map's tooltip. */
async function hoverMapCentre(page: Page) {
  // A click in a long list below may have scrolled the map partly out of the window.
  await mapCanvas(page).scrollIntoViewIfNeeded();
  const box = (await mapCanvas(page).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 5 });
  return mapRegion(page).getByRole('tooltip');
}

/**
 * Picks the first feature of the map's list: the map centres on it and opens its details. Then
 * the feature under the centre shows its (hostile) name in the tooltip, and heads the details.
 */
async function pickListedFeature(page: Page) {
  const list = mapRegion(page).getByRole('region', { name: 'Features in view' });
  const first = list.getByRole('row').nth(1).getByRole('button');
  const name = (await first.textContent())!;
  expect(name, 'the list names the feature as text').toMatch(startsHostile);
  await first.click();
  const details = mapRegion(page).getByRole('region', { name: `Details: ${name}`, exact: true });
  await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
  // The map flies to the feature; a hover while it moves finds nothing, so hover again as a user would.
  const tooltip = await hoverMapCentre(page);
  await expect(async () => {
    await hoverMapCentre(page);
    await expect(tooltip).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(tooltip).toHaveText(startsHostile);
  return details;
}

/**
 * Hovers a chart across its plot, so ECharts draws its tooltip (and axis pointer) for the points
 * under the mouse: the chart's picture changes. Its tooltips carry API text (units, names).
 */
async function hoverChart(page: Page, chart: Locator) {
  await chart.scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  const before = await chart.screenshot();
  const box = (await chart.boundingBox())!;
  for (const at of [0.35, 0.6, 0.8])
    await page.mouse.move(box.x + box.width * at, box.y + box.height * 0.55, { steps: 4 });
  await expect
    .poll(async () => Buffer.compare(before, await chart.screenshot()), {
      message: 'hovering draws the tooltip',
    })
    .not.toBe(0);
  await expectPayloadInert(page, 'a chart tooltip');
  await page.mouse.move(0, 0);
}

/** Clicks a download button and returns the file's text. */
async function downloadText(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFile((await (download as Download).path())!, 'utf8');
}

/** Shows a chart's data table from its button. */
async function showTable(figure: Locator) {
  await figure.getByRole('button', { name: 'Show data table' }).click();
  const table = figure.getByRole('table');
  await expect(table).toBeVisible();
  return table;
}

test.describe('hostile strings from every endpoint', () => {
  test.describe.configure({ timeout: 120_000 });

  test('overview: names, alerts and links as text; map tooltip, details and search inert', async ({
    page,
  }) => {
    await openHostile(page, 'overview');
    await expectShellAsText(page);
    const network = panelNamed(page, '5G network');
    await expect(network.getByRole('link').first()).toHaveText(startsHostile);
    // The simulated territory may have no critical or high alert active at this hour: one is raised.
    await raiseCriticalAlert(page);
    const alerts = panelNamed(page, 'Security alerts');
    await expect(alerts.getByRole('link').first()).toContainText(HOSTILE_STRING);
    await expect(panelNamed(page, 'Quantum key distribution')).toContainText(HOSTILE_STRING);

    const details = await pickListedFeature(page);
    await expect(details.getByRole('definition').first()).toBeVisible();
    await expectPayloadInert(page, 'map tooltip and details');

    // Searching by the payload's own text finds places, each named as text.
    const search = mapRegion(page).getByRole('search');
    await search.getByRole('searchbox', { name: 'Find a place' }).fill('<img src=x');
    await expect(search.getByRole('button').first()).toHaveText(startsHostile);
    await expect(search.getByRole('status')).toContainText(/^[1-8] results?$/);
    await expectPayloadInert(page, 'map search');
  });

  test('network: site names, operators and municipalities as text, in table and details', async ({
    page,
  }) => {
    const { items } = await apiGetAfterStart<{
      items: { id: string; name: string; operator: string; location: [number, number] }[];
    }>(page, '/network/sites');
    const site = items[0]!;
    expect(site.name, 'the API sends the payload').toMatch(startsHostile);
    // Centred on the site, zoomed in: the feature under the map's centre is that site.
    const [lon, lat] = site.location;
    await openHostile(page, 'network', `?sel=site:${site.id}&at=${lon},${lat},15`);
    const sites = panelNamed(page, 'Sites');
    await expect(sites.getByRole('button', { name: site.name, exact: true })).toBeVisible();
    const details = mapRegion(page).getByRole('region', { name: `Details: ${site.name}`, exact: true });
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(site.name);
    await expect(details.getByText(site.operator, { exact: true })).toBeVisible();
    await expect(details.getByRole('definition').nth(1), 'the municipality').toHaveText(startsHostile);
    const tooltip = await hoverMapCentre(page);
    await expect(tooltip).toHaveText(site.name);
    await expectPayloadInert(page, 'network view');
  });

  test('environment: stations, municipalities, model and units as text; charts, table and CSV', async ({
    page,
  }) => {
    await openHostile(page, 'environment');
    const stations = panelNamed(page, 'Air-quality stations');
    const station = stations
      .getByRole('table', { name: 'Air-quality stations' })
      .getByRole('row')
      .nth(1)
      .getByRole('button');
    await expect(station).toHaveText(startsHostile);
    await expect(
      panelNamed(page, 'Daily outlook across municipalities, PM10').getByRole('button').first(),
    ).toHaveText(startsHostile);
    const accuracy = panelNamed(page, 'Forecast accuracy, PM10');
    await expect(accuracy).toContainText(HOSTILE_STRING);

    const outlook = page.getByRole('main').getByRole('region', { name: /^Outlook: PM10, / });
    await expect(outlook.getByRole('combobox').locator('option').nth(1)).toHaveText(startsHostile);
    const figure = outlook.getByRole('figure');
    await hoverChart(page, figure.getByRole('img'));
    await expect(figure.getByRole('img')).toHaveAttribute('aria-label', /µg\/m³/);
    const table = await showTable(figure);
    await expect(table.getByRole('columnheader').nth(1)).toContainText(HOSTILE_STRING);
    const csv = await downloadText(page, figure.getByRole('button', { name: 'Download CSV' }));
    const [header] = readCsv(csv);
    expect(
      header!.slice(1).every((h) => h.includes(hostile('µg/m³'))),
      'CSV headers name the unit',
    ).toBe(true);
    expect(csv, 'quoted, its quotes doubled').toContain(HOSTILE_STRING.replace(/"/g, '""'));

    // A station's details, with its history chart (whose unit comes from the series endpoint).
    const name = (await station.textContent())!;
    await station.click();
    const details = mapRegion(page).getByRole('region', { name: `Details: ${name}`, exact: true });
    const history = details.getByRole('figure');
    await expect(history).toContainText('PM10 over the last 24 hours');
    await expect(history).toContainText(HOSTILE_STRING);
    await hoverChart(page, history.getByRole('img'));
    await expectPayloadInert(page, 'environment view');
  });

  test('mobility: corridors, places and units as text; forecast chart, table and CSV', async ({ page }) => {
    await openHostile(page, 'mobility');
    const corridors = panelNamed(page, 'Corridors and ring roads');
    await expect(corridors.getByRole('row').nth(1).getByRole('button')).toHaveText(startsHostile);
    const forecast = panelNamed(page, 'Traffic forecast, next 6 h');
    const options = forecast.getByRole('combobox').locator('option');
    await expect(options.first()).toHaveText(startsHostile);
    await expect(
      panelNamed(page, 'Corridors by predicted congestion, next 6 h').getByRole('button').first(),
    ).toHaveText(startsHostile);
    await expect(panelNamed(page, 'Forecast accuracy, traffic speed')).toContainText(HOSTILE_STRING);

    await hoverChart(page, forecast.getByRole('figure').getByRole('img'));
    // The accuracy chart plots in the unit the API gives.
    const accuracy = panelNamed(page, 'Forecast accuracy, traffic speed').getByRole('figure');
    const table = await showTable(accuracy);
    await expect(table.getByRole('columnheader').filter({ hasText: hostile('km/h') })).toHaveCount(2);
    const csv = readCsv(await downloadText(page, accuracy.getByRole('button', { name: 'Download CSV' })));
    expect(
      csv[0]!.filter((h) => h.includes(hostile('km/h'))),
      'CSV headers name the unit',
    ).toHaveLength(2);
    expect(csv.length, 'one line per forecast checked').toBeGreaterThan(10);
    await expectPayloadInert(page, 'mobility view');
  });

  test('security: alerts, audit trail, QKD links and nodes as text; QKD charts inert', async ({ page }) => {
    const { items } = await apiGetAfterStart<{
      items: { id: string; category: string; subCategory: string; description: string; status: string }[];
    }>(page, '/security/alerts');
    const alert = items.find((a) => a.status === 'open' && a.description)!;
    const { items: links } = await apiGet<{ items: { id: string; name: string }[] }>(
      page,
      '/security/qkd-links',
    );
    const link = links[0]!;
    await openHostile(page, 'security', `?alert=${alert.id}&sel=qkd-link:${link.id}`);

    const panel = panelNamed(page, 'Alerts');
    const title = `${alert.category} · ${alert.subCategory}`;
    // Its name in the list (after "New" while it is recent), pressed as the one selected.
    await expect(panel.getByRole('button', { name: title, pressed: true })).toHaveText(
      new RegExp(`${escape(title)}$`),
    );
    const details = panel.getByRole('region', { name: 'Selected alert' });
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(title);
    await expect(details.getByText(alert.description, { exact: true })).toBeVisible();
    // Assigning it writes the operator into the audit trail, which comes back hostile.
    await details.getByRole('button', { name: /^Assign to me/ }).click();
    await expect(details.getByRole('listitem').filter({ hasText: 'Assigned' }).last()).toContainText(
      `→ ${HOSTILE_STRING}`,
    );
    await expect(details.getByRole('listitem').first()).toContainText(HOSTILE_STRING);

    await panelNamed(page, 'Quantum key distribution links')
      .getByRole('button', { name: link.name, exact: true })
      .click();
    const history = panelNamed(page, `QKD link: ${link.name}`);
    await expect(history).toBeVisible();
    for (const chart of await history.getByRole('img').all()) await hoverChart(page, chart);
    const linkDetails = mapRegion(page).getByRole('region', { name: `Details: ${link.name}`, exact: true });
    const ends = (await linkDetails.getByRole('definition').nth(1).textContent())!;
    expect(ends.split(' and '), 'both ends, by name').toEqual([
      expect.stringMatching(startsHostile),
      expect.stringMatching(startsHostile),
    ]);
    await expect(
      panelNamed(page, 'Quantum key distribution links').getByRole('button').first(),
    ).toBeVisible();
    await expectPayloadInert(page, 'security view');
  });

  test('health: devices, facilities and path hops as text; facility tooltip, device chart and CSV', async ({
    page,
  }) => {
    await openHostile(page, 'health', '?layers=health');
    const devices = panelNamed(page, 'Diagnostic devices');
    const device = devices.getByRole('table').getByRole('row').nth(1).getByRole('button');
    await expect(device).toHaveText(startsHostile);
    const name = (await device.textContent())!;
    await expect(panelNamed(page, 'Devices needing attention').getByRole('listitem').first()).toContainText(
      HOSTILE_STRING,
    );
    await device.click();
    const details = mapRegion(page).getByRole('region', { name: `Details: ${name}`, exact: true });
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(name);
    const hops = details.getByRole('list', { name: `Path of the data of ${name}` }).getByRole('listitem');
    await expect(hops.first()).toContainText(HOSTILE_STRING);
    const figure = panelNamed(page, `Device ${name}`).getByRole('figure');
    await hoverChart(page, figure.getByRole('img'));
    const csv = await downloadText(page, figure.getByRole('button', { name: 'Download CSV' }));
    expect(csv.split('\r\n')[0], 'the CSV holds numbers under fixed headers').toBe(
      'Hour starting (UTC),Exams,Data sent (MB),Minutes QKD-protected,Minutes on classical encryption',
    );
    // A facility from the map's list: its name as text in the list, the tooltip and its details.
    await details.getByRole('button', { name: 'Close details' }).click();
    const facilityDetails = await pickListedFeature(page);
    await expect(facilityDetails.getByRole('list', { name: /^Diagnostic devices at / })).toContainText(
      HOSTILE_STRING,
    );
    await expectPayloadInert(page, 'health view');
  });

  test('KPIs: labels and units as text; trend tooltips, table, CSV and PNG', async ({ page }) => {
    await openHostile(page, 'kpis');
    const panel = panelNamed(page, 'Indicators, last week');
    const answer = await apiGet<{ items: { id: string; label: string; unit: string }[] }>(
      page,
      '/kpis?period=week&lang=en',
    );
    const lease = answer.items.find((k) => k.id === 'lease-revenue')!;
    await expect(panel.getByRole('cell', { name: lease.label, exact: true })).toBeVisible();
    await expect(panel.locator('.kpi-card').first()).toContainText(HOSTILE_STRING);
    await hoverChart(page, panel.locator('.kpi-card').first().getByRole('img'));

    const rows = readCsv(
      await downloadText(page, panel.getByRole('button', { name: 'Download the table (CSV)' })),
    );
    expect(rows[0]!.slice(0, 3)).toEqual(['id', 'Indicator', 'Unit']);
    for (const kpi of answer.items) {
      const row = rows.find((r) => r[0] === kpi.id);
      expect(row?.slice(1, 3), `${kpi.id}: label and unit, as text`).toEqual([kpi.label, kpi.unit]);
    }
    const [image] = await Promise.all([
      page.waitForEvent('download'),
      panel
        .getByRole('button', { name: /^Download chart \(PNG\): / })
        .first()
        .click(),
    ]);
    expect((await readFile((await image.path())!)).subarray(1, 4).toString()).toBe('PNG');
    await expectPayloadInert(page, 'KPIs view');
  });
});

test.describe('hostile strings in wall and presentation modes', () => {
  test('the wall shows a critical alert with hostile text as text', async ({ page }) => {
    await page.goto(`${HOSTILE}#/overview?mode=wall&views=overview:600`);
    await expect(page.getByRole('region', { name: 'Wall playlist' })).toContainText('Overview · view 1 of 1');
    await raiseCriticalAlert(page, 'QBER above the security limit');
    const dialog = page.getByRole('alertdialog', { name: 'New critical alert' });
    await expect(dialog).toBeVisible({ timeout: 15_000 });
    await expect(dialog.locator('strong')).toHaveText(
      `${hostile('qkd')} · ${hostile('eavesdropping-suspected')}`,
    );
    await expect(dialog).toContainText(hostile('QBER above the security limit'));
    await expect(dialog).toContainText(`by ${hostile('QKD monitor')}`);
    await expect(page.getByRole('region', { name: 'Critical alerts' })).toContainText(hostile('qkd'));
    await expectShellAsText(page, { wall: true });
    await expectPayloadInert(page, 'wall mode with a critical alert');
  });

  test('every scene of the presentation has its title and caption as text', async ({ page }) => {
    test.slow();
    await page.goto(`${HOSTILE}#/overview?mode=presentation`);
    const caption = page.getByRole('region', { name: 'Presentation' });
    await expect(caption).toContainText('Scene 1 of', { timeout: 30_000 });
    const story = await apiGet<{ scenes: { title: string; caption: string }[] }>(
      page,
      '/territory/story?lang=en',
    );
    expect(story.scenes.length).toBeGreaterThan(1);
    for (const [i, scene] of story.scenes.entries()) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect(caption).toContainText(`Scene ${i + 1} of ${story.scenes.length}`, { timeout: 30_000 });
      await expect(caption.getByRole('heading', { level: 2 })).toHaveText(scene.title);
      expect(scene.title).toMatch(startsHostile);
      await expect(caption.locator('.presentation-caption__text')).toHaveText(scene.caption);
      await expectPayloadInert(page, `scene ${i + 1}`);
    }
  });
});

/**
 * Starts the page on the KPIs (no map) with every endpoint hostile and GETs a resource, so a test
 * knows what the API sends before it opens its own view.
 */
async function apiGetAfterStart<T>(page: Page, path: string) {
  await page.goto(`${HOSTILE}#/kpis`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return apiGet<T>(page, path);
}
