import type { Locator, Page, TestInfo } from '@playwright/test';
import {
  POLL_MS,
  RECHECK_AFTER_ERROR_MS,
  RETRY_DELAYS_MS,
  VIEWS,
  axeViolations,
  type Violation,
  clearFaults,
  faultList,
  onEveryEndpoint,
  expect,
  expectMapReady,
  expectViewLoaded,
  mapRegion,
  navLabel,
  panelNamed,
  panels,
  setFaults,
  test,
  type View,
  raiseCriticalAlert,
} from './fixtures';

/**
 * Accessibility beyond the normal state (views.spec.ts covers that): axe's WCAG 2.1 A/AA rules in
 * every view while loading, failed, stale and empty, in both themes, and in wall and presentation
 * modes; then every view from the keyboard alone: each control reached by Tab with a visible focus
 * indicator, and a sample of them operated with keys.
 */

type Theme = 'dark' | 'light';
const otherTheme = (theme: Theme): Theme => (theme === 'dark' ? 'light' : 'dark');

const themeButton = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: /^(Light|Dark) theme$/ });

async function currentTheme(page: Page): Promise<Theme> {
  return (await page.locator('html').getAttribute('data-theme')) === 'light' ? 'light' : 'dark';
}

/** Axe in the theme on screen, then in the other one (switched with the header's button). */
async function axeInBothThemes(page: Page, axe: (page: Page) => Promise<Violation[]> = axeViolations) {
  const found: Partial<Record<Theme, Violation[]>> = {};
  const first = await currentTheme(page);
  found[first] = await axe(page);
  await themeButton(page).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', otherTheme(first));
  found[otherTheme(first)] = await axe(page);
  return found;
}

/*
 * Time is the page's own (Playwright's clock): states that come with time (an error after the
 * retries, stale data after a failed refresh) are skipped to rather than waited for, and the
 * loading state is held by stopping the clock, so a request that never answers never times out.
 */

/** Waits for `check` (its own waiting short), moving the page's clock past the next retry each time. */
async function throughRetries(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.clock.fastForward(Math.max(...RETRY_DELAYS_MS));
    await check();
  }).toPass({ intervals: [0], timeout: 60_000 });
}

/** A check made once per move of the clock, its own waiting short. */
const QUICK = { timeout: 1_000 };

/** How far the stopped clock is moved on at a time while the page is waited for. */
const STEP_MS = 50;
/** A check made once per step. */
const STEPWISE = { timeout: 100 };

/**
 * Waits for `check` (its own waiting short) with the page's clock stopped, moving it on a step
 * each time it fails: the page's time goes no faster than real time, and only as far as needed.
 */
async function runUntil(page: Page, check: () => Promise<unknown>) {
  await expect(async () => {
    try {
      await check();
    } catch (error) {
      await Promise.all([page.clock.fastForward(STEP_MS), new Promise((r) => setTimeout(r, STEP_MS))]);
      throw error;
    }
  }).toPass({ intervals: [0], timeout: 60_000 });
}

/**
 * Keeps the browser's own setTimeout for axe, which needs it to finish while the page's clock is
 * stopped. Call before the clock is installed.
 */
async function keepRealTimers(page: Page) {
  await page.addInitScript(() => {
    Object.assign(window, {
      __realTimers: { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout },
    });
  });
}

