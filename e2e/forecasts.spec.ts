import { readFile } from 'node:fs/promises';
import type { Locator, Page, Request, Response, TestInfo } from '@playwright/test';
import { FORECAST_COLOURS } from '../src/components/forecast/forecast-colours';
import { POLLUTANT_LABELS } from '../src/lib/eaqi';
import { readCsv } from '../src/test/read-csv';
import {
  VIEWS,
  expect,
  expectMapReady,
  expectNoProblems,
  panels,
  screenshot,
  test,
  type View,
  axeViolations,
} from './fixtures';
import { difference, measure, rgb, settledMapShot, type Rgb } from './map-pixels';

/**
 * The forecast charts of Mobility and Environment (ECharts on canvas): that each one draws, that
 * its CSV holds exactly what the API sent for it, that the horizon, station and pollutant choices
 * fetch and show the right forecast, that the forecast panels pass axe with their data tables open
 * in both themes, and screenshots at full HD and 4K.
 */

const viewNamed = (path: View['path']) => VIEWS.find((v) => v.path === path)!;
const MOBILITY = viewNamed('mobility');
const ENVIRONMENT = viewNamed('environment');

/** The territory's own clock, so times in the summaries can be checked against the API's. */
const TIME_ZONE = 'Europe/Rome';
test.use({ timezoneId: TIME_ZONE });

const TRAFFIC_URL = /\/api\/v1\/forecasts\/traffic(\?|$)/;
const TRAFFIC_PLACE_URL = /\/api\/v1\/forecasts\/traffic\/place(\?|$)/;
const AIR_URL = /\/api\/v1\/forecasts\/air(\?|$)/;
const TERRITORY_URL = /\/api\/v1\/territory(\?|$)/;

interface ApiStep {
  t: string;
  p10: number;
  p50: number;
  p90: number;
}
interface ApiHindcast {
  t: string;
  horizonMinutes: number;
  predicted: number;
  observed: number;
}
interface ApiForecast {
  unit: string;
  stepMinutes: number;
  steps: ApiStep[];
  observed: { t: string; value: number }[];
  hindcast: ApiHindcast[];
}
interface ApiTrafficForecast extends ApiForecast {
  corridorId: string;
  freeFlowKmh: number;
}
interface ApiAirForecast extends ApiForecast {
  stationId: string;
  pollutant: keyof typeof POLLUTANT_LABELS;
}
interface ApiPlaceForecast extends ApiForecast {
  place: { kind: 'municipality' | 'sensor'; id: string };
  freeFlowKmh: number;
}
type ApiSpeedForecast = ApiTrafficForecast | ApiPlaceForecast;
interface ApiTerritory {
  corridors: { id: string; name: string }[];
}

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const timeOf = (iso: string) => clock.format(Date.parse(iso));
const horizonLabel = (minutes: number) => (minutes < 60 ? `${minutes} min` : `${minutes / 60} h`);

/** The `?…` part of the hash route. */
const routeParams = (url: string) => new URLSearchParams(new URL(url).hash.split('?')[1] ?? '');
/** A request's query, as an object. */
const queryOf = (url: string) => Object.fromEntries(new URL(url).searchParams);

/** Waits for the page's next successful GET of an API URL whose query is exactly `query`. */
const apiResponse = (page: Page, url: RegExp, query: Record<string, string> = {}) =>
  page.waitForResponse(
    (r) =>
      url.test(r.url()) &&
      r.request().method() === 'GET' &&
      r.ok() &&
      JSON.stringify(queryOf(r.url())) === JSON.stringify(query),
  );

/** Every request the page makes for a chart's forecast, as its endpoint and its query, in order. */
function recordForecastRequests(page: Page) {
  const requests: { endpoint: string; query: Record<string, string> }[] = [];
  page.on('request', (r: Request) => {
    const endpoint = [TRAFFIC_URL, TRAFFIC_PLACE_URL, AIR_URL].find((url) => url.test(r.url()));
    if (endpoint) requests.push({ endpoint: new URL(r.url()).pathname, query: queryOf(r.url()) });
  });
  return requests;
}
const TRAFFIC = '/api/v1/forecasts/traffic';
const TRAFFIC_PLACE = '/api/v1/forecasts/traffic/place';
const AIR = '/api/v1/forecasts/air';

const json = async <T>(response: Promise<Response>) => (await (await response).json()) as T;

// Locators --------------------------------------------------------------------------------------

