import type { Page, TestInfo } from '@playwright/test';
import {
  VIEWS,
  expect,
  expectMapReady,
  expectNoProblems,
  expectViewLoaded,
  mapCanvas,
  mapRegion,
  screenshot,
  test,
  type PageProblems,
  axeViolations,
} from './fixtures';
import { PLAY_FRAME_MS } from '../src/components/map/map-time';
import { measureWithin, rgb, settledMapShot, type Picture, type Rect } from './map-pixels';

/**
 * The map in time: the slider (−24 h observed to +24 h predicted) redraws the sensors from the
 * readings as they stood or from the sensor forecasts, rings predicted markers and frames the
 * map, is operable from the keyboard, plays and pauses, and passes axe in forecast mode.
 */

const ENVIRONMENT = VIEWS.find((v) => v.path === 'environment')!;
/** The Environment view with the air stations alone, coloured by their EAQI band (worst pollutant). */
const AIR_ONLY = '/#/environment?layers=air&pollutant=all';
/**
 * 02:07:30 in Milan, off the 15-minute grid. At night every station reads Moderate, while six
 * hours on the model sees the morning rush make most of them Poor, a few Very poor: the
 * forecast's colours cannot be mistaken for the live ones.
 */
const NOW = new Date('2026-03-11T01:07:30Z');
/** The snapshot times the map asks for: now plus the offset, floored to 15 minutes. */
const FORECAST_AT = '2026-03-11T07:00:00.000Z';
const PAST_AT = '2026-03-10T23:00:00.000Z';

/** EAQI bands 1–6 and their colours (src/components/map/palettes.ts). */
const BANDS = ['Good', 'Fair', 'Moderate', 'Poor', 'Very poor', 'Extremely poor'];
const BAND_COLOURS = ['#fcfdbf', '#fdc38d', '#f8765c', '#d3436e', '#982d80', '#5f187f'].map(rgb);
/** Ring of a predicted marker and hatching of the forecast frame, dark theme (BASE_COLOURS). */
const FORECAST_RING = rgb('#d9a6ff');

/** Width of the forecast frame (0.6rem), with room for antialiasing. */
const FRAME_PX = 12;
/** Fewer pixels of a band colour than a quarter of one marker: nothing of that band is drawn. */
const ABSENT_PX = 30;
/** How far a band's share of the marker pixels may stray from its share of the stations (overlaps). */
const SHARE_TOLERANCE = 0.15;

const slider = (page: Page) => mapRegion(page).getByRole('slider', { name: 'Map time', exact: true });
const timeStatus = (page: Page) => mapRegion(page).locator('.map-timeline__status[role="status"]');
const stage = (page: Page) => mapRegion(page).locator('.territory-map__stage');
const playButton = (page: Page) => mapRegion(page).getByRole('button', { name: /^(Play|Pause)$/ });

/** The `?…` part of the hash route. */
const routeParams = (url: string) => new URLSearchParams(new URL(url).hash.split('?')[1] ?? '');
const timeParam = (page: Page) => routeParams(page.url()).get('time');

interface AirItem {
  kind: string;
  sensorId: string;
  airQualityIndex?: number;
  dateObserved?: string;
}

/** How many air stations are in each EAQI band (index 0 is band 1). */
function bandCounts(items: Iterable<AirItem>): number[] {
  const counts = BANDS.map(() => 0);
  for (const item of items) if (item.kind === 'air') counts[item.airQualityIndex! - 1]!++;
  return counts;
}

const share = (count: number, total: number) => (total ? count / total : 0);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * Where the marker colours drawn disagree with the stations' bands: a band drawn that no station
 * is in, a band of several stations not drawn, or a band's share of the marker pixels far from its
 * share of the stations (markers overlap and are antialiased, so shares, not counts, and a margin).
 * Empty when they agree.
 */
function colourMismatches(drawn: readonly number[], stations: readonly number[]): string[] {
  const drawnTotal = drawn.reduce((a, b) => a + b, 0);
  const stationTotal = stations.reduce((a, b) => a + b, 0);
  if (drawnTotal < 25 * stationTotal)
    return [`${drawnTotal} pixels of band colours for ${stationTotal} stations`];
  const mismatches: string[] = [];
  BANDS.forEach((band, b) => {
    const want = share(stations[b]!, stationTotal);
    const got = share(drawn[b]!, drawnTotal);
    if (stations[b] === 0 && drawn[b]! > ABSENT_PX)
      mismatches.push(`${band}: ${drawn[b]} pixels drawn, no station in the band`);
    if (want >= 0.03 && drawn[b]! <= ABSENT_PX)
      mismatches.push(`${band}: ${stations[b]} stations, not drawn`);
    if (Math.abs(want - got) > SHARE_TOLERANCE)
      mismatches.push(`${band}: ${percent(got)} of the marker pixels, ${percent(want)} of the stations`);
  });
  return mismatches;
}