/** Axe on the browser's own timers (the page's clock stopped), the page's put back after. */
async function axeOnRealTimers(page: Page) {
  const swap = () =>
    page.evaluate(() => {
      const w = window as unknown as {
        __realTimers: Pick<Window, 'setTimeout' | 'clearTimeout'>;
      } & Window;
      const real = w.__realTimers;
      w.__realTimers = { setTimeout: w.setTimeout, clearTimeout: w.clearTimeout };
      Object.assign(w, real);
    });
  await swap();
  try {
    return await axeViolations(page);
  } finally {
    await swap();
  }
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const viewHeading = (page: Page, view: View) =>
  page.getByRole('main').getByRole('heading', { level: 1, name: view.heading, exact: true });

/** Opens a view from the navigation, as a user moves between views without reloading. */
async function openFromNav(page: Page, view: View) {
  await nav(page)
    .getByRole('link', { name: navLabel(view), exact: true })
    .click();
  await expect(viewHeading(page, view)).toBeVisible();
  await expect(panels(page)).toHaveCount(view.panels.length);
}

/** Waits until each of the view's panels satisfies `check`. */
async function eachPanel(page: Page, view: View, check: (panel: Locator, title: string) => Promise<void>) {
  for (const title of view.panels) await check(panelNamed(page, title), title);
}

test.describe('axe in every state, both themes', () => {
  test.describe.configure({ timeout: 150_000 });

  test('while loading: every endpoint hangs from the first request', async ({ page }, testInfo) => {
    const found: Record<string, unknown> = {};
    // The clock stopped as the page opens and moved on only as the screen needs it: nothing
    // answers and nothing times out, so every view stays loading for as long as axe takes.
    await keepRealTimers(page);
    await page.clock.install();
    await page.goto(`/?faults=${faultList(onEveryEndpoint('hang'))}#/${VIEWS[0].path}`, {
      waitUntil: 'commit',
    });
    await page.clock.pauseAt(await page.evaluate(() => Date.now())).catch((error: unknown) => {
      // The clock ran on meanwhile: stopped where it is.
      if (!/to the past/.test(String(error))) throw error;
    });
    for (const view of VIEWS) {
      await runUntil(page, () =>
        nav(page)
          .getByRole('link', { name: navLabel(view), exact: true })
          .click(QUICK),
      );
      await runUntil(page, async () => {
        await expect(viewHeading(page, view)).toBeVisible(STEPWISE);
        await expect(panels(page)).toHaveCount(view.panels.length, STEPWISE);
        await eachPanel(page, view, async (panel, title) => {
          await expect(panel.getByText('Loading…'), `"${title}" says it is loading`).toBeVisible(STEPWISE);
        });
        if (view.map) await expect(mapRegion(page)).toContainText('Loading the territory', STEPWISE);
      });
      found[view.path] = await axeInBothThemes(page, axeOnRealTimers);
    }
    await attachAndExpectNone(testInfo, found);
  });

  test('failed: every endpoint answers 500', async ({ page }, testInfo) => {
    const found: Record<string, unknown> = {};
    await page.clock.install();
    await page.goto(`/?faults=${faultList(onEveryEndpoint('server-error'))}#/${VIEWS[0].path}`);
    for (const view of VIEWS) {
      await openFromNav(page, view);
      // Each panel's query is retried twice before its error shows: skipped through.
      await throughRetries(page, () =>
        eachPanel(page, view, async (panel, title) => {
          await expect(panel.getByRole('alert'), `"${title}" shows its error`).toContainText(
            'The backend answered with an error',
            QUICK,
          );
        }),
      );
      found[view.path] = await axeInBothThemes(page);
    }
    await attachAndExpectNone(testInfo, found);
  });

  test('empty: every list the API returns is empty', async ({ page }, testInfo) => {
    const found: Record<string, unknown> = {};
    await page.clock.install();
    await page.goto(`/?faults=${faultList(onEveryEndpoint('empty'))}#/${VIEWS[0].path}`);
    for (const view of VIEWS) {
      await openFromNav(page, view);
      // An empty territory fails validation (it has at least one municipality), so panels that need
      // it say what is missing; the others say they have nothing.
      await throughRetries(page, () =>
        eachPanel(page, view, async (panel, title) => {
          await expect(panel.getByText('Loading…'), `"${title}" is no longer loading`).toHaveCount(0, QUICK);
        }),
      );
      found[view.path] = await axeInBothThemes(page);
    }
    await attachAndExpectNone(testInfo, found);
  });

  test('stale: loaded, then every endpoint fails at run time', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const found: Record<string, unknown> = {};
    await page.clock.install();
    await page.goto(`/#/${VIEWS[0].path}`);
    for (const view of VIEWS) {
      await openFromNav(page, view);
      await expectViewLoaded(page, view);
      await setFaults(page, onEveryEndpoint('server-error'));
      // Every query polls in a round, and fails once its retries are skipped through.
      await page.clock.fastForward(POLL_ROUND);
      await throughRetries(page, () =>
        eachPanel(page, view, async (panel, title) => {
          const status = panel.getByRole('status').filter({ hasText: /^⚠ Stale: as of \d/ });
          await expect(status, `"${title}" says its data is stale`).toBeVisible(QUICK);
          await expect(panel, `"${title}" says why`).toContainText('HTTP 500', QUICK);
        }),
      );
      found[view.path] = await axeInBothThemes(page);
      // The backend recovers, and so does every query, at its recheck: the next view loads healthy.
      await clearFaults(page);
      await page.clock.fastForward(RECHECK_AFTER_ERROR_MS);
    }
    await attachAndExpectNone(testInfo, found);
  });
});

