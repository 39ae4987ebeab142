import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { SOURCE_VOCABULARY } from '../mocks/public-projection';
import type { Alert, QkdLink } from '../src/api/schemas/security';
import { expect, expectNoProblems, expectViewLoaded, panelNamed, test, VIEWS } from './fixtures';
import { API, apiAs, asBearer, SIM_ORIGIN, signInThrough, tokenOf, watchTokens } from './sign-in';

/**
 * Sign-in and roles end to end: the live build against `serve:sim` and its development OpenID
 * provider, each account signed in on the provider's page as a person does. What each role may
 * see and do, what a public screen receives, what the server refuses to other sites, and a wall
 * renewing its token by itself. Real time throughout: the server's tokens and alerts are now's.
 */

const SECURITY = VIEWS.find((v) => v.path === 'security')!;
const KPIS = VIEWS.find((v) => v.path === 'kpis')!;
const HEALTH = VIEWS.find((v) => v.path === 'health')!;
/** Another site, served by the test itself: no policy of its own stands in the way. */
const ELSEWHERE = 'http://elsewhere.example';

async function openAlertId(token: string, request: Parameters<typeof apiAs>[0]) {
  const { items } = await apiAs<{ items: Alert[] }>(request, token, '/security/alerts');
  return items.find((a) => a.status === 'open')?.id ?? items[0]!.id;
}

test.describe('roles', () => {
  test('the operator triages; the manager reads everything, KPIs too, and changes nothing', async ({
    page,
    problems,
    request,
  }) => {
    const tokens = watchTokens(page);
    await signInThrough(page, '#/security', 'operator');
    await expectViewLoaded(page, SECURITY);
    const alerts = panelNamed(page, 'Alerts');
    await expect(alerts.getByRole('group', { name: 'Selected alerts' })).toBeVisible();
    expect(tokens.length).toBeGreaterThan(0);
    expectNoProblems(problems);

    const manager = await page.context().browser()!.newContext();
    const laptop = await manager.newPage();
    const managerTokens = watchTokens(laptop);
    await signInThrough(laptop, '#/kpis', 'manager');
    await expectViewLoaded(laptop, KPIS);
    await laptop.goto(`${SIM_ORIGIN}/#/security`);
    await expectViewLoaded(laptop, SECURITY);
    const list = panelNamed(laptop, 'Alerts');
    await expect(list.getByRole('group', { name: 'Selected alerts' })).toHaveCount(0);
    await expect(list.getByRole('checkbox')).toHaveCount(0);
    // The API refuses the manager a change the screen does not offer.
    const id = await openAlertId(managerTokens.at(-1)!, request);
    const refused = await request.patch(`${API}/security/alerts/${id}`, {
      headers: asBearer(managerTokens.at(-1)!),
      data: { status: 'acknowledged' },
    });
    expect(refused.status()).toBe(403);
    await manager.close();
  });

  test('a public account reads the public projection only, whatever the address says', async ({
    page,
    problems,
    request,
  }) => {
    const asked: string[] = [];
    page.on('request', (r) => void (r.url().startsWith(API) && asked.push(new URL(r.url()).pathname)));
    const tokens = watchTokens(page);
    await signInThrough(page, '#/security', 'public');
    await expectViewLoaded(page, SECURITY);
    await expect(panelNamed(page, 'Alerts').getByRole('checkbox')).toHaveCount(0);
    expect(asked.length).toBeGreaterThan(3);
    expect(asked.filter((path) => !path.startsWith('/api/v1/public/'))).toEqual([]);
    for (const path of ['/security/alerts', '/security/qkd-links', '/kpis', '/territory'])
      expect((await request.get(`${API}${path}`, { headers: asBearer(tokens.at(-1)!) })).status(), path).toBe(
        403,
      );
    expectNoProblems(problems);
  });

  test('a wall reads and may not change an alert unless so configured; without a token, nothing', async ({
    page,
    request,
  }) => {
    const tokens = watchTokens(page);
    await signInThrough(page, '#/overview?mode=wall', 'wall');
    await expect(page.locator('.wall-strip')).toBeVisible();
    const token = tokens.at(-1)!;
    const id = await openAlertId(token, request);
    const patch = (headers: Record<string, string>) =>
      request.patch(`${API}/security/alerts/${id}`, { headers, data: { status: 'acknowledged' } });
    expect((await patch(asBearer(token))).status()).toBe(403);
    expect((await patch({})).status()).toBe(401);
    expect((await request.get(`${API}/security/alerts`)).status()).toBe(401);
  });
});