/** The largest difference between two band distributions, in shares of the stations. */
function distributionGap(a: readonly number[], b: readonly number[]) {
  const total = (x: readonly number[]) => x.reduce((s, v) => s + v, 0);
  return Math.max(...a.map((_, i) => Math.abs(share(a[i]!, total(a)) - share(b[i]!, total(b)))));
}

/** Overlays on the map (the time badge, a tooltip), in the pixels of a canvas screenshot. */
async function overlaysOnMap(page: Page): Promise<Rect[]> {
  const canvas = (await mapCanvas(page).boundingBox())!;
  const rects: Rect[] = [];
  for (const overlay of await mapRegion(page).locator('.map-time-badge, [role="tooltip"]').all()) {
    const box = await overlay.boundingBox();
    if (box)
      rects.push({
        x: Math.floor(box.x - canvas.x) - 4,
        y: Math.floor(box.y - canvas.y) - 4,
        width: Math.ceil(box.width) + 8,
        height: Math.ceil(box.height) + 8,
      });
  }
  return rects;
}

interface MapColours {
  /** Pixels of each EAQI band colour (index 0 is band 1), on the map inside the frame. */
  bands: number[];
  /** Pixels of the forecast colour on the map inside the frame: the rings of predicted markers. */
  rings: number;
  /** Pixels of the forecast colour along the map's edges: the hatched frame. */
  frame: number;
}

/** The marker colours, the rings and the frame of a map screenshot, overlays left out. */
async function mapColours(page: Page, shot: Buffer): Promise<MapColours> {
  const inside: Picture = await measureWithin(page, shot, [...BAND_COLOURS, FORECAST_RING], {
    inset: FRAME_PX,
    exclude: await overlaysOnMap(page),
  });
  const { width, height } = inside;
  const edges = await measureWithin(page, shot, [FORECAST_RING], {
    exclude: [{ x: FRAME_PX, y: FRAME_PX, width: width - 2 * FRAME_PX, height: height - 2 * FRAME_PX }],
  });
  return { bands: inside.near.slice(0, BANDS.length), rings: inside.near.at(-1)!, frame: edges.near[0]! };
}

/**
 * The latest readings the app was sent (the first poll carries every sensor, later `?since=` polls
 * what changed), by sensor; the readings of a past time (`?at=`) are not live and kept apart.
 */
function recordLiveReadings(page: Page) {
  const latest = new Map<string, AirItem>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (!response.ok() || url.pathname !== '/api/v1/readings' || url.searchParams.has('at')) return;
    try {
      const body = (await response.json()) as { items: AirItem[] };
      for (const item of body.items) latest.set(item.sensorId, item);
    } catch {
      // The page went away before the body arrived.
    }
  });
  return latest;
}

const isRequestFor = (path: string, at: string) => (url: string) => {
  const parsed = new URL(url);
  return parsed.pathname === `/api/v1${path}` && parsed.searchParams.get('at') === at;
};

/** A request for a time the slider has already moved on from, cancelled by the app. */
const CANCELLED_SNAPSHOT = /^GET \S+\/api\/v1\/(forecasts\/sensors|readings)\?at=\S+: net::ERR_ABORTED$/;

/**
 * Expects no problem in the page but requests for the times a quick move passed through: moving on
 * cancels them (the time finally shown is checked to load).
 */
function expectNoProblemsButPassedTimes(problems: PageProblems) {
  expectNoProblems({
    ...problems,
    failedRequests: problems.failedRequests.filter((request) => !CANCELLED_SNAPSHOT.test(request)),
  });
}

/** Opens the view and waits for the map, live. */
async function openLive(page: Page, path = AIR_ONLY) {
  await page.goto(path);
  await expectViewLoaded(page, ENVIRONMENT);
  await expect(timeStatus(page)).toHaveText('Live latest readings');
  await expect(slider(page)).toHaveAttribute('aria-valuetext', 'now, live');
}