/** Longer than the longest refresh interval (coverage, 10 min): every query polls in it. */
const POLL_ROUND = Math.max(...Object.values(POLL_MS)) + 30_000;

test.describe('axe in wall and presentation modes', () => {
  test('the wall and its critical interruption in the light theme, a presentation scene in both themes', async ({
    page,
  }, testInfo) => {
    test.slow();
    const found: Record<string, unknown> = {};
    await page.clock.install();
    // modes.spec.ts checks both modes in the dark theme. A wall has no theme button: the theme is
    // chosen at the desk and remembered.
    await page.goto('/#/overview');
    await expectViewLoaded(page, VIEWS[0]);
    await themeButton(page).click();
    await page.goto('/#/overview?mode=wall&views=overview:600');
    await expect(page.getByRole('region', { name: 'Wall playlist' })).toContainText('Overview · view 1 of 1');
    await expectViewLoaded(page, VIEWS[0]);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    found.wall = await axeViolations(page);
    await raiseCriticalAlert(page);
    // The wall learns of it at the next alerts poll, skipped to.
    await page.clock.fastForward(POLL_MS.alerts!);
    await expect(page.getByRole('alertdialog', { name: 'New critical alert' })).toBeVisible();
    found.wallInterrupted = await axeViolations(page);

    // A presentation has no theme button either: each theme is chosen at the desk.
    const presentation = async () => {
      await page.goto('/#/network?mode=presentation&scene=2');
      await page.reload();
      const caption = page.getByRole('region', { name: 'Presentation' });
      await expect(caption).toContainText('Scene 2 of', { timeout: 30_000 });
      await expect(page.getByRole('note')).toHaveText('Synthetic data');
      await expectMapReady(page);
      return axeViolations(page);
    };
    const light = await presentation();
    await page.goto('/#/network');
    await expectViewLoaded(page, VIEWS[1]);
    await themeButton(page).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    found.presentation = { light, dark: await presentation() };
    await testInfo.attach('axe-violations.json', {
      body: JSON.stringify(found, null, 2),
      contentType: 'application/json',
    });
    expect(found).toEqual({
      wall: [],
      wallInterrupted: [],
      presentation: { light: [], dark: [] },
    });
  });
});

async function attachAndExpectNone(testInfo: TestInfo, found: Record<string, unknown>) {
  await testInfo.attach('axe-violations.json', {
    body: JSON.stringify(found, null, 2),
    contentType: 'application/json',
  });
  const none = Object.fromEntries(Object.keys(found).map((k) => [k, { dark: [], light: [] }]));
  expect(found).toEqual(none);
}

// Keyboard ------------------------------------------------------------------------------------

