import type { Locator } from '@playwright/test';
import { FORECAST_COLOURS } from '../src/components/forecast/forecast-colours';
import {
  VIEWS,
  axeViolations,
  downloadCsv,
  expect,
  expectNoProblems,
  expectViewLoaded,
  panelNamed,
  test,
} from './fixtures';

/**
 * A QKD link's history in the Security view (ECharts on canvas): selecting a link fetches its
 * series, both charts draw, their CSVs hold what the API sent, the panel passes axe with its data
 * tables open; and the response-time period choice fetches the period chosen.
 */

const LINKS_URL = /\/api\/v1\/security\/qkd-links$/;
const SERIES_URL = /\/api\/v1\/security\/qkd-links\/[^/]+\/series\?hours=24$/;
const RESPONSE_TIMES_URL = /\/api\/v1\/security\/response-times\?period=(\w+)$/;

interface ApiLink {
  id: string;
  name: string;
}
interface ApiSeries {
  linkId: string;
  timestamps: string[];
  qberPercent: (number | null)[];
  secretKeyRateKbps: (number | null)[];
  storedKeysKbit: (number | null)[];
  consumptionKbps: (number | null)[];
}

/** Pixels of the chart's canvas within a small distance of a colour. */
async function pixelsNear(chart: Locator, hex: string): Promise<number> {
  return chart.evaluate((box, colour) => {
    const canvas = box.querySelector('canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
    let n = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 30) n++;
    return n;
  }, hex);
}

const SECURITY = VIEWS.find((v) => v.path === 'security')!;

const cell = (value: number | null) => (value === null ? '' : String(value));

test('a selected QKD link charts its QBER and key pool, with CSVs of what the API sent', async ({
  page,
  problems,
}) => {
  const listed = page.waitForResponse((r) => LINKS_URL.test(r.url()) && r.ok());
  await page.goto('/#/security');
  const links = ((await (await listed).json()) as { items: ApiLink[] }).items;
  const link = links[0]!;
  // Every panel filled in: nothing above the list moves it while it is clicked.
  await expectViewLoaded(page, SECURITY);
  const qkd = panelNamed(page, 'Quantum key distribution links');

  const fetched = page.waitForResponse((r) => SERIES_URL.test(r.url()) && r.ok());
  await qkd.getByRole('button', { name: link.name, exact: true }).click();
  const series = (await (await fetched).json()) as ApiSeries;
  expect(series.linkId).toBe(link.id);
  expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('link')).toBe(link.id);

  const detail = panelNamed(page, `QKD link: ${link.name}`);
  const figures = detail.locator('figure');
  await expect(figures).toHaveCount(2);
  const [qber, pool] = [figures.nth(0), figures.nth(1)];
  await expect(qber.locator('figcaption')).toContainText('the alarm threshold of 6%');
  await expect(qber.locator('figcaption')).toContainText('the security limit of 11%');
  await expect(detail.getByText('Key pool runs out in')).toBeVisible();

  // Both draw their data: the QBER line and its threshold lines, the key pool's rate line.
  const colours = FORECAST_COLOURS.dark;
  await expect.poll(() => pixelsNear(qber, colours.observed)).toBeGreaterThan(200);
  await expect.poll(() => pixelsNear(qber, colours.threshold)).toBeGreaterThan(100);
  await expect.poll(() => pixelsNear(qber, colours.now)).toBeGreaterThan(100);
  await expect.poll(() => pixelsNear(pool, colours.median)).toBeGreaterThan(200);

  const qberCsv = await downloadCsv(page, qber);
  expect(qberCsv).toEqual([
    ['Time', 'QBER (%)'],
    ...series.timestamps.map((t, i) => [t, cell(series.qberPercent[i]!)]),
  ]);
  const poolCsv = await downloadCsv(page, pool);
  expect(poolCsv[0]).toEqual([
    'Time',
    'Stored keys (kbit)',
    'Secret key rate (kbit/s)',
    'Consumption (kbit/s)',
    'Empty in (s)',
  ]);
  expect(poolCsv.slice(1).map((r) => r.slice(0, 4))).toEqual(
    series.timestamps.map((t, i) => [
      t,
      cell(series.storedKeysKbit[i]!),
      cell(series.secretKeyRateKbps[i]!),
      cell(series.consumptionKbps[i]!),
    ]),
  );

  for (const figure of [qber, pool]) await figure.getByRole('button', { name: 'Show data table' }).click();
  expect(await axeViolations(page, ['main'])).toEqual([]);

  await detail.getByRole('button', { name: 'Close link details' }).click();
  await expect(detail).toBeHidden();
  expectNoProblems(problems);
});

test('the response-time period choice fetches that period and keeps it in the link', async ({
  page,
  problems,
}) => {
  const periods: string[] = [];
  page.on('request', (r) => {
    const match = RESPONSE_TIMES_URL.exec(r.url());
    if (match) periods.push(match[1]!);
  });
  await page.goto('/#/security');
  await expectViewLoaded(page, SECURITY);
  const panel = panelNamed(page, 'Response times');
  await expect(panel.getByRole('table')).toBeVisible();
  await expect(panel.getByRole('row')).toHaveCount(7);

  await panel.getByRole('button', { name: '30 days' }).click();
  await expect(panel).toContainText('Alerts issued in the last 30 days');
  await expect(panel.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
  expect(new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('rt')).toBe('month');
  expect(periods.slice(0, 2)).toEqual(['day', 'month']);
  expectNoProblems(problems);
});
