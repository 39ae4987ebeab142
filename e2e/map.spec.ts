import type { Locator, Page } from '@playwright/test';
import {
  VIEWS,
  expect,
  expectNoProblems,
  expectViewLoaded,
  mapCanvas,
  mapRegion,
  test,
  type View,
  axeViolations,
  apiGet,
} from './fixtures';
import { difference, measure, rgb, settledMapShot } from './map-pixels';

/**
 * The shell's territory map (MapLibre on WebGL, which headless Chromium draws with SwiftShader):
 * that it really draws, that its layers, selection, URL state, tooltip and legend work, that its
 * text alternative selects on it, and that it passes axe.
 */

const viewNamed = (path: View['path']) => VIEWS.find((v) => v.path === path)!;
const OVERVIEW = viewNamed('overview');
const NETWORK = viewNamed('network');
const ENVIRONMENT = viewNamed('environment');

/** Map colours (src/components/map/palettes.ts) the pixel checks look for. */
const TRAFFIC_FREE_FLOW = rgb('#009e73');
/** Late morning in Milan, after the rush: most traffic flows freely, so free-flow markers are there to count. */
const FREE_FLOWING_HOUR = new Date('2026-03-11T10:30:00Z');
const SITE_ONLINE = rgb('#56b4e9');

const READINGS_URL = /\/api\/v1\/readings(\?|$)/;
const formatNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

interface ApiSensor {
  id: string;
  name: string;
  kind: 'air' | 'traffic' | 'noise' | 'weather';
  location: [number, number];
}
interface ApiSite {
  id: string;
  name: string;
  location: [number, number];
}
interface ApiReading {
  sensorId: string;
  kind: string;
  dateObserved: string;
  pm10?: number;
  no2?: number;
}
interface ApiSeries {
  sensorId: string;
  metric: string;
  unit: string;
  values: (number | null)[];
}

const layersGroup = (page: Page) => mapRegion(page).getByRole('group', { name: 'Layers', exact: true });
const layerSwitch = (page: Page, label: string) =>
  layersGroup(page).getByRole('checkbox', { name: label, exact: true });
const detailsRegion = (page: Page, name?: string) =>
  mapRegion(page).getByRole('region', { name: name === undefined ? /^Details: / : `Details: ${name}` });
const inViewTable = (page: Page) =>
  mapRegion(page).getByRole('region', { name: 'Features in view', exact: true }).getByRole('table');
const legend = (page: Page) => mapRegion(page).getByRole('region', { name: 'Map legend', exact: true });

/** The `?…` part of the hash route. */
const routeParams = (url: string) => new URLSearchParams(new URL(url).hash.split('?')[1] ?? '');

/** The camera the URL holds (`at=lon,lat,zoom`), or null. */
function cameraIn(url: string) {
  const at = routeParams(url).get('at');
  if (!at) return null;
  const [lon, lat, zoom] = at.split(',').map(Number);
  return { lon: lon!, lat: lat!, zoom: zoom! };
}

/** Degrees between the URL's camera centre and a point (Infinity when the URL has no camera). */
function cameraDistance(url: string, [lon, lat]: readonly [number, number]) {
  const camera = cameraIn(url);
  return camera ? Math.hypot(camera.lon - lon, camera.lat - lat) : Infinity;
}

/**
 * Waits until the map has flown to a point (a camera move ends by writing `at=` to the URL), zoomed
 * well in from the whole territory (about zoom 9 on a 1920-pixel screen).
 */
async function expectCentredOn(page: Page, position: readonly [number, number], minZoom = 12) {
  await expect
    .poll(() => cameraDistance(page.url(), position), { message: 'the map centres on the feature' })
    .toBeLessThan(2e-4);
  expect(cameraIn(page.url())!.zoom).toBeGreaterThanOrEqual(minZoom);
}

/**
 * Records what the API sent the app: the latest reading of each sensor (the first poll carries all
 * of them, later `?since=` polls only what changed) and the latest series of each sensor.
 */