/** Presses a key on the focused element `times` times, as fast as the keyboard sends them. */
async function press(page: Page, key: string, times = 1) {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

test.describe('territory map in time', () => {
  // A fixed clock makes the snapshot times, and the simulated territory's values, known.
  test.beforeEach(({ page }) => page.clock.setFixedTime(NOW));

  test('moved to +6 h it draws the forecast’s colours, ringed and framed; back to live it draws the readings again', async ({
    page,
    problems,
  }, testInfo) => {
    const live = recordLiveReadings(page);
    await openLive(page);
    await expect.poll(() => live.size, { message: 'the readings were recorded' }).toBeGreaterThan(0);
    const liveShot = await settledMapShot(page);
    const liveBands = bandCounts(live.values());
    const before = await mapColours(page, liveShot);

    await slider(page).focus();
    const answer = page.waitForResponse((r) => isRequestFor('/forecasts/sensors', FORECAST_AT)(r.url()));
    await press(page, 'PageUp', 6);
    const forecast = (await (await answer).json()) as { validAt: string; items: AirItem[] };
    expect(forecast.validAt).toBe(FORECAST_AT);
    const forecastBands = bandCounts(forecast.items);
    const stations = forecastBands.reduce((a, b) => a + b, 0);
    expect(stations, 'a prediction for every air station').toBe(liveBands.reduce((a, b) => a + b, 0));
    // The hour was chosen for this: were the colours to stay live, the check below would see it.
    expect(
      distributionGap(liveBands, forecastBands),
      'the forecast differs from the live readings',
    ).toBeGreaterThan(0.5);

    await expect.poll(() => timeParam(page)).toBe('360');
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '+6 h, forecast');
    await expect(timeStatus(page)).toHaveText(/^Forecast for .+ \(\+6 h\)$/);
    await expect(stage(page)).toHaveClass(/territory-map__stage--forecast/);
    const forecastShot = await settledMapShot(page);
    const during = await mapColours(page, forecastShot);
    await testInfo.attach('map-forecast-6h.png', { body: forecastShot, contentType: 'image/png' });

    await mapRegion(page).getByRole('button', { name: 'Back to live', exact: true }).click();
    await expect.poll(() => timeParam(page)).toBeNull();
    await expect(timeStatus(page)).toHaveText('Live latest readings');
    await expect(slider(page)).toHaveAttribute('aria-valuetext', 'now, live');
    await expect(stage(page)).not.toHaveClass(/territory-map__stage--forecast/);
    const after = await mapColours(page, await settledMapShot(page));
    const liveBandsAfter = bandCounts(live.values());

    await testInfo.attach('map-colours.json', {
      body: JSON.stringify({ liveBands, forecastBands, liveBandsAfter, before, during, after }, null, 2),
      contentType: 'application/json',
    });
    // Live: the readings' colours, white rings, no frame.
    expect(colourMismatches(before.bands, liveBands), 'live map against the readings').toEqual([]);
    expect(before.rings, 'no forecast rings live').toBeLessThan(ABSENT_PX);
    expect(before.frame, 'no forecast frame live').toBeLessThan(ABSENT_PX);
    // +6 h: the forecast's colours, each marker ringed, the map framed.
    expect(colourMismatches(during.bands, forecastBands), 'forecast map against the forecast').toEqual([]);
    expect(during.rings, 'forecast rings around the markers').toBeGreaterThan(20 * stations);
    expect(during.frame, 'hatched forecast frame').toBeGreaterThan(2000);
    // The check can fail: the live picture does not pass for the forecast, nor the forecast for live.
    expect(
      colourMismatches(before.bands, forecastBands),
      'control: live map against the forecast',
    ).not.toEqual([]);
    expect(
      colourMismatches(during.bands, liveBands),
      'control: forecast map against the readings',
    ).not.toEqual([]);
    // Back to live: the readings' colours again, rings and frame gone.
    expect(colourMismatches(after.bands, liveBandsAfter), 'live again against the readings').toEqual([]);
    expect(after.rings, 'no forecast rings back live').toBeLessThan(ABSENT_PX);
    expect(after.frame, 'no forecast frame back live').toBeLessThan(ABSENT_PX);
    expectNoProblemsButPassedTimes(problems);
  });

  test('the slider works from the keyboard; in the past it asks for the readings as they stood then', async ({
    page,
    problems,
  }) => {
    await openLive(page);
    await slider(page).focus();

    // Arrows move 15 minutes, each press counted however fast they come.
    await press(page, 'ArrowRight', 3);
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '+45 min, forecast');
    await expect.poll(() => timeParam(page)).toBe('45');
    await press(page, 'ArrowLeft', 4);
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '−15 min, observed');
    await expect.poll(() => timeParam(page)).toBe('-15');

    // Page Down moves an hour: −2 h 15 min, then +1 with the arrow to −2 h.
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/v1/readings' && url.searchParams.has('at'))
        asked.push(url.searchParams.get('at')!);
    });
    const past = page.waitForResponse((r) => isRequestFor('/readings', PAST_AT)(r.url()));
    await press(page, 'PageDown', 2);
    await press(page, 'ArrowRight');
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '−2 h, observed');
    await expect.poll(() => timeParam(page)).toBe('-120');
    const response = await past;
    expect(response.ok()).toBe(true);
    expect(((await response.json()) as { generatedAt: string }).generatedAt).toBe(PAST_AT);
    await expect(timeStatus(page)).toHaveText(/^Observed at .+ \(−2 h\)$/);
    await expect(stage(page)).toHaveClass(/territory-map__stage--past/);
    expect(asked, 'every past time asked for is on the 15-minute grid').not.toEqual([]);
    for (const at of asked) expect(Date.parse(at) % (15 * 60_000), at).toBe(0);

    // Home and End go to the ends of the range.
    await press(page, 'Home');
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '−24 h, observed');
    await expect.poll(() => timeParam(page)).toBe('-1440');
    await press(page, 'End');
    await expect(slider(page)).toHaveAttribute('aria-valuetext', '+24 h, forecast');
    await expect.poll(() => timeParam(page)).toBe('1440');
    await expect(timeStatus(page)).toHaveText(/^Forecast for .+ \(\+24 h\)$/);

    // Back to live from the keyboard.
    await press(page, 'Tab');
    await expect(mapRegion(page).getByRole('button', { name: 'Back to live', exact: true })).toBeFocused();
    await press(page, 'Enter');
    await expect.poll(() => timeParam(page)).toBeNull();
    await expect(timeStatus(page)).toHaveText('Live latest readings');
    expectNoProblemsButPassedTimes(problems);
  });

  test('in forecast mode the map and its view have no WCAG 2.1 A/AA violations', async ({
    page,
    problems,
  }, testInfo) => {
    await page.goto('/#/environment?time=360');
    await expectViewLoaded(page, ENVIRONMENT);
    await expect(timeStatus(page)).toHaveText(/^Forecast for .+ \(\+6 h\)$/);
    const found: Record<string, unknown> = { dark: await axeViolations(page) };
    await page.getByRole('button', { name: 'Light theme' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(timeStatus(page)).toHaveText(/^Forecast for .+ \(\+6 h\)$/);
    // In light, the map alone: the rest of the view does not change with the map's time.
    found.light = await axeViolations(page, ['section.territory-map']);
    await testInfo.attach('axe-violations.json', {
      body: JSON.stringify(found, null, 2),
      contentType: 'application/json',
    });
    expect(found).toEqual({ dark: [], light: [] });
    expectNoProblemsButPassedTimes(problems);
  });
});

