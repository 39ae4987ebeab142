import type { Page } from '@playwright/test';
import { expect, expectMapReady, mapRegion, screenshot, test, VIEWS, type View } from './fixtures';
import { mapShot, measure } from './map-pixels';

/**
 * Every view composed for a wall, at the sizes walls come in: one screen that nobody scrolls,
 * without a control while idle, its smallest text readable from across the room, the map the
 * hero, and nothing cut off. 16:9 at its smallest and largest (2560×1440 lies between, at the
 * same proportions and a scale in between), then the widest, 32:9 (3440×1440 lies between it and
 * 16:9, at the same scale).
 */
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 5120, height: 1440 },
] as const;

/** Type and tiles scale with the screen's tighter side against 1920×1080. */
const scaleOf = ({ width, height }: { width: number; height: number }) =>
  Math.min(width / 1920, height / 1080);

const PLAYLIST = VIEWS.map((v) => `${v.path}:600`).join(',');

/** What the screen shows that a wall must not: scrolling, controls, small type, cut-off boxes. */
function wallFaults(page: Page) {
  return page.evaluate(() => {
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const texts = [...document.querySelectorAll('body *')].filter(
      (el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()) &&
        shown(el) &&
        !el.closest('.visually-hidden'),
    );
    const sizes = texts.map((el) => ({
      text: el.textContent!.trim().slice(0, 40),
      px: parseFloat(getComputedStyle(el).fontSize),
    }));
    const smallest = sizes.reduce((min, s) => (s.px < min.px ? s : min), sizes[0]!);
    const controls = [
      ...document.querySelectorAll('button, input, select, textarea, [role="slider"], [role="combobox"]'),
    ]
      .filter(shown)
      .map((el) => el.textContent?.trim() || el.getAttribute('aria-label') || el.tagName);
    // A box that hides what overflows it must hold it; one-line rows cut with an ellipsis say so.
    const cut = [...document.querySelectorAll('.shell *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        if (style.textOverflow === 'ellipsis' || el.closest('.maplibregl-map, .visually-hidden'))
          return false;
        return style.overflowY === 'hidden' && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + 2;
      })
      .map((el) => `${el.className}: ${el.scrollHeight} in ${el.clientHeight}`)
      // A key figure wider than its tile runs out of it, hidden or not.
      .concat(
        [...document.querySelectorAll('.stat-tile__value, .kpi-card__value')]
          .filter((el) => shown(el) && el.scrollWidth > el.clientWidth + 1)
          .map(
            (el) =>
              `${el.className} "${el.textContent!.trim()}": ${el.scrollWidth} wide in ${el.clientWidth}`,
          ),
      );
    const tileNumbers = [...document.querySelectorAll('.stat-tile__value, .kpi-card__value')]
      .filter(shown)
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    const map = document.querySelector('.shell__map:not([hidden])')?.getBoundingClientRect();
    return {
      scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight],
      smallest,
      controls,
      cut,
      smallestTileNumber: Math.min(...tileNumbers),
      mapShare: map ? (map.width * map.height) / (innerWidth * innerHeight) : 0,
    };
  });
}

async function expectComposed(page: Page, view: View, size: (typeof SIZES)[number]) {
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: view.heading, exact: true })).toBeAttached();
  await expect(main.locator('section.panel').first()).toContainText(/Updated \d/);
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
  if (view.map) await expectMapReady(page);
  else await expect(mapRegion(page)).toBeHidden();
  const scale = scaleOf(size);
  const faults = await wallFaults(page);
  expect(faults.scroll, `${view.path}: the page is the screen`).toEqual([size.width, size.height]);
  expect(faults.controls, `${view.path}: no control while idle`).toEqual([]);
  expect(faults.cut, `${view.path}: nothing cut off`).toEqual([]);
  expect(faults.smallest.px, `${view.path}: smallest text "${faults.smallest.text}"`).toBeGreaterThanOrEqual(
    20 * scale - 0.5,
  );
  expect(faults.smallestTileNumber, `${view.path}: tile numbers`).toBeGreaterThanOrEqual(48 * scale - 0.5);
  if (view.map) {
    expect(faults.mapShare, `${view.path}: the map takes half the screen`).toBeGreaterThanOrEqual(0.5);
    // One picture a size shows the map drawn there: the views share its canvas.
    if (view === VIEWS[0]) {
      const picture = await measure(page, await mapShot(page));
      expect(picture.colours, `${view.path}: the map is drawn`).toBeGreaterThan(40);
    }
  }
}

for (const size of SIZES) {
  test.describe(`wall at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test('every view fits the screen, readable and without controls', async ({
      page,
      problems,
    }, testInfo) => {
      test.slow();
      await page.goto(`/#/${VIEWS[0].path}?mode=wall&views=${PLAYLIST}`);
      for (const view of VIEWS) {
        // Moved on by the address, as a wall's own playlist does: no key or pointer to wake the controls.
        if (view !== VIEWS[0])
          await page.evaluate((path) => {
            location.hash = location.hash.replace(/^#\/\w+/, `#/${path}`);
          }, view.path);
        await expectComposed(page, view, size);
        if (view.path === 'overview')
          await screenshot(page, testInfo, `wall-${view.path}-${size.width}x${size.height}.png`);
      }
      expect(problems.pageErrors).toEqual([]);
    });
  });
}
