import type { Page } from '@playwright/test';
import { createSimulation } from '../mocks/territory/simulation';
import type { Device, DeviceSeries } from '../src/api/schemas/health';
import {
  apiGet,
  downloadCsv,
  escapeRegExp,
  expect,
  expectMapReady,
  expectNoProblems,
  expectViewLoaded,
  mapRegion,
  panelNamed,
  test,
  VIEWS,
} from './fixtures';
import { measure, rgb, settledMapShot } from './map-pixels';

/**
 * The Health view at a moment the simulation has a device in fault and devices whose data falls
 * back to classical encryption: a device's history and its CSV as the API sent it, its path on
 * the map, the fallback said where it applies and raised as a security alert, and the wall.
 */

const HEALTH = VIEWS.find((v) => v.path === 'health')!;
const HOUR_MS = 3_600_000;
/** The path's QKD-protected and classically encrypted links (dark theme). */
const PROTECTED = rgb('#009e73');
const CLASSICAL = rgb('#e69f00');

/** The first whole hour from a Tuesday morning with a device in fault and one on classical encryption. */
function findFallbackInstant(): number {
  const from = Date.parse('2026-11-24T10:00:00Z');
  let at = from;
  const simulation = createSimulation({ now: () => at });
  for (; at < from + 40 * 24 * HOUR_MS; at += HOUR_MS) {
    const devices = simulation.healthDevices();
    if (devices.some((d) => d.deviceState === 'fault') && devices.some((d) => d.classicalFallback)) return at;
  }
  throw new Error('the simulation has no hour with a device in fault and one on classical encryption');
}
const AT = findFallbackInstant();
test.beforeEach(({ page }) => page.clock.setFixedTime(AT));

const devicesOf = async (page: Page) => (await apiGet<{ items: Device[] }>(page, '/health/devices')).items;

/** The series by clock hour, summed here from the API's 5-minute steps. */
function hourly(series: DeviceSeries) {
  const hours = new Map<number, { exams: number; mb: number; safe: number; fallback: number }>();
  series.timestamps.forEach((stamp, i) => {
    const hour = Math.floor(Date.parse(stamp) / HOUR_MS) * HOUR_MS;
    const h = hours.get(hour) ?? { exams: 0, mb: 0, safe: 0, fallback: 0 };
    h.exams += series.exams[i]!;
    h.mb += series.dataSentMB[i]!;
    h.safe += series.qkdProtected[i] ? 5 : 0;
    h.fallback += series.classicalFallback[i] ? 5 : 0;
    hours.set(hour, h);
  });
  return [...hours].map(([hour, h]) => [
    new Date(hour).toISOString(),
    String(h.exams),
    String(Math.round(h.mb * 10) / 10),
    String(h.safe),
    String(h.fallback),
  ]);
}

const nearColours = async (page: Page) =>
  (await measure(page, await settledMapShot(page), [PROTECTED, CLASSICAL])).near;

test('a device’s day, its CSV as the API sent it, and its path drawn and listed hop by hop', async ({
  page,
  problems,
}) => {
  // The health layer alone, so that the colours of a path are the path's.
  await page.goto('/#/health?layers=health');
  await expectViewLoaded(page, HEALTH);
  await expectMapReady(page);
  const devices = await devicesOf(page);
  const device = devices.find(
    (d) => d.dataSentTodayMB > 0 && d.path.every((hop) => hop.kind === 'site' || hop.qkdProtected),
  )!;
  const [protectedBefore] = await nearColours(page);

  await panelNamed(page, 'Diagnostic devices')
    .getByRole('button', { name: device.name, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`sel=device(:|%3A)${device.id}`));
  const history = panelNamed(page, `Device ${device.name}`);
  const figure = history.getByRole('figure');
  await expect(figure.getByRole('img')).toHaveAttribute('aria-label', new RegExp(`^Exams and data of `));

  const series = await apiGet<DeviceSeries>(page, `/health/devices/${device.id}/series?hours=24`);
  const [header, ...rows] = await downloadCsv(page, figure);
  expect(header).toEqual([
    'Hour starting (UTC)',
    'Exams',
    'Data sent (MB)',
    'Minutes QKD-protected',
    'Minutes on classical encryption',
  ]);
  expect(rows).toEqual(hourly(series));
  expect(rows.length, 'a day by the hour').toBeGreaterThanOrEqual(24);

  const details = mapRegion(page).getByRole('region', { name: `Details: ${device.name}`, exact: true });
  await expect(
    details.getByRole('list', { name: `Path of the data of ${device.name}` }).getByRole('listitem'),
  ).toHaveText(device.path.map((hop) => new RegExp(`${escapeRegExp(hop.name)}$`)));
  const [protectedAfter, classicalAfter] = await nearColours(page);
  expect(protectedAfter! - protectedBefore!, 'its QKD-protected links are drawn').toBeGreaterThan(150);
  expect(classicalAfter, 'and no classical one').toBeLessThan(20);

  await details.getByRole('button', { name: 'Close details' }).click();
  await expect(history).toHaveCount(0);
  expectNoProblems(problems);
});