const trafficPanel = (page: Page) =>
  page.getByRole('main').getByRole('region', { name: /^Traffic forecast, next \d+ h$/ });
const rankingPanel = (page: Page) =>
  page.getByRole('main').getByRole('region', { name: /^Corridors by predicted congestion, next \d+ h$/ });
const outlookPanel = (page: Page) => page.getByRole('main').getByRole('region', { name: /^Outlook: / });
const accuracyPanel = (page: Page) =>
  page.getByRole('main').getByRole('region', { name: /^Forecast accuracy, / });
/** The view's two forecast charts' panels: the forecast itself and its accuracy. */
const chartPanels = (page: Page, view: View) => [
  view === MOBILITY ? trafficPanel(page) : outlookPanel(page),
  accuracyPanel(page),
];
/** A chart with its text alternatives (ChartFigure): the only figure in its panel. */
const figureIn = (panel: Locator) => panel.getByRole('figure');
/** The chart itself: the ECharts container, an image named by its title and summary. */
const chartIn = (figure: Locator) => figure.getByRole('img');

// Pixels ----------------------------------------------------------------------------------------

type Theme = keyof typeof FORECAST_COLOURS;
type ChartKind = 'forecast' | 'hindcast';
/** ECharts draws scatter points at 80 % opacity (its default), so they show blended. */
const SCATTER_OPACITY = 0.8;

/** `front` drawn at `alpha` over `back`. */
const blend = (front: Rgb, back: Rgb, alpha: number): Rgb =>
  [0, 1, 2].map((i) => Math.round(front[i]! * alpha + back[i]! * (1 - alpha))) as unknown as Rgb;

/** The colour behind an element: the first opaque background among it and its ancestors. */
const backgroundOf = (element: Locator) =>
  element.evaluate((start) => {
    for (let e: Element | null = start; e; e = e.parentElement) {
      const [r, g, b, a = 1] = (getComputedStyle(e).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
      if (a > 0 && r !== undefined) return [r, g!, b!] as const;
    }
    return [255, 255, 255] as const;
  });

/**
 * The colours a chart's data is drawn in (FORECAST_COLOURS), which the pixel checks look for: the
 * observed and median lines of a forecast chart; the points and the line of perfect prediction of
 * the predicted-against-observed chart.
 */
async function dataColours(chart: Locator, kind: ChartKind, theme: Theme): Promise<Record<string, Rgb>> {
  const colours = FORECAST_COLOURS[theme];
  if (kind === 'forecast') return { observed: rgb(colours.observed), median: rgb(colours.median) };
  const background = await backgroundOf(chart);
  return {
    points: blend(rgb(colours.median), background, SCATTER_OPACITY),
    diagonal: rgb(colours.threshold),
  };
}

/**
 * Expects the chart's canvas to fill its box at the screen's resolution and to show its data's
 * colours over enough pixels (a blank or unsized canvas shows one or two colours and none of the
 * data's). Returns its screenshot.
 */
async function expectChartDrawn(page: Page, chart: Locator, kind: ChartKind, theme: Theme = 'dark') {
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas').first()).toBeVisible();
  const colours = await dataColours(chart, kind, theme);
  const names = Object.keys(colours);
  let shot: Buffer | undefined;
  // ECharts resizes and draws on an animation frame after a change.
  await expect(async () => {
    // A 4K screen draws the chart at its logical size and scales it up (see EChart): what must
    // hold is the box the canvas covers on screen and its pixels against that box.
    const size = await chart.evaluate((box) => {
      const c = box.querySelector('canvas')!;
      const covered = c.getBoundingClientRect();
      return {
        box: [box.clientWidth, box.clientHeight],
        covered: [Math.round(covered.width), Math.round(covered.height)],
        pixels: [c.width, c.height],
        dpr: window.devicePixelRatio,
      };
    });
    expect(size.box[0], 'the chart has a width').toBeGreaterThan(200);
    expect(size.box[1], 'the chart has a height').toBeGreaterThan(150);
    for (const i of [0, 1]) {
      expect(Math.abs(size.covered[i]! - size.box[i]!), 'the canvas fills the chart').toBeLessThanOrEqual(1);
      // Drawn at the logical size, a dimension may round by a pixel before it is scaled up.
      expect(
        Math.abs(size.pixels[i]! - size.box[i]! * size.dpr),
        'the canvas is drawn at the screen resolution',
      ).toBeLessThanOrEqual(2);
    }
    shot = await chart.screenshot({ animations: 'disabled' });
    const picture = await measure(page, shot, Object.values(colours));
    expect(picture.colours, 'distinct colours in the chart').toBeGreaterThan(12);
    const found = Object.fromEntries(names.map((name, i) => [name, picture.near[i]! >= 40]));
    expect(found, `pixels of each data colour (${kind}, ${theme})`).toEqual(
      Object.fromEntries(names.map((n) => [n, true])),
    );
  }).toPass({ timeout: 10_000 });
  return shot!;
}

// CSV -------------------------------------------------------------------------------------------

interface Csv {
  fileName: string;
  header: string[];
  rows: string[][];
}

/** Clicks the figure's "Download CSV" and reads the file the browser saves. */
async function downloadCsv(page: Page, figure: Locator): Promise<Csv> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: 'Download CSV', exact: true }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  expect(text, 'records end with CRLF').toMatch(/\r\n$/);
  const [header, ...rows] = readCsv(text);
  for (const row of rows) expect(row, 'every record has every column').toHaveLength(header!.length);
  return { fileName: download.suggestedFilename(), header: header!, rows };
}

