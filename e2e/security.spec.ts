import type { Locator, Page } from '@playwright/test';
import { QBER_ALARM_PERCENT, QBER_SECURITY_LIMIT_PERCENT } from '../mocks/territory/qkd';
import { createSimulation, DEFAULT_SEED } from '../mocks/territory/simulation';
import type { Alert } from '../src/api/schemas/security';
import { FORECAST_COLOURS } from '../src/components/forecast/forecast-colours';
import { isActive, placeKey } from '../src/lib/alert-places';
import { formatNumber } from '../src/lib/format';
import {
  apiGet,
  VIEWS,
  expect,
  expectMapReady,
  expectNoProblems,
  expectViewLoaded,
  mapCanvas,
  mapRegion,
  navLabel,
  panelNamed,
  screenshot,
  test,
  axeViolations,
} from './fixtures';
import { measure, rgb, settledMapShot } from './map-pixels';

/**
 * The Security view end to end: an alert worked from open to closed with its audit trail, an
 * alert's place shown on the map, the critical-alerts banner, a QKD link's QBER chart, axe and
 * screenshots.
 *
 * The demo's simulation generates alerts from the clock (the default seed, as no `?seed=` is
 * given), so every test fixes the page's clock at an instant computed here from the same
 * simulation: one critical alert has just arrived and nobody has acknowledged it yet. With the
 * clock fixed, no alert moves on by itself while a test works it.
 */

const KPIS = VIEWS.find((v) => v.path === 'kpis')!;
/** Who the demo's identity signs in as: the API records that name, whatever a request says. */
const OPERATOR = 'Demo operator';
/** The ring of a place whose worst open alert is critical (SEVERITY_CLASSES in palettes.ts). */
const CRITICAL_RING = rgb('#ff2d55');

const DAY = 24 * 60 * 60_000;

interface Scenario {
  /** The instant the page's clock is fixed at. */
  at: Date;
  /** The one critical alert open (not acknowledged) at that instant, at a 5G site. */
  critical: Alert;
  /** Where it is. */
  site: { id: string; name: string; location: readonly [number, number] };
  /** Other alerts at its site still being worked (they are listed with it on the map). */
  alsoThere: Alert[];
  /** An open alert that is not critical, to work from open to closed. */
  open: Alert;
}

/**
 * Looks back from a late morning for a critical alert at a site and takes the instant 30 s after
 * it was issued (the simulation acknowledges a critical alert 2 to 6 minutes after it arrives),
 * when it is the only critical one waiting and another alert is open too. The alerts are the
 * simulated backend's own, for the demo's default seed.
 */
function findScenario(): Scenario {
  let clock = Date.parse('2026-03-11T10:30:00Z');
  const simulation = createSimulation({ seed: DEFAULT_SEED, now: () => clock });
  const alertsAt = (ms: number) => {
    clock = ms;
    return simulation.alerts();
  };
  const latest = clock;
  for (let from = latest; from > latest - 14 * DAY; from -= 2 * DAY) {
    const candidates = alertsAt(from).filter((a) => a.severity === 'critical' && a.place?.kind === 'site');
    for (const critical of candidates) {
      const at = Date.parse(critical.dateIssued) + 30_000;
      const alerts = alertsAt(at);
      const waiting = alerts.filter((a) => a.severity === 'critical' && a.status === 'open');
      const open = alerts.find((a) => a.status === 'open' && a.severity !== 'critical' && a.place);
      if (waiting.length !== 1 || waiting[0]!.id !== critical.id || !open) continue;
      const site = simulation.world.sites.find((s) => s.id === critical.place!.refId)!;
      const key = placeKey(critical.place!);
      const alsoThere = alerts.filter(
        (a) => a.id !== critical.id && a.place && isActive(a) && placeKey(a.place) === key,
      );
      return { at: new Date(at), critical, site, alsoThere, open };
    }
  }
  throw new Error('the simulation has no instant with a single critical alert waiting');
}

const SCENARIO = findScenario();
const alertName = (a: Alert) => `${a.category} · ${a.subCategory}`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The `?…` part of the hash route. */
const routeParams = (url: string) => new URLSearchParams(new URL(url).hash.split('?')[1] ?? '');

/** The camera the URL holds (`at=lon,lat,zoom`), or null. */
function cameraIn(url: string) {
  const at = routeParams(url).get('at');
  if (!at) return null;
  const [lon, lat, zoom] = at.split(',').map(Number);
  return { lon: lon!, lat: lat!, zoom: zoom! };
}

const alertsPanel = (page: Page) => panelNamed(page, 'Alerts');
const selectedAlert = (page: Page) => alertsPanel(page).getByRole('region', { name: 'Selected alert' });
const feedback = (page: Page) => alertsPanel(page).locator('.triage-feedback');
const banner = (page: Page) => page.getByRole('region', { name: 'Critical alerts', exact: true });