function recordApi(page: Page) {
  const readings = new Map<string, ApiReading>();
  const series = new Map<string, ApiSeries>();
  page.on('response', async (response) => {
    const url = response.url();
    if (!response.ok() || !/\/api\/v1\/(readings|sensors\/[^/]+\/series)(\?|$)/.test(url)) return;
    try {
      if (READINGS_URL.test(url)) {
        const body = (await response.json()) as { items: ApiReading[] };
        for (const reading of body.items) {
          const known = readings.get(reading.sensorId);
          if (!known || Date.parse(known.dateObserved) <= Date.parse(reading.dateObserved))
            readings.set(reading.sensorId, reading);
        }
      } else {
        const body = (await response.json()) as ApiSeries;
        series.set(`${body.sensorId}:${body.metric}`, body);
      }
    } catch {
      // The page went away before the body arrived.
    }
  });
  return { readings, series };
}

/** The feature farthest from its nearest neighbour, so a click at its position can only hit it. */
function mostIsolated<T extends { location: readonly [number, number] }>(items: readonly T[]): T {
  const distance = (a: T, b: T) =>
    Math.hypot(
      (a.location[0] - b.location[0]) * Math.cos((a.location[1] * Math.PI) / 180),
      a.location[1] - b.location[1],
    );
  let best = items[0]!;
  let bestGap = -1;
  for (const item of items) {
    const gap = Math.min(...items.filter((o) => o !== item).map((o) => distance(item, o)));
    if (gap > bestGap) [best, bestGap] = [item, gap];
  }
  return best;
}

/**
 * The air station farthest from the others, read from the API on a view without the map (so the
 * map is first created by the next view opened, from that view's URL).
 */
async function isolatedAirSensor(page: Page) {
  await openView(page, viewNamed('kpis'));
  const { items } = await apiGet<{ items: ApiSensor[] }>(page, '/sensors');
  return mostIsolated(items.filter((s) => s.kind === 'air'));
}

/**
 * Opens a view with the map centred on a point at zoom 13, through `at=` in the URL, and waits
 * until it has drawn. The map must not exist yet (it takes its camera from the URL when created).
 */
async function openMapAt(page: Page, view: View, [lon, lat]: readonly [number, number]) {
  await page.goto(`/#/${view.path}?at=${lon},${lat},13`);
  await expectViewLoaded(page, view);
  await expectCentredOn(page, [lon, lat]);
  await settledMapShot(page);
}