test('a device whose data falls back to classical encryption: said on the desk and raised as an alert', async ({
  page,
  problems,
}) => {
  await page.goto('/#/health?layers=health');
  await expectViewLoaded(page, HEALTH);
  const devices = await devicesOf(page);
  const fallback = devices.filter((d) => d.classicalFallback);
  const device = fallback[0]!;
  const devicesPanel = panelNamed(page, 'Diagnostic devices');
  await expect(devicesPanel.getByText('Devices on classical encryption now').locator('..')).toContainText(
    String(fallback.length),
  );

  await devicesPanel.getByRole('button', { name: device.name, exact: true }).click();
  const details = mapRegion(page).getByRole('region', { name: `Details: ${device.name}`, exact: true });
  await expect(details).toContainText('Its transfers fall back to classical encryption now');
  await expect(details.getByRole('list', { name: /^Path of the data of / })).toContainText(
    'Classical encryption',
  );
  await expect
    .poll(async () => (await nearColours(page))[1], 'its classical link is drawn')
    .toBeGreaterThan(50);
  await expect(
    panelNamed(page, 'Devices needing attention').getByRole('listitem').filter({ hasText: device.name }),
  ).toContainText('Classical encryption');

  // The security alert names the facilities of the devices behind the link.
  const { items } = await apiGet<{ items: { subCategory: string; description: string; status: string }[] }>(
    page,
    '/security/alerts',
  );
  const raised = items.filter(
    (a) => a.subCategory === 'health-data-classical-fallback' && a.status !== 'closed',
  );
  expect(raised.length, 'an alert is raised').toBeGreaterThan(0);
  const facilities = await apiGet<{ items: { id: string; name: string }[] }>(page, '/health/facilities');
  const facility = facilities.items.find((f) => f.id === device.facilityId)!;
  expect(raised.some((a) => a.description.includes(facility.name))).toBe(true);
  expectNoProblems(problems);
});

test('on a wall: the fleet in four figures, the devices needing attention worst first, the divide', async ({
  page,
  problems,
}) => {
  await page.goto('/#/health?mode=wall');
  await expectMapReady(page);
  const devices = await devicesOf(page);
  const panel = panelNamed(page, 'Diagnostic devices');
  const available = devices.filter((d) => d.deviceState === 'in-use' || d.deviceState === 'idle').length;
  const down = devices.filter((d) => d.deviceState === 'fault' || d.deviceState === 'offline').length;
  const tiles = panel.getByRole('term');
  await expect(tiles).toHaveText([
    'Devices available',
    'Devices down',
    'Exams today',
    'Today’s data over QKD only',
  ]);
  await expect(panel.getByRole('definition').first()).toHaveText(`${available} / ${devices.length}`);
  const list = panel.getByRole('list', { name: 'Devices needing attention, worst first' });
  // Faults first; they all reported at the last minute, so by name.
  const [worst] = devices
    .filter((d) => d.deviceState === 'fault')
    .sort((a, b) => a.name.localeCompare(b.name));
  await expect(list.getByRole('listitem').first()).toHaveText(
    new RegExp(`^\\W*Fault ${escapeRegExp(worst!.name)}$`),
  );
  expect(down).toBeGreaterThan(0);
  await expect(panelNamed(page, 'The health divide').getByRole('term')).toHaveText([
    'Devices per 10,000 residents, periphery',
    'Exams today per 10,000 residents, periphery',
  ]);
  expectNoProblems(problems);
});