/** The text of the definition that follows a term in a details list. */
const definitionOf = (details: Locator, term: string) =>
  details
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');

/**
 * Fixes the page's clock at the scenario's instant, opens a Security URL and waits until the
 * alerts are listed, the map has loaded and nothing in the view is loading any more.
 */
async function openSecurity(page: Page, query = '') {
  await page.clock.setFixedTime(SCENARIO.at);
  await page.goto(`/#/security${query}`);
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Security', exact: true })).toBeVisible();
  await expect(alertsPanel(page)).toContainText(/Updated \d/);
  await expectMapReady(page);
  await expect(main.getByText(/Loading/)).toHaveCount(0);
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
}

test.describe('security alerts', () => {
  test('an alert is acknowledged, assigned, resolved with a note and closed, each step in its trail', async ({
    page,
    problems,
  }) => {
    const alert = SCENARIO.open;
    const patches: { id: string; body: unknown; status: number }[] = [];
    page.on('response', async (response) => {
      const request = response.request();
      if (request.method() !== 'PATCH') return;
      const id = decodeURIComponent(new URL(response.url()).pathname.split('/').pop()!);
      patches.push({ id, body: request.postDataJSON(), status: response.status() });
    });
    await openSecurity(page);

    // Found through the search, which the URL keeps.
    const panel = alertsPanel(page);
    await panel.getByRole('searchbox', { name: 'Search' }).fill(alert.id);
    await expect.poll(() => routeParams(page.url()).get('q')).toBe(alert.id);
    await expect(panel.getByRole('status').filter({ hasText: / alerts$/ })).toHaveText(/^1 of \d+ alerts$/);
    const row = panel.getByRole('row').filter({
      has: page.getByRole('checkbox', { name: `Select ${alertName(alert)}, ${alert.id}`, exact: true }),
    });
    await row.getByRole('button', { name: new RegExp(`${escapeRegExp(alertName(alert))}$`) }).click();
    await expect.poll(() => routeParams(page.url()).get('alert')).toBe(alert.id);

    const details = selectedAlert(page);
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(alertName(alert));
    const status = definitionOf(details, 'Status');
    const assignee = definitionOf(details, 'Assignee');
    await expect(status).toHaveText('Open');
    await expect(assignee).toHaveText('Unassigned');
    const button = (name: string) => details.getByRole('button', { name, exact: true });

    await button('Acknowledge').click();
    await expect(feedback(page)).toHaveText('Acknowledged 1 alert.');
    await expect(status).toHaveText('Acknowledged');
    await expect(button('Acknowledge')).toHaveCount(0);

    await details.getByRole('combobox', { name: 'Assign to' }).fill('G. Bianchi');
    await button('Assign').click();
    await expect(feedback(page)).toHaveText('Assigned to G. Bianchi: 1 alert.');
    await expect(assignee).toHaveText('G. Bianchi');

    // Resolving needs a note.
    const resolve = button('Resolve with the note');
    await expect(resolve).toBeDisabled();
    await details.getByRole('textbox', { name: 'Note' }).fill('Source blocked at the firewall');
    await expect(resolve).toBeEnabled();
    await resolve.click();
    await expect(feedback(page)).toHaveText('Resolved 1 alert.');
    await expect(status).toHaveText('Resolved');

    await button('Close').click();
    await expect(feedback(page)).toHaveText('Closed 1 alert.');
    await expect(status).toHaveText('Closed');
    await expect(button('Reopen')).toBeEnabled();

    // The trail: who did what, from which state to which, with the note.
    const trail = details.getByRole('list').last().getByRole('listitem');
    const entry = (text: string) => new RegExp(`· ${escapeRegExp(text)}$`);
    await expect(trail).toHaveText([
      entry(`${alert.source} · Created: — → open`),
      entry(`${OPERATOR} · Status: open → acknowledged`),
      entry(`${OPERATOR} · Assigned: — → G. Bianchi`),
      entry(`${OPERATOR} · Status: acknowledged → resolved — Source blocked at the firewall`),
      entry(`${OPERATOR} · Status: resolved → closed`),
    ]);

    // Each step was a PATCH the simulated backend accepted, and it holds the result.
    expect(patches).toEqual([
      { id: alert.id, status: 200, body: { status: 'acknowledged' } },
      { id: alert.id, status: 200, body: { assignee: 'G. Bianchi' } },
      {
        id: alert.id,
        status: 200,
        body: { status: 'resolved', note: 'Source blocked at the firewall' },
      },
      { id: alert.id, status: 200, body: { status: 'closed' } },
    ]);
    const { items } = await apiGet<{ items: Alert[] }>(page, '/security/alerts');
    const stored = items.find((a) => a.id === alert.id);
    expect(stored).toMatchObject({ status: 'closed', assignee: 'G. Bianchi' });
    expect(stored!.audit.map((e) => [e.actor, e.action, e.from, e.to, e.note])).toEqual([
      [alert.source, 'created', null, 'open', null],
      [OPERATOR, 'status', 'open', 'acknowledged', null],
      [OPERATOR, 'assigned', null, 'G. Bianchi', null],
      [OPERATOR, 'status', 'acknowledged', 'resolved', 'Source blocked at the firewall'],
      [OPERATOR, 'status', 'resolved', 'closed', null],
    ]);
    expectNoProblems(problems);
  });

  test('an alert shows its place on the map, which flies there and lists the alert', async ({
    page,
    problems,
  }, testInfo) => {
    const { critical, site, alsoThere } = SCENARIO;
    const [lon, lat] = site.location;
    // The map opens zoomed in 0.12° (about 9 km) away from the site, towards Milan: out of view.
    const away = lon > 9.19 ? lon - 0.12 : lon + 0.12;
    await openSecurity(page, `?at=${away},${lat},13&alert=${critical.id}`);
    await expect.poll(() => cameraIn(page.url())?.lon).toBeCloseTo(away, 4);

    const details = selectedAlert(page);
    await expect(definitionOf(details, 'Place')).toContainText(site.name);
    await details.getByRole('button', { name: 'Show on the map', exact: true }).click();
    await expect.poll(() => routeParams(page.url()).get('sel')).toBe(`alert-place:site:${site.id}`);

    // The map details name the place and list its open alerts, each a link back into triage.
    const place = mapRegion(page).getByRole('region', { name: `Details: ${site.name}`, exact: true });
    await expect(place.getByRole('heading', { level: 2 })).toHaveText(site.name);
    const listed = place.getByRole('list', { name: `Open alerts at ${site.name}`, exact: true });
    await expect(listed.getByRole('listitem')).toHaveCount(1 + alsoThere.length);
    const link = listed.getByRole('link', { name: alertName(critical), exact: true });
    await expect(link).toBeVisible();
    await expect(listed.getByRole('listitem').filter({ hasText: alertName(critical) })).toContainText(
      'Critical',
    );

    // The place was out of view, so the map flew to it: the camera in the URL is now on it.
    await expect
      .poll(
        () => {
          const camera = cameraIn(page.url());
          return camera ? Math.hypot(camera.lon - lon, camera.lat - lat) : Infinity;
        },
        { message: 'the map centres on the place' },
      )
      .toBeLessThan(2e-4);
    expect(cameraIn(page.url())!.zoom).toBeGreaterThanOrEqual(12.5);

    // The selected place is ringed wider than when it is not selected: the critical ring's pixels
    // around the middle of the map, where the place now is, before and after closing the details.
    const box = (await mapCanvas(page).boundingBox())!;
    const middle = { x: box.x + box.width / 2 - 60, y: box.y + box.height / 2 - 60, width: 120, height: 120 };
    const ringAt = async (name: string) => {
      await settledMapShot(page);
      const shot = await page.screenshot({ clip: middle, animations: 'disabled' });
      await testInfo.attach(name, { body: shot, contentType: 'image/png' });
      return (await measure(page, shot, [CRITICAL_RING])).near[0]!;
    };
    const wide = await ringAt('place-selected.png');
    await place.getByRole('button', { name: 'Close details' }).click();
    await expect(place).toHaveCount(0);
    expect(routeParams(page.url()).get('sel')).toBeNull();
    const narrow = await ringAt('place-unselected.png');
    expect(narrow, 'the critical ring is drawn').toBeGreaterThan(100);
    expect(wide, 'the selected ring is wider').toBeGreaterThan(narrow * 1.3);

    // Shown again, with the alert's own details closed: the link in the map details reopens it.
    await details.getByRole('button', { name: 'Show on the map', exact: true }).click();
    await expect(link).toBeVisible();
    await details.getByRole('button', { name: 'Close details' }).click();
    await expect(details).toHaveCount(0);
    await link.click();
    await expect.poll(() => routeParams(page.url()).get('alert')).toBe(critical.id);
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(alertName(critical));
    expectNoProblems(problems);
  });
});