/** Every string of the full answers a public screen must not receive. */
async function secretsNow(request: Parameters<typeof apiAs>[0]): Promise<string[]> {
  const token = await tokenOf('operator');
  const alerts = (await apiAs<{ items: Alert[] }>(request, token, '/security/alerts')).items;
  const links = (await apiAs<{ items: QkdLink[] }>(request, token, '/security/qkd-links')).items;
  const secrets = new Set<string>();
  // Sites and sensors are public; a QKD link's id is not (it names its nodes).
  for (const alert of alerts) {
    secrets.add(alert.id).add(alert.source);
    if (alert.assignee) secrets.add(alert.assignee);
    for (const entry of alert.audit) {
      if (entry.actor) secrets.add(entry.actor);
      if (entry.note) secrets.add(entry.note);
    }
  }
  for (const link of links) {
    secrets.add(link.id).add(link.name);
    for (const node of link.endpoints) secrets.add(node.id).add(node.name);
  }
  // A source that is itself a word of the public vocabulary ("SIEM") names no machine.
  return [...secrets].filter((s) => !(SOURCE_VOCABULARY as readonly string[]).includes(s));
}

/** What the map's worker is sent: the sources it draws (recorded before the app starts). */
const recordMapSources = (page: Page) =>
  page.addInitScript(() => {
    const sent: string[] = [];
    Object.assign(window, { __mapSources: sent });
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      try {
        sent.push(JSON.stringify(message));
      } catch {
        // A message that cannot be written out (a transferred buffer) carries no names.
      }
      return post.call(this, message, ...rest);
    } as Worker['postMessage'];
  });

test('on a public screen no sensitive string reaches the wire, the page, its names, its exports or its URL, Health included', async ({
  page,
  problems,
  request,
}) => {
  test.slow(true, 'the whole Security and Health views, their map and a QKD link export, on SwiftShader');
  await recordMapSources(page);
  const bodies: string[] = [];
  page.on('response', async (response) => {
    if (response.url().startsWith(API)) bodies.push(await response.text().catch(() => ''));
  });
  // An operator, who may read everything, on a public screen: the screen still reads only the public API.
  await signInThrough(page, '#/security?mode=public', 'operator');
  await expectViewLoaded(page, SECURITY);
  const qkd = panelNamed(page, 'Quantum key distribution links');
  await qkd
    .getByRole('button', { name: /^Link [0-9A-F]{4}$/ })
    .first()
    .click();
  const detail = page.getByRole('region', { name: /^QKD link: / });
  const qber = detail.locator('figure').first();
  await expect(qber).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    qber.getByRole('button', { name: 'Download CSV', exact: true }).click(),
  ]);
  const exported = `${download.suggestedFilename()}\n${await readFile((await download.path())!, 'utf8')}`;
  const shown = async () => ({
    dom: await page.locator('body').innerText(),
    names: await page.locator('body').ariaSnapshot(),
    url: decodeURIComponent(page.url()),
  });
  const security = await shown();

  // The Health view: a device's path crosses QKD links, named in the full answer.
  await page.evaluate(() => {
    location.hash = '#/health?mode=public';
  });
  await expectViewLoaded(page, HEALTH);
  const device = panelNamed(page, 'Diagnostic devices')
    .getByRole('table')
    .getByRole('row')
    .nth(1)
    .getByRole('button');
  const deviceName = (await device.textContent())!;
  await device.click();
  const path = page.getByRole('list', { name: `Path of the data of ${deviceName}` });
  await expect(path.getByRole('listitem').nth(2)).toContainText(/Link [0-9A-F]{4}/);
  const health = await shown();

  const secrets = await secretsNow(request);
  expect(secrets.length).toBeGreaterThan(20);
  const seen = {
    wire: bodies.join('\n'),
    dom: `${security.dom}\n${health.dom}`,
    names: `${security.names}\n${health.names}`,
    title: await page.title(),
    url: `${security.url}\n${health.url}`,
    export: exported,
    map: ((await page.evaluate(() => (window as { __mapSources?: string[] }).__mapSources)) ?? []).join('\n'),
  };
  expect(seen.wire.length).toBeGreaterThan(1000);
  expect(seen.map.length).toBeGreaterThan(1000);
  for (const [where, text] of Object.entries(seen))
    expect(
      secrets.filter((secret) => text.includes(secret)),
      where,
    ).toEqual([]);
  expectNoProblems(problems);
});