/** A CSV number cell: a number, or null when empty. */
const cellValue = (cell: string) => (cell === '' ? null : Number(cell));
/** A CSV time cell, as a canonical ISO date-time (and checked to be one). */
function cellTime(cell: string) {
  expect(cell, 'an ISO 8601 date-time').toMatch(
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/,
  );
  return new Date(Date.parse(cell)).toISOString();
}
const isoOf = (t: string) => new Date(Date.parse(t)).toISOString();

/**
 * Expects a forecast chart's CSV to hold one record per time, in order: every observed value and
 * the p10/median/p90 of every plotted step, and nothing else.
 */
function expectForecastCsv(csv: Csv, forecast: ApiForecast, steps: readonly ApiStep[]) {
  const unit = forecast.unit;
  expect(csv.header).toEqual([
    'Time',
    `Observed (${unit})`,
    `p10 (${unit})`,
    `Median (${unit})`,
    `p90 (${unit})`,
  ]);
  type Row = [string, number | null, number | null, number | null, number | null];
  const expected = new Map<string, Row>();
  for (const o of forecast.observed) expected.set(isoOf(o.t), [isoOf(o.t), o.value, null, null, null]);
  for (const s of steps) {
    const row: Row = expected.get(isoOf(s.t)) ?? [isoOf(s.t), null, null, null, null];
    expected.set(isoOf(s.t), [row[0], row[1], s.p10, s.p50, s.p90]);
  }
  const want = [...expected.values()].sort((a, b) => a[0].localeCompare(b[0]));
  const got = csv.rows.map((r) => [cellTime(r[0]!), ...r.slice(1).map(cellValue)]);
  expect(got, 'the CSV holds the observed values and the plotted steps').toEqual(want);
}

/** Expects the accuracy chart's CSV to hold every past forecast beside what was then observed. */
function expectHindcastCsv(csv: Csv, forecast: ApiForecast) {
  const unit = forecast.unit;
  expect(csv.header).toEqual(['Time', `Predicted (${unit})`, `Observed (${unit})`]);
  const got = csv.rows.map((r) => [cellTime(r[0]!), cellValue(r[1]!), cellValue(r[2]!)]);
  expect(got, 'the CSV holds every predicted and observed pair').toEqual(
    forecast.hindcast.map((h) => [isoOf(h.t), h.predicted, h.observed]),
  );
}

// What the summaries must say -------------------------------------------------------------------

/** The steps of a traffic forecast within `hours` of its issue (what the chart plots). */
const trafficSteps = (f: ApiSpeedForecast, hours: number) =>
  f.steps.slice(0, Math.round((hours * 60) / f.stepMinutes));

/** Expects the traffic chart's summary (caption and image name) to tell this forecast's values. */
async function expectTrafficSummary(figure: Locator, name: string, f: ApiSpeedForecast, hours: number) {
  const steps = trafficSteps(f, hours);
  const latest = f.observed.at(-1)!;
  const inAnHour = steps[Math.min(steps.length, Math.round(60 / f.stepMinutes)) - 1]!;
  const slowest = steps.reduce((w, s) => (s.p50 < w.p50 ? s : w), steps[0]!);
  const summary =
    `${name}: observed ${whole.format(latest.value)} km/h at ${timeOf(latest.t)}; ` +
    `predicted ${whole.format(inAnHour.p50)} km/h at ${timeOf(inAnHour.t)} ` +
    `(likely ${whole.format(inAnHour.p10)}–${whole.format(inAnHour.p90)}); ` +
    `slowest in the next ${hours} h: ${whole.format(slowest.p50)} km/h at ${timeOf(slowest.t)}, ` +
    `${percent.format(slowest.p50 / f.freeFlowKmh)} of free flow.`;
  await expect(figure).toHaveAccessibleName(summary);
  await expect(chartIn(figure)).toHaveAccessibleName(`Traffic speed forecast, ${name}. ${summary}`);
}

