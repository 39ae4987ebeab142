import type { Page } from '@playwright/test';
import {
  apiGet,
  expect,
  expectNoProblems,
  expectViewLoaded,
  mapCanvas,
  mapRegion,
  test,
  VIEWS,
} from './fixtures';
import { settledMapShot } from './map-pixels';

/**
 * Mobility keeps one selection: whatever the user picks it from (the corridors table, the map, the
 * forecast's picker), the table's highlighted row, the forecast and the map's selection agree.
 */

const MOBILITY = VIEWS.find((v) => v.path === 'mobility')!;
type LonLat = [number, number];

interface ApiSensor {
  id: string;
  name: string;
  kind: string;
  location: LonLat;
  municipalityId: string;
  corridorId: string | null;
}
interface ApiTerritory {
  municipalities: { id: string; name: string }[];
  corridors: { id: string; name: string; path: LonLat[] }[];
}

const routeParams = (url: string) => new URLSearchParams(new URL(url).hash.split('?')[1] ?? '');

/** Where a place is drawn on the map's canvas, by Web Mercator from the camera the URL holds (512-pixel tiles). */
async function pixelOf(page: Page, [lon, lat]: LonLat) {
  const [centreLon, centreLat, zoom] = routeParams(page.url()).get('at')!.split(',').map(Number);
  const world = 512 * 2 ** zoom!;
  const x = (degrees: number) => ((degrees + 180) / 360) * world;
  const y = (degrees: number) => {
    const phi = (degrees * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world;
  };
  const box = (await mapCanvas(page).boundingBox())!;
  return {
    x: box.x + box.width / 2 + x(lon) - x(centreLon!),
    y: box.y + box.height / 2 + y(lat) - y(centreLat!),
  };
}

interface Agreement {
  /** `kind:id` in the URL, which the map draws as selected. */
  sel: string;
  /** The details the map opens for it. */
  details: string;
  /** What the forecast chart is of. */
  forecast: string;
  /** The corridors table's highlighted row, or null for none. */
  row: string | null;
}

async function expectAgreement(page: Page, { sel, details, forecast, row }: Agreement) {
  await expect.poll(() => routeParams(page.url()).get('sel')).toBe(sel);
  await expect(
    mapRegion(page).getByRole('region', { name: `Details: ${details}`, exact: true }),
  ).toBeVisible();
  const main = page.getByRole('main');
  const trafficPanel = main.getByRole('region', { name: /^Traffic forecast, next \d+ h$/ });
  await expect(trafficPanel.getByRole('combobox', { name: 'Forecast for' })).toHaveValue(sel);
  await expect(trafficPanel.getByRole('figure').getByRole('img')).toHaveAccessibleName(
    new RegExp(`^Traffic speed forecast, ${forecast.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`),
  );
  const pressed = main.getByRole('table', { name: 'Corridors' }).getByRole('button', { pressed: true });
  if (row === null) await expect(pressed).toHaveCount(0);
  else await expect(pressed).toHaveText(row);
}

test('Mobility: the row, the forecast and the map agree, whichever the user picks from', async ({
  page,
  problems,
}) => {
  // Once a view has loaded, the demo's service worker answers the API.
  await page.goto('/#/kpis');
  await expectViewLoaded(
    page,
    VIEWS.find((v) => v.path === 'kpis')!,
  );
  const [{ items: sensors }, territory] = await Promise.all([
    apiGet<{ items: ApiSensor[] }>(page, '/sensors'),
    apiGet<ApiTerritory>(page, '/territory'),
  ]);
  // A traffic sensor on a corridor, the one nearest the corridor's middle, where the map shows the
  // corridor when it is picked.
  const corridor = territory.corridors[0]!;
  const middle = corridor.path[Math.floor(corridor.path.length / 2)]!;
  const sensor = sensors
    .filter((s) => s.kind === 'traffic' && s.corridorId === corridor.id)
    .sort(
      (a, b) =>
        Math.hypot(a.location[0] - middle[0], a.location[1] - middle[1]) -
        Math.hypot(b.location[0] - middle[0], b.location[1] - middle[1]),
    )[0]!;
  const municipality = territory.municipalities.find((m) => m.id === sensor.municipalityId)!;

  await page.goto(`/#/mobility?at=${sensor.location[0]},${sensor.location[1]},14`);
  await expectViewLoaded(page, MOBILITY);

  // 1. A corridor from the table.
  const table = page.getByRole('main').getByRole('table', { name: 'Corridors' });
  await table.getByRole('button', { name: corridor.name, exact: true }).click();
  await expectAgreement(page, {
    sel: `corridor:${corridor.id}`,
    details: corridor.name,
    forecast: corridor.name,
    row: corridor.name,
  });

  // 2. A sensor on the map, once it has settled wherever the pick took it.
  await settledMapShot(page);
  const spot = await pixelOf(page, sensor.location);
  await page.mouse.click(spot.x, spot.y);
  await expectAgreement(page, {
    sel: `sensor:${sensor.id}`,
    details: sensor.name,
    forecast: sensor.name,
    row: null,
  });

  // 3. A municipality from the forecast's picker.
  await page
    .getByRole('main')
    .getByRole('combobox', { name: 'Forecast for' })
    .selectOption(`municipality:${municipality.id}`);
  await expectAgreement(page, {
    sel: `municipality:${municipality.id}`,
    details: municipality.name,
    forecast: `${municipality.name} (all traffic sensors)`,
    row: null,
  });
  expectNoProblems(problems);
});