test.describe('critical alerts banner', () => {
  test('shows on every view while a critical alert waits, and goes once it is acknowledged', async ({
    page,
    problems,
  }) => {
    const { critical } = SCENARIO;
    await page.clock.setFixedTime(SCENARIO.at);
    await page.goto('/#/kpis');
    await expectViewLoaded(page, KPIS);

    const waiting = banner(page);
    await expect(waiting).toContainText(
      `Critical alert not yet acknowledged: ${alertName(critical)}, issued`,
    );
    const announced = page.locator('[aria-live="assertive"]');
    await expect(announced).toHaveText(
      new RegExp(`^Critical alert: ${escapeRegExp(alertName(critical))}, issued \\d`),
    );
    const nav = page.getByRole('navigation', { name: 'Views' });
    for (const view of VIEWS) {
      await nav.getByRole('link', { name: navLabel(view), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: view.heading, exact: true })).toBeVisible();
      await expect(waiting, `the banner on ${view.path}`).toContainText(alertName(critical));
      // The map's camera write as it first loads can undo a navigation made meanwhile: let it land.
      if (view.map) await expectMapReady(page);
    }

    await waiting.getByRole('link', { name: 'Open it', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Security', exact: true })).toBeVisible();
    await expect.poll(() => routeParams(page.url()).get('alert')).toBe(critical.id);
    const details = selectedAlert(page);
    await expect(details.getByRole('heading', { level: 3 })).toHaveText(alertName(critical));
    await expect(definitionOf(details, 'Severity')).toHaveText(/Critical$/);

    await details.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect(feedback(page)).toHaveText('Acknowledged 1 alert.');
    await expect(waiting).toHaveCount(0);
    await expect(announced).toHaveText('');

    // The backend holds it: the next poll of the alerts has it acknowledged, and no banner returns.
    const polled = await page.waitForResponse(
      (r) => r.request().method() === 'GET' && /\/api\/v1\/security\/alerts$/.test(r.url()),
    );
    const { items } = (await polled.json()) as { items: Alert[] };
    expect(items.find((a) => a.id === critical.id)?.status).toBe('acknowledged');
    await nav.getByRole('link', { name: 'KPIs', exact: true }).click();
    await expectViewLoaded(page, KPIS);
    await expect(waiting).toHaveCount(0);
    expectNoProblems(problems);
  });
});

test.describe('security view accessibility and screenshots', () => {
  // The default viewport is full HD: its screenshot is taken here.
  test('with an alert open, no WCAG 2.1 A/AA violations in the dark and light themes', async ({
    page,
    problems,
  }, testInfo) => {
    test.slow(true, 'axe runs twice over a long page beside the map');
    await openSecurity(page, `?alert=${SCENARIO.critical.id}`);
    await expect(selectedAlert(page).getByRole('heading', { level: 3 })).toHaveText(
      alertName(SCENARIO.critical),
    );
    await expect(banner(page)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await settledMapShot(page);
    await screenshot(page, testInfo, 'security-1920x1080.png');
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
    expect(found).toEqual({ dark: [], light: [] });
    expectNoProblems(problems);
  });
});

test.describe('QKD link detail', () => {
  test('a link shows its QBER chart drawn, naming the alarm threshold and the security limit', async ({
    page,
    problems,
  }) => {
    await openSecurity(page);
    const links = panelNamed(page, 'Quantum key distribution links');
    const first = links.getByRole('row').nth(1).getByRole('button');
    const name = (await first.textContent())!.trim();
    const alarm = `${formatNumber(QBER_ALARM_PERCENT, 1)}%`;
    const limit = `${formatNumber(QBER_SECURITY_LIMIT_PERCENT, 1)}%`;
    // The table gives each link's alarm threshold beside its QBER.
    await expect(links.getByRole('row').nth(1)).toContainText(`(alarm ${formatNumber(QBER_ALARM_PERCENT)})`);

    await links.getByRole('button', { name, exact: true }).click();
    await expect(links.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
    const detail = panelNamed(page, `QKD link: ${name}`);
    await expect(detail).toContainText(/Updated \d/);
    const figure = detail.getByRole('figure').filter({ hasText: `QBER of ${name}` });
    await expect(figure).toContainText(
      `against the alarm threshold of ${alarm} and the security limit of ${limit}`,
    );
    await expect(detail).toContainText(`alarm at ${alarm}, limit ${limit}`);

    // The chart is drawn: many colours on its canvas, among them the QBER line's and those of the
    // alarm threshold's and the security limit's lines (FORECAST_COLOURS: observed, now, threshold).
    const { observed, now, threshold } = FORECAST_COLOURS.dark;
    const [line, alarmLine, limitLine] = [rgb(observed), rgb(now), rgb(threshold)];
    const chart = figure.getByRole('img');
    await expect(chart.locator('canvas').first()).toBeVisible();
    await expect(async () => {
      const shot = await chart.screenshot({ animations: 'disabled' });
      const picture = await measure(page, shot, [line, alarmLine, limitLine]);
      expect(picture.colours, 'distinct colours in the chart').toBeGreaterThan(12);
      const [qber, alarmed, limited] = picture.near;
      expect(qber, 'pixels of the QBER line').toBeGreaterThan(100);
      expect(alarmed, 'pixels of the alarm threshold').toBeGreaterThan(20);
      expect(limited, 'pixels of the security limit').toBeGreaterThan(20);
    }).toPass({ timeout: 10_000 });
    expectNoProblems(problems);
  });
});