/** Expects the air chart's summary to describe this forecast and its peak over the next day. */
async function expectAirSummary(panel: Locator, place: string, f: ApiAirForecast) {
  const label = POLLUTANT_LABELS[f.pollutant];
  const figure = figureIn(panel);
  // The steps start at the next hour: the first 24 are the next day's.
  const peak = f.steps.slice(0, 24).reduce((best, s) => (s.p50 > best.p50 ? s : best));
  await expect(figure).toHaveAccessibleName(
    new RegExp(
      `^${literal(
        `Hourly ${label} in ${place}: the last ${f.observed.length} hours observed and the next ` +
          `${f.steps.length} hours forecast (median and p10–p90), over the EAQI bands. ` +
          `${label} in ${place} is expected to peak at ${whole.format(peak.p50)} ${f.unit} (`,
      )}[a-z ]+\\) (today|tomorrow) at ${timeOf(peak.t)}[,.]`,
    ),
  );
  await expect(chartIn(figure)).toHaveAccessibleName(
    new RegExp(`^${literal(`${label} forecast, ${place}. `)}`),
  );
  await expect(panel.getByRole('status')).toHaveText(
    new RegExp(`^${literal(`${label} in ${place} is expected`)}`),
  );
  const p90 = Math.max(...f.steps.map((s) => s.p90));
  await expect(panel).toContainText(`Peak of the p90 in the next 72 h: ${oneDecimal.format(p90)} ${f.unit}.`);
}

/** Expects the accuracy chart's summary to count this forecast's hindcasts for `subject`. */
async function expectHindcastSummary(figure: Locator, subject: string, f: ApiForecast) {
  const ahead = horizonLabel(f.hindcast[0]!.horizonMinutes);
  const summary = `${f.hindcast.length} forecasts made ${ahead} ahead for ${subject}, plotted against what was then observed; points on the dashed line were exact.`;
  await expect(figure).toHaveAccessibleName(summary);
  await expect(chartIn(figure)).toHaveAccessibleName(
    `Predicted against observed, ${ahead} ahead. ${summary}`,
  );
}

/** Text to match literally in a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fileSlug = (text: string) => text.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

// Opening the views -----------------------------------------------------------------------------

/**
 * Waits until the view's heading shows, every panel has data ("Updated …"), the map beside them
 * is ready and nothing in the main area still says it is loading.
 */
async function expectLoaded(page: Page, view: View) {
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: view.heading, exact: true })).toBeVisible();
  for (const panel of chartPanels(page, view)) await expect(panel).toContainText(/Updated \d/);
  for (const panel of await panels(page).all()) await expect(panel).toContainText(/Updated \d/);
  await expectMapReady(page);
  await expect(main.getByText(/Loading/)).toHaveCount(0);
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** Opens a view from the navigation (the shell and its map stay). */
async function navigateTo(page: Page, view: View) {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: view.heading, exact: true })
    .click();
  await expectLoaded(page, view);
}

/** Opens Mobility with its forecasts and the territory (for corridor names) as the page received them. */
async function openMobility(page: Page) {
  const forecasts = json<{ items: ApiTrafficForecast[] }>(apiResponse(page, TRAFFIC_URL));
  const territory = json<ApiTerritory>(apiResponse(page, TERRITORY_URL));
  await page.goto('/#/mobility');
  await expectLoaded(page, MOBILITY);
  const { items } = await forecasts;
  const { corridors } = await territory;
  const corridorName = (id: string) => corridors.find((c) => c.id === id)!.name;
  return { items, corridorName };
}

/** Opens Environment with the metropolitan PM10 forecast as the page received it. */
async function openEnvironment(page: Page) {
  const forecast = json<{ items: ApiAirForecast[] }>(apiResponse(page, AIR_URL, { pollutant: 'pm10' }));
  await page.goto('/#/environment');
  await expectLoaded(page, ENVIRONMENT);
  return (await forecast).items[0]!;
}