test.describe('the server refuses other sites', () => {
  test('a page of another origin can neither read nor change alerts, nor frame the app', async ({
    page,
    request,
  }) => {
    const token = await tokenOf('operator');
    const id = await openAlertId(token, request);
    await page.route(`${ELSEWHERE}/`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Elsewhere</title><p>Elsewhere</p>',
      }),
    );
    await page.goto(`${ELSEWHERE}/`);
    const outcome = await page.evaluate(
      async ({ url, token }) => {
        const tryFetch = async (init: RequestInit) => {
          try {
            return String((await fetch(url, init)).status);
          } catch (error) {
            return `refused: ${(error as Error).name}`;
          }
        };
        return {
          read: await tryFetch({ headers: { Authorization: `Bearer ${token}` } }),
          change: await tryFetch({
            method: 'PATCH',
            headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ status: 'acknowledged' }),
          }),
        };
      },
      { url: `${API}/security/alerts/${id}`, token },
    );
    expect(outcome).toEqual({ read: 'refused: TypeError', change: 'refused: TypeError' });
    const after = (await apiAs<{ items: Alert[] }>(request, token, '/security/alerts')).items.find(
      (a) => a.id === id,
    );
    expect(
      after?.audit.some((e) => e.at > new Date(Date.now() - 60_000).toISOString() && e.to === 'acknowledged'),
    ).toBe(false);
    // A cross-site write that skips the browser's CORS check (a form post) is refused by the server.
    const forged = await request.patch(`${API}/security/alerts/${id}`, {
      headers: { ...asBearer(token), Origin: ELSEWHERE },
      data: { status: 'acknowledged' },
    });
    expect(forged.status()).toBe(403);

    // Framed by another site, the app does not load: the browser shows its error page instead.
    const headers = (await request.get(`${SIM_ORIGIN}/`)).headers();
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const framed = page.waitForEvent('framenavigated', (frame) => frame !== page.mainFrame());
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      document.body.append(frame);
    }, `${SIM_ORIGIN}/#/security`);
    expect((await framed).url()).not.toContain(SIM_ORIGIN);
  });

  test('oversized fields are refused, and an actor in the body is not who acts', async ({ request }) => {
    const token = await tokenOf('operator');
    const id = await openAlertId(token, request);
    const patch = (data: object) =>
      request.patch(`${API}/security/alerts/${id}`, { headers: asBearer(token), data });
    expect((await patch({ note: 'n'.repeat(2001) })).status()).toBe(413);
    expect((await patch({ assignee: 'a'.repeat(101) })).status()).toBe(413);
    const noted = await patch({ actor: 'Somebody else', note: 'Checked the firewall log' });
    expect(noted.status()).toBe(200);
    expect(((await noted.json()) as Alert).audit.at(-1)).toMatchObject({
      actor: 'Giulia Bianchi',
      note: 'Checked the firewall log',
    });
  });
});

test('a wall renews its access token by itself before it expires, and goes on showing data', async ({
  page,
  problems,
}) => {
  test.slow(true, 'waits in real time for the 65 s token to near its end');
  const tokens = watchTokens(page);
  const signIns: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url().includes('/oidc/')) signIns.push(frame.url());
  });
  await signInThrough(page, '#/security?mode=wall', 'wall');
  const afterSignIn = signIns.length;
  const first = tokens.at(-1)!;
  // Renewed a minute before its end (oidc-client-ts), with the refresh token: no page, no person.
  await expect.poll(() => tokens.at(-1), { timeout: 45_000, intervals: [1000] }).not.toBe(first);
  const renewed = page.waitForResponse(
    (r) =>
      r.url().startsWith(`${API}/security/alerts`) &&
      r.request().headers().authorization !== `Bearer ${first}`,
  );
  expect((await renewed).status()).toBe(200);
  expect(signIns.length).toBe(afterSignIn);
  expectNoProblems(problems);
});