test.describe('territory map in time, played', () => {
  // Play's frames are skipped through on the page's clock; the snapshots' answers and MapLibre's
  // drawing take real time, during which the clock runs on.
  test('Play moves the map on an hour every 1.5 s, Pause stops it', async ({ page, problems }) => {
    await page.clock.install({ time: NOW });
    await openLive(page);
    const play = playButton(page);
    await expect(play).toHaveText('Play');
    await play.click();
    await expect(play).toHaveText('Pause');
    await page.clock.fastForward(PLAY_FRAME_MS);
    await expect.poll(() => timeParam(page), { timeout: 5_000 }).toBe('60');
    await expect(timeStatus(page)).toHaveText(/^Forecast for .+ \(\+1 h\)$/);
    await page.clock.fastForward(PLAY_FRAME_MS);
    await expect.poll(() => timeParam(page), { timeout: 5_000 }).toBe('120');

    await play.click();
    await expect(play).toHaveText('Play');
    const paused = timeParam(page);
    await page.clock.fastForward(3 * PLAY_FRAME_MS);
    expect(timeParam(page)).toBe(paused);
    await expect(slider(page)).toHaveAttribute('aria-valuetext', `+${Number(paused) / 60} h, forecast`);
    expectNoProblemsButPassedTimes(problems);
  });
});

test.describe('territory map in time, drawn', () => {
  test.beforeEach(({ page }) => page.clock.setFixedTime(NOW));

  test('the forecast map (screenshot)', async ({ page, problems }, testInfo) => {
    await page.goto('/#/environment?time=360');
    await expectViewLoaded(page, ENVIRONMENT);
    await expectMapReady(page);
    await expect(timeStatus(page)).toHaveText(/^Forecast for .+ \(\+6 h\)$/);
    const colours = await mapColours(page, await settledMapShot(page));
    expect(colours.rings, 'forecast rings around the markers').toBeGreaterThan(1000);
    expect(colours.frame, 'hatched forecast frame').toBeGreaterThan(2000);
    await attachShots(page, testInfo, 'map-forecast-1920x1080');
    expectNoProblemsButPassedTimes(problems);
  });
});

/** The whole page and the map region, attached to the report. */
async function attachShots(page: Page, testInfo: TestInfo, name: string) {
  await screenshot(page, testInfo, `${name}.png`);
  const path = testInfo.outputPath(`${name}-region.png`);
  await mapRegion(page).screenshot({ path, animations: 'disabled' });
  await testInfo.attach(`${name}-region.png`, { path, contentType: 'image/png' });
}