/** Switches the theme from the header's toggle, if it is not on already. */
async function setTheme(page: Page, theme: Theme) {
  const html = page.locator('html');
  if ((await html.getAttribute('data-theme')) !== theme) {
    await page.getByRole('button', { name: theme === 'light' ? 'Light theme' : 'Dark theme' }).click();
  }
  await expect(html).toHaveAttribute('data-theme', theme);
}

// Tests -----------------------------------------------------------------------------------------

test.describe('mobility forecasts', () => {
  test('the traffic and accuracy charts draw, and their CSVs hold what the API sent (screenshot)', async ({
    page,
    problems,
  }, testInfo) => {
    const requests = recordForecastRequests(page);
    const { items, corridorName } = await openMobility(page);
    // One request for every corridor: the ranking needs them all.
    expect(requests).toEqual([{ endpoint: TRAFFIC, query: {} }]);
    expect(items.length).toBeGreaterThan(1);
    // With no corridor chosen, the first one published is shown.
    const shown = items[0]!;
    const name = corridorName(shown.corridorId);
    await expect(trafficPanel(page).getByRole('combobox', { name: 'Forecast for' })).toHaveValue(
      `corridor:${shown.corridorId}`,
    );

    const traffic = figureIn(trafficPanel(page));
    await expectChartDrawn(page, chartIn(traffic), 'forecast');
    await expectTrafficSummary(traffic, name, shown, 6);
    const csv = await downloadCsv(page, traffic);
    expect(csv.fileName).toBe(`traffic-forecast-${shown.corridorId}.csv`);
    expectForecastCsv(csv, shown, trafficSteps(shown, 6));

    const accuracy = figureIn(accuracyPanel(page));
    await expectChartDrawn(page, chartIn(accuracy), 'hindcast');
    await expectHindcastSummary(accuracy, name, shown);
    const hindcast = await downloadCsv(page, accuracy);
    expect(hindcast.fileName).toBe(`hindcast-${fileSlug(name)}.csv`);
    expectHindcastCsv(hindcast, shown);

    await attachShots(page, testInfo, 'forecasts-mobility-1920x1080', chartPanels(page, MOBILITY));
    expectNoProblems(problems);
  });

  test('the horizon, a corridor, a link and a municipality change what the chart, summary and CSV show', async ({
    page,
    problems,
  }) => {
    const requests = recordForecastRequests(page);
    const { items, corridorName } = await openMobility(page);
    const panel = trafficPanel(page);
    const figure = figureIn(panel);
    const accuracy = figureIn(accuracyPanel(page));
    const choice = panel.getByRole('combobox', { name: 'Forecast for' });
    const horizons = panel.getByRole('group', { name: 'Forecast horizon' });
    await expect(horizons.getByRole('button', { pressed: true })).toHaveText('6 h');
    let shot = await expectChartDrawn(page, chartIn(figure), 'forecast');
    let shown: ApiSpeedForecast = items[0]!;
    let name = corridorName(items[0]!.corridorId);

    /** Expects the chart, its summary and its CSV to show `shown` over `hours`, redrawn. */
    const expectShown = async (hours: number, what: string) => {
      await expectTrafficSummary(figure, name, shown, hours);
      const next = await expectChartDrawn(page, chartIn(figure), 'forecast');
      expect(await difference(page, shot, next), `the chart redraws for ${what}`).toBeGreaterThan(0.005);
      shot = next;
      expectForecastCsv(await downloadCsv(page, figure), shown, trafficSteps(shown, hours));
    };

    for (const hours of [1, 24, 6]) {
      await horizons.getByRole('button', { name: `${hours} h`, exact: true }).click();
      await expect.poll(() => routeParams(page.url()).get('h')).toBe(String(hours));
      await expect(panel).toHaveAccessibleName(`Traffic forecast, next ${hours} h`);
      await expect(horizons.getByRole('button', { pressed: true })).toHaveText(`${hours} h`);
      await expect(rankingPanel(page)).toHaveAccessibleName(
        `Corridors by predicted congestion, next ${hours} h`,
      );
      await expect(rankingPanel(page).getByRole('list')).toHaveAccessibleName(
        `Corridors by predicted congestion in the next ${hours} h`,
      );
      await expectShown(hours, `${hours} h`);
    }

    // Choosing a corridor in the ranking shows its forecast, from the same response.
    const ranked = rankingPanel(page).getByRole('list').getByRole('button', { pressed: false }).first();
    name = (await ranked.textContent())!.trim();
    await ranked.click();
    await expect.poll(() => routeParams(page.url()).get('sel')).toMatch(/^corridor:/);
    const corridorId = routeParams(page.url()).get('sel')!.slice('corridor:'.length);
    expect(corridorName(corridorId)).toBe(name);
    shown = items.find((f) => f.corridorId === corridorId)!;
    await expect(rankingPanel(page).getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(choice).toHaveValue(`corridor:${corridorId}`);
    await expectShown(6, name);
    expect((await downloadCsv(page, figure)).fileName).toBe(`traffic-forecast-${corridorId}.csv`);
    // The accuracy panel follows the corridor.
    await expectHindcastSummary(accuracy, name, shown);
    expectHindcastCsv(await downloadCsv(page, accuracy), shown);

    // A link to another corridor and horizon opens on them.
    shown = items.find((f) => f.corridorId !== corridorId && f !== items[0])!;
    name = corridorName(shown.corridorId);
    await page.goto(`/#/mobility?sel=corridor:${shown.corridorId}&h=24`);
    await expect(panel).toHaveAccessibleName('Traffic forecast, next 24 h');
    await expect(horizons.getByRole('button', { pressed: true })).toHaveText('24 h');
    await expect(choice).toHaveValue(`corridor:${shown.corridorId}`);
    await expectShown(24, 'a link');
    // Corridors and horizons only pick from the forecasts already fetched.
    expect(requests).toEqual([{ endpoint: TRAFFIC, query: {} }]);

    // A municipality's forecast is fetched for it.
    // Options in groups: the municipalities' are told by their value.
    const municipality = choice.locator('option[value^="municipality:"]').nth(2);
    const place = {
      value: (await municipality.getAttribute('value'))!,
      name: (await municipality.textContent())!.trim(),
    };
    expect(place.value).toMatch(/^municipality:/);
    const municipalityId = place.value.slice('municipality:'.length);
    const response = json<ApiPlaceForecast>(
      apiResponse(page, TRAFFIC_PLACE_URL, { municipalityId: municipalityId }),
    );
    await choice.selectOption(place.value);
    shown = await response;
    expect(shown.place).toEqual({ kind: 'municipality', id: municipalityId });
    expect(requests.at(-1)).toEqual({ endpoint: TRAFFIC_PLACE, query: { municipalityId } });
    await expect.poll(() => routeParams(page.url()).get('sel')).toBe(place.value);
    await expect(choice).toHaveValue(place.value);
    name = `${place.name} (all traffic sensors)`;
    await expectShown(24, place.name);
    expect((await downloadCsv(page, figure)).fileName).toBe(
      `traffic-forecast-municipality-${municipalityId}.csv`,
    );
    await expectChartDrawn(page, chartIn(accuracy), 'hindcast');
    await expectHindcastSummary(accuracy, name, shown);
    const hindcast = await downloadCsv(page, accuracy);
    expect(hindcast.fileName).toBe(`hindcast-${fileSlug(name)}.csv`);
    expectHindcastCsv(hindcast, shown);
    // The horizon cuts the municipality's forecast too, without fetching it again.
    await horizons.getByRole('button', { name: '1 h', exact: true }).click();
    await expect(panel).toHaveAccessibleName('Traffic forecast, next 1 h');
    await expectShown(1, `${place.name}, 1 h`);

    expect(requests).toEqual([
      { endpoint: TRAFFIC, query: {} },
      { endpoint: TRAFFIC_PLACE, query: { municipalityId } },
    ]);
    expectNoProblems(problems);
  });
});

test.describe('environment forecasts', () => {
  test('the air-quality and accuracy charts draw, and their CSVs hold what the API sent (screenshot)', async ({
    page,
    problems,
  }, testInfo) => {
    const requests = recordForecastRequests(page);
    const forecast = await openEnvironment(page);
    expect(requests).toEqual([{ endpoint: AIR, query: { pollutant: 'pm10' } }]);
    expect(forecast).toMatchObject({ stationId: 'metro', pollutant: 'pm10' });

    const panel = outlookPanel(page);
    await expect(panel).toHaveAccessibleName('Outlook: PM10, metropolitan mean');
    const outlook = figureIn(panel);
    await expectChartDrawn(page, chartIn(outlook), 'forecast');
    await expectAirSummary(panel, 'the metropolitan area', forecast);
    const csv = await downloadCsv(page, outlook);
    expect(csv.fileName).toBe('air-forecast-metro-pm10.csv');
    expectForecastCsv(csv, forecast, forecast.steps);

    const accuracy = figureIn(accuracyPanel(page));
    await expect(accuracyPanel(page)).toHaveAccessibleName('Forecast accuracy, PM10');
    await expectChartDrawn(page, chartIn(accuracy), 'hindcast');
    await expectHindcastSummary(accuracy, 'PM10, metropolitan mean', forecast);
    const hindcast = await downloadCsv(page, accuracy);
    expect(hindcast.fileName).toBe('hindcast-pm10-metropolitan-mean.csv');
    expectHindcastCsv(hindcast, forecast);

    await attachShots(page, testInfo, 'forecasts-environment-1920x1080', chartPanels(page, ENVIRONMENT));
    expectNoProblems(problems);
  });

  test('choosing a station and a pollutant fetches that forecast and shows it', async ({
    page,
    problems,
  }) => {
    const requests = recordForecastRequests(page);
    const metro = await openEnvironment(page);
    const panel = outlookPanel(page);
    const figure = figureIn(panel);
    const accuracy = figureIn(accuracyPanel(page));
    let shot = await expectChartDrawn(page, chartIn(figure), 'forecast');
    let previous = metro;

    const select = panel.getByRole('combobox', { name: 'Forecast for' });
    await expect(select).toHaveValue('metro');
    const option = select.getByRole('option').nth(3);
    const station = { id: (await option.getAttribute('value'))!, name: (await option.textContent())!.trim() };
    expect(station.id).not.toBe('metro');

    const steps: { pick: () => Promise<unknown>; query: Record<string, string> }[] = [
      {
        pick: () => select.selectOption({ label: station.name }),
        query: { pollutant: 'pm10', stationId: station.id },
      },
      {
        pick: () =>
          page
            .getByRole('main')
            .getByRole('group', { name: 'Pollutant', exact: true })
            .getByRole('button', { name: 'NO₂', exact: true })
            .click(),
        query: { pollutant: 'no2', stationId: station.id },
      },
    ];
    for (const [i, { pick, query }] of steps.entries()) {
      const response = json<{ items: ApiAirForecast[] }>(apiResponse(page, AIR_URL, query));
      await pick();
      const forecast = (await response).items[0]!;
      expect(forecast).toMatchObject({ stationId: station.id, pollutant: query.pollutant });
      // One request per choice, for that station and pollutant.
      expect(requests).toEqual([
        { endpoint: AIR, query: { pollutant: 'pm10' } },
        ...steps.slice(0, i + 1).map((step) => ({ endpoint: AIR, query: step.query })),
      ]);
      expect(routeParams(page.url()).get('station')).toBe(station.id);
      expect(routeParams(page.url()).get('pollutant') ?? 'pm10').toBe(query.pollutant);

      const label = POLLUTANT_LABELS[forecast.pollutant];
      await expect(panel).toHaveAccessibleName(`Outlook: ${label}, ${station.name}`);
      await expect(select).toHaveValue(station.id);
      await expectAirSummary(panel, station.name, forecast);
      const next = await expectChartDrawn(page, chartIn(figure), 'forecast');
      expect(
        await difference(page, shot, next),
        `the chart redraws for ${query.pollutant} at ${station.id}`,
      ).toBeGreaterThan(0.005);
      shot = next;
      const csv = await downloadCsv(page, figure);
      expect(csv.fileName).toBe(`air-forecast-${station.id}-${forecast.pollutant}.csv`);
      expectForecastCsv(csv, forecast, forecast.steps);
      // A different forecast from the one before, so the CSV check above tells them apart.
      expect(forecast.steps).not.toEqual(previous.steps);

      const subject = `${label}, ${station.name}`;
      await expect(accuracyPanel(page)).toHaveAccessibleName(`Forecast accuracy, ${label}`);
      await expectChartDrawn(page, chartIn(accuracy), 'hindcast');
      await expectHindcastSummary(accuracy, subject, forecast);
      const hindcast = await downloadCsv(page, accuracy);
      expect(hindcast.fileName).toBe(`hindcast-${fileSlug(subject)}.csv`);
      expectHindcastCsv(hindcast, forecast);
      previous = forecast;
    }
    expectNoProblems(problems);
  });
});

test.describe('forecast accessibility', () => {
  /*
   * views.spec.ts runs axe over the whole of each view, tables closed, in both themes; this adds the
   * forecast panels with their data tables open (axe over the whole view takes twice as long).
   */
  test('the forecast panels with their data tables open have no WCAG 2.1 A/AA violations, dark and light', async ({
    page,
    problems,
  }, testInfo) => {
    const found: Record<string, unknown> = {};
    await page.goto('/#/mobility');
    await expectLoaded(page, MOBILITY);
    for (const view of [MOBILITY, ENVIRONMENT]) {
      if (view !== MOBILITY) await navigateTo(page, view);
      const figures = chartPanels(page, view).map(figureIn);
      for (const figure of figures) {
        const toggle = figure.getByRole('button', { name: 'Show data table', exact: true });
        await expect(toggle).toHaveAttribute('aria-expanded', 'false');
        await toggle.click();
        const hide = figure.getByRole('button', { name: 'Hide data table', exact: true });
        await expect(hide).toHaveAttribute('aria-expanded', 'true');
        // The toggle controls the table it shows, which has a row per CSV record.
        const table = page.locator(`[id="${await hide.getAttribute('aria-controls')}"]`).getByRole('table');
        await expect(table).toBeVisible();
        await expect(figure.getByRole('table')).toHaveCount(1);
        const csv = await downloadCsv(page, figure);
        await expect(table.getByRole('row')).toHaveCount(csv.rows.length + 1);
        await expect(table.getByRole('columnheader')).toHaveText(csv.header);
      }
      // Mobility is checked dark then light, Environment light then dark (the theme stays on navigation).
      for (const theme of view === MOBILITY ? (['dark', 'light'] as const) : (['light', 'dark'] as const)) {
        await setTheme(page, theme);
        // The charts redraw in the theme's colours, and the tables stay open.
        await expectChartDrawn(page, chartIn(figures[0]!), 'forecast', theme);
        await expectChartDrawn(page, chartIn(figures[1]!), 'hindcast', theme);
        for (const figure of figures) await expect(figure.getByRole('table')).toBeVisible();
        found[`${view.path}, ${theme}`] = await axeViolations(
          page,
          await panelSelectors(forecastPanels(page, view)),
        );
      }
    }
    await testInfo.attach('axe-violations.json', {
      body: JSON.stringify(found, null, 2),
      contentType: 'application/json',
    });
    expect(found).toEqual({
      'mobility, dark': [],
      'mobility, light': [],
      'environment, light': [],
      'environment, dark': [],
    });
    expectNoProblems(problems);
  });
});

test.describe('forecast charts at 3840×2160', () => {
  test.use({ viewport: { width: 3840, height: 2160 } });
  test.slow(true, 'SwiftShader draws a 4K map in software');

  test('mobility and environment draw their forecast charts (screenshots)', async ({
    page,
    problems,
  }, testInfo) => {
    await page.goto('/#/mobility');
    await expectLoaded(page, MOBILITY);
    for (const view of [MOBILITY, ENVIRONMENT]) {
      if (view !== MOBILITY) await navigateTo(page, view);
      const [forecast, accuracy] = chartPanels(page, view);
      await expectChartDrawn(page, chartIn(figureIn(forecast!)), 'forecast');
      await expectChartDrawn(page, chartIn(figureIn(accuracy!)), 'hindcast');
      await attachShots(page, testInfo, `forecasts-${view.path}-3840x2160`, chartPanels(page, view));
    }
    expectNoProblems(problems);
  });
});

/** Every panel of the view about forecasts: the charts' and, beside them, the ranking or the daily outlook. */
const forecastPanels = (page: Page, view: View) => [
  ...chartPanels(page, view),
  view === MOBILITY
    ? rankingPanel(page)
    : page.getByRole('main').getByRole('region', { name: /^Daily outlook across municipalities, / }),
];

/**
 * The whole page and each forecast panel, attached to the report, once the map beside them has
 * finished drawing.
 */
async function attachShots(page: Page, testInfo: TestInfo, name: string, panels: Locator[]) {
  // From the top: the map is sticky, and element screenshots have scrolled the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await settledMapShot(page);
  await screenshot(page, testInfo, `${name}.png`);
  for (const [i, panel] of panels.entries()) {
    const path = testInfo.outputPath(`${name}-panel-${i + 1}.png`);
    await panel.screenshot({ path, animations: 'disabled' });
    await testInfo.attach(`${name}-panel-${i + 1}.png`, { path, contentType: 'image/png' });
  }
}

/** CSS selectors of panels, for axe to check those alone. */
const panelSelectors = (panels: Locator[]) =>
  Promise.all(
    panels.map(
      async (panel) => `section.panel[aria-labelledby="${await panel.getAttribute('aria-labelledby')}"]`,
    ),
  );