/** A control as the walk reports it: its tag, role and name, for failure messages. */
interface FocusStop {
  id: string;
  what: string;
  /** Why its focus indicator does not show, or null when it does. */
  problem: string | null;
}

/**
 * Marks every control a keyboard user must be able to reach: links, buttons, inputs, selects,
 * text areas and anything else in the tab order (the map's canvas included), when shown and
 * enabled. Remembers how each looks unfocused, and records every element Tab focuses from now on,
 * with whether its focus indicator shows.
 */
async function markControlsAndRecordFocus(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const name =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '';
      const role = el.getAttribute('role') ?? (el as HTMLInputElement).type ?? '';
      return `<${el.tagName.toLowerCase()}${role ? ` ${role}` : ''}> "${name.trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
    };
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return {
        outlineStyle: s.outlineStyle,
        outlineWidth: parseFloat(s.outlineWidth) || 0,
        outlineOffset: parseFloat(s.outlineOffset) || 0,
        outlineColor: s.outlineColor,
        boxShadow: s.boxShadow,
      };
    };
    type Look = ReturnType<typeof look>;
    const transparent = (colour: string) => /rgba\(.*,\s*0\)$|transparent/.test(colour);
    const overflows = (s: CSSStyleDeclaration) => [s.overflowX, s.overflowY].some((o) => o !== 'visible');
    /** Whether some of an outline drawn around `el` escapes every ancestor that clips it. */
    const outlineShows = (el: Element, l: Look) => {
      const r = el.getBoundingClientRect();
      const out = Math.max(0, l.outlineOffset + l.outlineWidth);
      const band = { left: r.left - out, top: r.top - out, right: r.right + out, bottom: r.bottom + out };
      let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (!overflows(getComputedStyle(a))) continue;
        const c = a.getBoundingClientRect();
        clip = {
          left: Math.max(clip.left, c.left),
          top: Math.max(clip.top, c.top),
          right: Math.min(clip.right, c.right),
          bottom: Math.min(clip.bottom, c.bottom),
        };
      }
      if (l.outlineOffset + l.outlineWidth <= 0)
        return r.right > clip.left && r.left < clip.right && r.bottom > clip.top && r.top < clip.bottom;
      // One side's band of the outline inside the clip is enough to see it.
      const inside = (x1: number, x2: number, y1: number, y2: number) =>
        Math.min(x2, clip.right) - Math.max(x1, clip.left) >= 1 &&
        Math.min(y2, clip.bottom) - Math.max(y1, clip.top) >= 1;
      const inner = out - l.outlineWidth;
      return (
        inside(band.left, band.right, band.top, r.top - inner) ||
        inside(band.left, band.right, r.bottom + inner, band.bottom) ||
        inside(band.left, r.left - inner, band.top, band.bottom) ||
        inside(r.right + inner, band.right, band.top, band.bottom)
      );
    };
    const indicatorProblem = (el: Element, before: Look | undefined): string | null => {
      const now = look(el);
      const outline = now.outlineStyle !== 'none' && now.outlineWidth > 0 && !transparent(now.outlineColor);
      const outlineChanged =
        !before ||
        before.outlineStyle !== now.outlineStyle ||
        before.outlineWidth !== now.outlineWidth ||
        before.outlineColor !== now.outlineColor;
      const shadow = now.boxShadow !== 'none' && now.boxShadow !== before?.boxShadow;
      if (shadow) return null;
      if (!outline) return `no outline or box-shadow when focused (outline ${now.outlineStyle})`;
      if (!outlineChanged) return 'looks the same focused and unfocused';
      if (!outlineShows(el, now)) return 'its outline is clipped away by an ancestor with overflow';
      return null;
    };

    const unfocused = new Map<Element, Look>();
    const ids: string[] = [];
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]';
    let next = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.tabIndex < 0 || el.matches(':disabled') || el.closest('[inert]')) continue;
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      el.dataset.kbd = `c${next++}`;
      ids.push(el.dataset.kbd);
      unfocused.set(el, look(el));
    }
    const stops: { id: string; what: string; problem: string | null }[] = [];
    let unmarked = 0;
    document.addEventListener('focusin', (event) => {
      const el = event.target as HTMLElement;
      if (!(el instanceof HTMLElement) || el === document.body) return;
      el.dataset.kbd ??= `u${unmarked++}`;
      stops.push({
        id: el.dataset.kbd,
        what: describe(el),
        problem: indicatorProblem(el, unfocused.get(el)),
      });
    });
    (window as unknown as { __focusStops: typeof stops }).__focusStops = stops;
    return ids;
  });
}

const focusStops = (page: Page) =>
  page.evaluate(() => (window as unknown as { __focusStops: FocusStop[] }).__focusStops);

/** Puts the focus back on the document itself, so the next Tab starts from the top of the page. */
const startTabbingFromTheTop = (page: Page) =>
  page.evaluate(() => {
    const body = document.body;
    body.tabIndex = -1;
    body.focus();
    body.removeAttribute('tabindex');
  });

const TAB = { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9 };

/**
 * Tabs from the top of the page until focus comes back round to the first control (or leaves the
 * page), and returns each control in the order focused. The key presses go straight to the
 * browser's input (as Playwright's own do), twenty at a time: one traced action per press would
 * snapshot the page hundreds of times.
 */
async function tabThroughPage(page: Page, controls: number): Promise<FocusStop[]> {
  const input = await page.context().newCDPSession(page);
  const limit = controls + 60;
  for (let pressed = 0; pressed < limit; pressed += 20) {
    const presses: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      presses.push(input.send('Input.dispatchKeyEvent', { type: 'keyDown', ...TAB }));
      presses.push(input.send('Input.dispatchKeyEvent', { type: 'keyUp', ...TAB }));
    }
    await Promise.all(presses);
    const stops = await focusStops(page);
    const round = stops.findIndex((s, i) => i > 0 && s.id === stops[0]!.id);
    if (round > 0) return stops.slice(0, round);
    if (await page.evaluate(() => document.activeElement === document.body)) return stops;
  }
  throw new Error(`Tab did not come round to the first control after ${limit} presses`);
}

/** Marked controls that are still on the page, shown and enabled, by id, with their description. */
const stillThere = (page: Page, ids: readonly string[]) =>
  page.evaluate((ids) => {
    const out: Record<string, string> = {};
    for (const id of ids) {
      const el = document.querySelector<HTMLElement>(`[data-kbd="${id}"]`);
      if (!el || el.matches(':disabled') || !el.checkVisibility({ visibilityProperty: true })) continue;
      out[id] =
        `<${el.tagName.toLowerCase()}> "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`;
    }
    return out;
  }, ids);