/** The point at the middle of the map, in page coordinates (where a feature flown to lies). */
async function mapCentre(page: Page) {
  const box = (await mapCanvas(page).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A feature's tooltip: its name, followed by its open alerts when the security layer rings it. */
const featureTooltip = (name: string) =>
  new RegExp(`^${escapeRegExp(name)}(: \\d+ open alerts?, worst \\w+)?$`);

/** Moves the mouse onto the middle of the map and returns the map's tooltip. */
async function hoverMapCentre(page: Page) {
  const centre = await mapCentre(page);
  await page.mouse.move(centre.x - 40, centre.y - 40);
  await page.mouse.move(centre.x, centre.y, { steps: 5 });
  return mapRegion(page).getByRole('tooltip');
}

/** The text of the definition that follows a term in a details list. */
const definitionOf = (details: Locator, term: string) =>
  details
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${escapeRegExp(term)}$`) })
    .locator('xpath=following-sibling::dd[1]');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function openView(page: Page, view: View) {
  await page.goto(`/#/${view.path}`);
  await expectViewLoaded(page, view);
}

test.describe('territory map', () => {
  // That it draws with WebGL into one canvas and context lasting across every view: views.spec.ts,
  // on its walk through them.

  // One page: drawn as it opens, its legend read, then its layers switched.
  test('is drawn, not blank: basemap and markers; the legend names every class in words; switching layers changes what is drawn, the URL and the legend', async ({
    page,
    problems,
  }, testInfo) => {
    await page.clock.setFixedTime(FREE_FLOWING_HOUR);
    await openView(page, OVERVIEW);
    const all = await settledMapShot(page);
    await testInfo.attach('map-overview.png', { body: all, contentType: 'image/png' });
    const picture = await measure(page, all, [SITE_ONLINE, TRAFFIC_FREE_FLOW]);
    const box = (await mapCanvas(page).boundingBox())!;
    expect(Math.abs(picture.width - box.width), 'the shot is of the whole canvas').toBeLessThanOrEqual(1);
    expect(picture.colours, 'distinct colours on the map').toBeGreaterThan(50);
    const [sites, trafficBefore] = picture.near;
    expect(sites, 'pixels of online 5G sites').toBeGreaterThan(100);
    expect(trafficBefore, 'pixels of free-flowing traffic sensors').toBeGreaterThan(100);

    const groups = legend(page);
    await expect(groups.getByRole('heading', { level: 3 })).toHaveText([
      '5G sites',
      'Air quality, EAQI (worst pollutant)',
      'Traffic',
      'Open alerts: ring in the worst severity',
    ]);
    for (const words of ['Online', 'Degraded', 'Maintenance', 'Good', 'Moderate', 'Very poor']) {
      await expect(groups.getByRole('listitem').filter({ hasText: new RegExp(`^${words}$`) })).toHaveCount(1);
    }
    await expect(groups).toContainText('Congested (< 50%)');
    await expect(groups).toContainText('Free flow');
    await expect(groups).toContainText('Not reporting');
    for (const item of await groups.getByRole('listitem').all()) {
      await expect(item, 'each class is named, not only coloured').toHaveText(/\p{L}{3,}/u);
    }

    const traffic = layerSwitch(page, 'Traffic');
    await expect(traffic).toBeChecked();
    // click(), not uncheck(): the switch follows the URL, which the router updates in a transition,
    // so for a frame or more after the click the box still reads checked, and uncheck() fails on that.
    await traffic.click();
    await expect(traffic).not.toBeChecked();
    await expect.poll(() => routeParams(page.url()).get('layers')).toBe('air,sites,security');
    await expect(legend(page).getByRole('heading', { name: 'Traffic', exact: true })).toHaveCount(0);
    const withoutTraffic = await settledMapShot(page);
    const [trafficAfter] = (await measure(page, withoutTraffic, [TRAFFIC_FREE_FLOW])).near;
    expect(trafficAfter!, 'traffic markers are gone').toBeLessThan(trafficBefore! / 20);
    expect(await difference(page, all, withoutTraffic)).toBeGreaterThan(0.005);

    const coverage = layerSwitch(page, 'Coverage');
    await coverage.click();
    await expect(coverage).toBeChecked();
    await expect.poll(() => routeParams(page.url()).get('layers')).toBe('coverage,air,sites,security');
    await expect(legend(page)).toContainText('Excellent, ≥ −80 dBm');
    const withCoverage = await settledMapShot(page);
    expect(await difference(page, withoutTraffic, withCoverage), 'coverage hexagons drawn').toBeGreaterThan(
      0.05,
    );

    // Another view, its own layers (the switches are the Overview's): its own legend.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Environment' }).click();
    await expectViewLoaded(page, ENVIRONMENT);
    await expect(groups.getByRole('heading', { level: 3 })).toHaveText(['Air quality, PM10 band']);
    expectNoProblems(problems);
  });

  test('clicking a sensor on the map opens its details with the values the API sent', async ({
    page,
    problems,
  }) => {
    const api = recordApi(page);
    const sensor = await isolatedAirSensor(page);
    // Open the map centred on it (a link with `at=`: no flight, see "picking … keeps the selection").
    await openMapAt(page, ENVIRONMENT, sensor.location);
    await expect.poll(() => api.readings.get(sensor.id)?.kind, 'the API sent its reading').toBe('air');
    await expect(detailsRegion(page)).toHaveCount(0);

    const centre = await mapCentre(page);
    await page.mouse.click(centre.x, centre.y);
    await expect.poll(() => routeParams(page.url()).get('sel')).toBe(`sensor:${sensor.id}`);

    const details = detailsRegion(page, sensor.name);
    await expect(details).toBeVisible();
    await expect(details.getByRole('heading', { level: 2 })).toHaveText(sensor.name);
    await expect(definitionOf(details, 'Kind')).toHaveText('Air-quality station');
    // The latest reading the API sent (a poll may land meanwhile: compare until both agree).
    await expect(async () => {
      const reading = api.readings.get(sensor.id)!;
      for (const [term, value] of [
        ['PM10', reading.pm10!],
        ['NO₂', reading.no2!],
      ] as const) {
        await expect(definitionOf(details, term)).toHaveText(
          new RegExp(`^${escapeRegExp(formatNumber.format(value))} µg/m³ · \\S`),
          { timeout: 1000 },
        );
      }
    }).toPass({ timeout: 20_000 });
    // And its last 24 hours of PM10 (the Environment view's pollutant), from the series endpoint.
    const history = details.getByRole('figure');
    await expect(history).toContainText('PM10 over the last 24 hours');
    await expect(async () => {
      const series = api.series.get(`${sensor.id}:pm10`);
      expect(series, 'the series was fetched').toBeDefined();
      const values = series!.values.filter((v): v is number => v !== null);
      await expect(history).toContainText(`latest ${formatNumber.format(values.at(-1)!)}.`, {
        timeout: 1000,
      });
      await expect(history).toContainText(series!.unit, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    expectNoProblems(problems);
  });

  test('a link reopens the selection and the camera, also after a reload', async ({ page, problems }) => {
    // The page's clock runs as real time but is stopped across the reload: the demo's service worker
    // lets go of a page as it unloads, so a poll due in that moment would reach the preview server.
    await page.clock.install();
    await page.goto('/#/kpis');
    await expectViewLoaded(page, viewNamed('kpis'));
    const { items } = await apiGet<{ items: ApiSensor[] }>(page, '/sensors');
    const sensor = items.find((s) => s.kind === 'air')!;

    await page.goto(`/#/environment?sel=sensor:${sensor.id}&at=9.2,45.47,12.5`);
    for (const attempt of ['opened', 'reloaded']) {
      if (attempt === 'reloaded') {
        // A second ahead: the page's time runs on while this is sent, and a pause cannot go back.
        await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
        await page.reload();
        await page.clock.resume();
      }
      await expectViewLoaded(page, ENVIRONMENT);
      const details = detailsRegion(page, sensor.name);
      await expect(details, `details after the link is ${attempt}`).toBeVisible();
      await expect(details).not.toContainText('not in the current data');
      await expect(details.getByRole('figure')).toBeVisible();
      expect(routeParams(page.url()).get('sel')).toBe(`sensor:${sensor.id}`);
      const camera = cameraIn(page.url())!;
      expect(camera.lon).toBeCloseTo(9.2, 4);
      expect(camera.lat).toBeCloseTo(45.47, 4);
      expect(camera.zoom).toBeCloseTo(12.5, 2);
    }
    // Zoomed in on Milan, the list holds only part of the 120 stations.
    const heading = mapRegion(page).getByRole('heading', { name: /^In view \(\d+\)$/ });
    const inView = async () => Number((await heading.textContent())!.match(/\d+/)![0]);
    await expect.poll(inView).toBeGreaterThan(0);
    expect(await inView()).toBeLessThan(items.filter((s) => s.kind === 'air').length);
    expectNoProblems(problems);
  });

  test('hovering a feature shows its name in a tooltip', async ({ page, problems }) => {
    await openView(page, viewNamed('kpis'));
    const { items } = await apiGet<{ items: ApiSite[] }>(page, '/network/sites');
    const site = mostIsolated(items);
    await openMapAt(page, NETWORK, site.location);

    const tooltip = await hoverMapCentre(page);
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toHaveText(site.name);

    // Leaving the map takes the tooltip away.
    await page.getByRole('heading', { level: 1 }).hover();
    await expect(tooltip).toHaveCount(0);
    expectNoProblems(problems);
  });
});

test.describe('territory map, with reduced motion', () => {
  // The map jumps to a picked feature instead of flying: a pick is then a single step, which the
  // known bug below cannot split, so this checks the list alternative deterministically.
  test.use({ reducedMotion: 'reduce' });

  test('the list of features in view selects on the map and centres it', async ({ page, problems }) => {
    await openView(page, OVERVIEW);
    const { items: sites } = await apiGet<{ items: ApiSite[] }>(page, '/network/sites');
    const table = inViewTable(page);
    const first = table.getByRole('row').nth(1).getByRole('button');
    const name = (await first.textContent())!.trim();
    const site = sites.find((s) => s.name === name);
    expect(site, `"${name}" is a site`).toBeDefined();
    await expect(first).toHaveAttribute('aria-pressed', 'false');

    // From the keyboard: focus the row's button and press Enter.
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => routeParams(page.url()).get('sel')).toBe(`site:${site!.id}`);
    const row = table.getByRole('button', { name, exact: true });
    await expect(row).toHaveAttribute('aria-pressed', 'true');
    await expect(table.getByRole('button', { pressed: true })).toHaveCount(1);
    const details = detailsRegion(page, name);
    await expect(details).toBeVisible();
    await expect(definitionOf(details, 'Operator')).not.toBeEmpty();
    // Centred on it: the feature under the middle of the map is the one picked.
    await settledMapShot(page);
    await expect(await hoverMapCentre(page)).toHaveText(featureTooltip(name));

    await details.getByRole('button', { name: 'Close details' }).click();
    await expect(detailsRegion(page)).toHaveCount(0);
    await expect(row).toHaveAttribute('aria-pressed', 'false');
    expect(routeParams(page.url()).get('sel')).toBeNull();
    expectNoProblems(problems);
  });
});

/*
 * Picking a feature moves the camera, whose end writes `at=`, and writes `sel=`: two URL writes
 * before React re-renders must build on each other. With reduced motion the map jumps, so the
 * camera write comes first.
 */
test.describe('territory map, a pick and its camera move together', () => {
  test.use({ reducedMotion: 'reduce' });

  test('with reduced motion, picking a listed feature writes the new camera to the URL', async ({
    page,
    problems,
  }) => {
    await openView(page, OVERVIEW);
    const { items: sites } = await apiGet<{ items: ApiSite[] }>(page, '/network/sites');
    const first = inViewTable(page).getByRole('row').nth(1).getByRole('button');
    const name = (await first.textContent())!.trim();
    const site = sites.find((s) => s.name === name);
    expect(site, `"${name}" is a site`).toBeDefined();
    await first.click();
    // The map did centre on it…
    await expect(await hoverMapCentre(page)).toHaveText(featureTooltip(name));
    expect(routeParams(page.url()).get('sel')).toBe(`site:${site!.id}`);
    // …but the URL still holds the camera from before the pick.
    await expect
      .poll(() => cameraDistance(page.url(), site!.location), {
        message: 'the URL holds the camera',
        timeout: 5000,
      })
      .toBeLessThan(2e-4);
    expectNoProblems(problems);
  });
});

test.describe('territory map accessibility', () => {
  test('the Overview with the map, and with a selection open, has no WCAG 2.1 A/AA violations', async ({
    page,
    problems,
  }, testInfo) => {
    await openView(page, OVERVIEW);
    const found: Record<string, unknown> = {};
    found.dark = await axeViolations(page);

    const { items } = await apiGet<{ items: ApiSensor[] }>(page, '/sensors');
    const sensor = items.find((s) => s.kind === 'air')!;
    const search = mapRegion(page).getByRole('search');
    await search.getByRole('searchbox', { name: 'Find a place' }).fill(sensor.name);
    await expect(search.getByRole('button', { name: sensor.name, exact: true })).toBeVisible();
    found.darkSearching = await axeViolations(page);
    await search.getByRole('searchbox', { name: 'Find a place' }).clear();
    // Selected through the URL, as a link would (picking the result also flies the map there).
    await page.goto(`/#/overview?sel=sensor:${sensor.id}`);
    const details = detailsRegion(page, sensor.name);
    await expect(details.getByRole('figure')).toBeVisible();
    await expect(mapRegion(page).getByText(/Loading/)).toHaveCount(0);
    found.darkSelected = await axeViolations(page);

    await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(details.getByRole('figure')).toBeVisible();
    found.lightSelected = await axeViolations(page);
    await details.getByRole('button', { name: 'Close details' }).click();
    await expect(detailsRegion(page)).toHaveCount(0);
    found.light = await axeViolations(page);

    await testInfo.attach('axe-violations.json', {
      body: JSON.stringify(found, null, 2),
      contentType: 'application/json',
    });
    expect(found).toEqual({ dark: [], darkSearching: [], darkSelected: [], lightSelected: [], light: [] });
    expectNoProblems(problems);
  });
});