/** Focuses a control (as Tab would) and presses keys on it. */
async function pressOn(control: Locator, ...keys: string[]) {
  await control.focus();
  for (const key of keys) await control.page().keyboard.press(key);
}

/** In a details panel opened from `opener`: Escape closes it and gives the focus back to `opener`. */
async function expectEscapeCloses(details: Locator, opener: Locator) {
  await details.getByRole('button', { name: 'Close details' }).focus();
  await details.page().keyboard.press('Escape');
  await expect(details, 'Escape closes the details').toHaveCount(0);
  await expect(opener, 'the focus goes back to the control that opened them').toBeFocused();
}

const inViewList = (page: Page) => mapRegion(page).getByRole('region', { name: 'Features in view' });

/** A few controls of each view, worked with keys only, each changing what the screen shows. */
const OPERATE: Record<View['path'], (page: Page) => Promise<void>> = {
  overview: async (page) => {
    await pressOn(themeButton(page), 'Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await pressOn(themeButton(page), 'Space');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    const traffic = mapRegion(page).getByRole('checkbox', { name: 'Traffic', exact: true });
    const legendTraffic = mapRegion(page)
      .getByRole('region', { name: 'Map legend' })
      .getByRole('heading', { name: 'Traffic', exact: true });
    await pressOn(traffic, 'Space');
    await expect(traffic).not.toBeChecked();
    await expect(legendTraffic).toHaveCount(0);
    await pressOn(traffic, 'Space');
    await expect(legendTraffic).toBeVisible();

    const slider = mapRegion(page).getByRole('slider', { name: 'Map time' });
    await pressOn(slider, 'ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '+15 min, forecast');
    await expect(mapRegion(page).locator('.map-timeline').getByRole('status')).toContainText('Forecast');
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveAttribute('aria-valuetext', 'now, live');

    const row = inViewList(page).getByRole('row').nth(1).getByRole('button');
    const name = (await row.textContent())!.trim();
    await pressOn(row, 'Enter');
    const details = mapRegion(page).getByRole('region', { name: `Details: ${name}`, exact: true });
    await expect(details).toBeVisible();
    await expect(row).toHaveAttribute('aria-pressed', 'true');
    await expectEscapeCloses(details, row);
  },
  network: async (page) => {
    const sites = panelNamed(page, 'Sites');
    await pressOn(sites.getByRole('button', { name: /^Site/ }), 'Enter');
    await expect(sites.getByRole('columnheader', { name: /^Site/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    await page.keyboard.press('Enter');
    await expect(sites.getByRole('columnheader', { name: /^Site/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );

    const status = sites.getByRole('combobox', { name: 'Status' });
    await pressOn(status, 'ArrowDown');
    await expect(status).toHaveValue('online');
    await expect(sites.getByRole('table').getByText(/^(Degraded|Offline|Maintenance)$/)).toHaveCount(0);

    const row = sites.getByRole('row').nth(1).getByRole('button');
    const name = (await row.textContent())!.trim();
    await pressOn(row, 'Space');
    const details = mapRegion(page).getByRole('region', { name: `Details: ${name}`, exact: true });
    await expect(details).toContainText('Operator');
    await expectEscapeCloses(details, row);
  },
  environment: async (page) => {
    // By what it controls: its name changes to "Hide data table" once pressed.
    const id = await page
      .getByRole('main')
      .getByRole('button', { name: 'Show data table' })
      .first()
      .getAttribute('aria-controls');
    const show = page.locator(`button[aria-controls="${id}"]`);
    const table = page.locator(`[id="${id}"]`);
    await pressOn(show, 'Enter');
    await expect(show).toHaveAttribute('aria-expanded', 'true');
    await expect(show).toHaveText('Hide data table');
    await expect(table.getByRole('table')).toBeVisible();
    await page.keyboard.press('Space');
    await expect(table).toHaveCount(0);

    const no2 = page.getByRole('group', { name: 'Pollutant' }).getByRole('button', { name: 'NO₂' });
    await pressOn(no2, 'Enter');
    await expect(no2).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('main').getByRole('region', { name: /^Outlook: NO₂, / })).toBeVisible();
  },
  mobility: async (page) => {
    const horizon = page
      .getByRole('group', { name: 'Forecast horizon' })
      .getByRole('button', { name: '1 h' });
    await pressOn(horizon, 'Enter');
    await expect(horizon).toHaveAttribute('aria-pressed', 'true');
    await expect(panelNamed(page, 'Traffic forecast, next 1 h')).toBeVisible();
  },
  security: async (page) => {
    const alerts = panelNamed(page, 'Alerts');
    const bulk = alerts.getByRole('group', { name: 'Selected alerts' });
    const pick = alerts.getByRole('row').nth(1).getByRole('checkbox');
    await pressOn(pick, 'Space');
    await expect(pick).toBeChecked();
    await expect(bulk).toContainText('1 selected');
    await page.keyboard.press('Space');
    await expect(bulk).toContainText('None selected');

    const row = alerts.getByRole('row').nth(1).getByRole('button').first();
    await pressOn(row, 'Enter');
    const details = alerts.getByRole('region', { name: 'Selected alert' });
    await expect(details).toContainText('Audit trail');
    await expectEscapeCloses(details, row);

    const link = panelNamed(page, 'Quantum key distribution links')
      .getByRole('row')
      .nth(1)
      .getByRole('button');
    const name = (await link.textContent())!.trim();
    await pressOn(link, 'Enter');
    await expect(panelNamed(page, `QKD link: ${name}`)).toBeVisible();
  },
  health: async (page) => {
    const devices = panelNamed(page, 'Diagnostic devices');
    const state = devices.getByRole('combobox', { name: 'State' });
    await pressOn(state, 'ArrowDown');
    await expect(state).toHaveValue('in-use');
    await expect(devices.getByRole('table').getByText(/^(Idle|Maintenance|Fault|Offline)$/)).toHaveCount(0);
    // Back to every state: out of clinic hours no device is in use.
    await page.keyboard.press('ArrowUp');
    await expect(state).toHaveValue('');

    const row = devices.getByRole('row').nth(1).getByRole('button');
    const name = (await row.textContent())!.trim();
    await pressOn(row, 'Space');
    await expect(panelNamed(page, `Device ${name}`)).toBeVisible();
    const details = mapRegion(page).getByRole('region', { name: `Details: ${name}`, exact: true });
    await expect(details.getByRole('list', { name: `Path of the data of ${name}` })).toBeVisible();
    await expectEscapeCloses(details, row);
    await expect(panelNamed(page, `Device ${name}`)).toHaveCount(0);
  },
  kpis: async (page) => {
    const month = page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Month' });
    await pressOn(month, 'Enter');
    await expect(month).toHaveAttribute('aria-pressed', 'true');
    await expect(panelNamed(page, 'Indicators, last month')).toBeVisible();
  },
};

test.describe('keyboard only', () => {
  test.describe.configure({ timeout: 120_000 });

  for (const view of VIEWS) {
    test(`${view.path}: Tab reaches every control with a visible focus indicator, and keys work them`, async ({
      page,
    }) => {
      await page.goto(`/#/${view.path}`);
      await expectViewLoaded(page, view);
      // Paused from the keyboard, so no poll reorders a table while Tab goes through it.
      const pause = page.getByRole('banner').getByRole('button', { name: 'Pause auto-refresh' });
      await pressOn(pause, 'Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Auto-refresh is paused' })).toBeVisible();
      await expect(
        page.getByRole('banner').getByRole('button', { name: 'Resume auto-refresh', pressed: true }),
      ).toBeFocused();
      await startTabbingFromTheTop(page);
      const ids = await markControlsAndRecordFocus(page);
      const stops = await tabThroughPage(page, ids.length);
      expect(stops[0]?.what, 'the first Tab lands on the skip link').toContain('Skip to content');
      const reached = new Set(stops.map((s) => s.id));
      const missing = Object.entries(await stillThere(page, ids))
        .filter(([id]) => !reached.has(id))
        .map(([, what]) => what);
      expect(missing, 'controls Tab never reached').toEqual([]);
      expect(
        stops.filter((s) => s.problem).map((s) => `${s.what}: ${s.problem}`),
        'focused controls without a visible focus indicator',
      ).toEqual([]);
      if (view.map)
        expect(
          stops.map((s) => s.what),
          'the map itself is in the tab order',
        ).toContain('<canvas region> "Map"');

      await OPERATE[view.path](page);
    });
  }

  test('the skip link moves the focus to the main content and stays on the view', async ({ page }) => {
    const security = VIEWS.find((v) => v.path === 'security')!;
    await page.goto('/#/security');
    await expect(viewHeading(page, security)).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(viewHeading(page, security), 'still on the Security view').toBeVisible({ timeout: 5000 });
    await expect(page).toHaveURL(/#\/security/);
  });
});
