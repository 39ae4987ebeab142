import type { Page } from '@playwright/test';
import type { SitesResponse } from '../src/api/schemas/network';
import type { Scene, Story } from '../src/api/schemas/story';
import { axeViolations, expect, screenshot, test } from './fixtures';
import { mapShot, measure } from './map-pixels';

/**
 * Presentation mode: the story on the full-screen map with a caption card, nothing to operate,
 * type scaled with the screen, key figures computed from the live API; and its printed handout.
 */

const caption = (page: Page) => page.getByRole('region', { name: 'Presentation', exact: true });
const title = (page: Page) => caption(page).getByRole('heading', { level: 2 });
const figures = (page: Page) => page.getByRole('list', { name: 'Key figures' });
const answerFrom = (page: Page, path: RegExp) =>
  page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.ok());

const FORM_CONTROLS = 'button, input, select, textarea, [role="slider"], [role="combobox"]';

/** The smallest sizes at 1920×1080, in px; other screens scale them by their tighter side. */
const AT_1080P = {
  // Within the card (the page's print copy of the scene is not on screen).
  '.presentation-caption__title': 40,
  '.presentation-caption__text': 28,
  '.scene-figure__value': 48,
  '.scene-figure__label': 20,
  '.presentation-card__notice': 20,
};

/** Nothing scrolls, nothing is cut, nothing can be operated, and the type is as large as the screen wants. */
async function expectFitsScreen(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  const scale = Math.min(height / 1080, width / 1440);
  await expect
    .poll(() =>
      page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]),
    )
    .toEqual([width, height]);
  await expect(page.locator(FORM_CONTROLS).filter({ visible: true })).toHaveCount(0);
  const card = await page.locator('.presentation-card').boundingBox();
  expect(card, 'the card is on screen').not.toBeNull();
  expect(card!.x).toBeGreaterThanOrEqual(0);
  expect(card!.y).toBeGreaterThanOrEqual(0);
  expect(card!.x + card!.width).toBeLessThanOrEqual(width);
  expect(card!.y + card!.height).toBeLessThanOrEqual(height);
  const spill = await page
    .locator('.presentation-card')
    .evaluate((e) => [e.scrollWidth - e.clientWidth, e.scrollHeight - e.clientHeight]);
  expect(spill, 'nothing spills out of the card').toEqual([0, 0]);
  const sizes = await page.evaluate(
    (selectors) =>
      Object.fromEntries(
        selectors.map((s) => [
          s,
          Math.min(
            ...[...document.querySelectorAll(`.presentation-card ${s}`)].map((e) =>
              parseFloat(getComputedStyle(e).fontSize),
            ),
          ),
        ]),
      ),
    Object.keys(AT_1080P),
  );
  for (const [selector, px] of Object.entries(AT_1080P))
    expect(sizes[selector], `${selector} at ${width}×${height}`).toBeGreaterThanOrEqual(px * scale - 0.05);
}

test.describe('presentation mode', () => {
  test('tells every scene on the full-screen map with true figures, by keyboard, at 16:9, 16:10 and 4:3', async ({
    page,
    problems,
  }, testInfo) => {
    test.slow();
    const storyAnswer = answerFrom(page, /\/territory\/story$/);
    const sitesAnswer = answerFrom(page, /\/network\/sites$/);
    await page.goto('/#/overview?mode=presentation');
    const story = (await (await storyAnswer).json()) as Story;
    await expect(page.getByRole('note')).toHaveText('Synthetic data');
    await expect(page.locator('.shell__map [data-map-ready="true"]')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('main')).toHaveCount(1);

    for (const [i, scene] of story.scenes.entries()) {
      if (i > 0) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
      await expect(title(page)).toHaveText(scene.title, { timeout: 30_000 });
      await expect(caption(page)).toContainText(`Scene ${i + 1} of ${story.scenes.length}`);
      await expect(caption(page).getByRole('listitem').nth(i)).toHaveAttribute('aria-current', 'step');
      await expect(page).toHaveURL(new RegExp(`#/${scene.view}\\?`));
      const params = new URLSearchParams(page.url().split('?')[1]);
      expect(params.get('mode')).toBe('presentation');
      expect(params.get('time') ?? '0').toBe(String(scene.timeOffsetMinutes));
      await expect(figures(page).getByRole('listitem')).toHaveCount(scene.figures.length);
      await expect(figures(page).locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
      await expect(figures(page)).not.toContainText('unavailable');
    }
    await page.keyboard.press('PageUp');
    await expect(title(page)).toHaveText(story.scenes.at(-2)!.title);
    await page.keyboard.press('Home');
    await expect(title(page)).toHaveText(story.scenes[0]!.title);
    await page.keyboard.press('End');
    await expect(title(page)).toHaveText(story.scenes.at(-1)!.title);

    // A figure is the API's, not the story's: the sites counted from the answer the page had.
    const sites = (await (await sitesAnswer).json()) as SitesResponse;
    const withSites = story.scenes.findIndex((s) => s.figures.includes('sites'));
    expect(withSites, 'a scene counts the sites').toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Home');
    for (let i = 1; i <= withSites; i++) {
      await expect(title(page)).toHaveText(story.scenes[i - 1]!.title);
      await page.keyboard.press('ArrowRight');
    }
    await expect(title(page)).toHaveText(story.scenes[withSites]!.title);
    await expect(figures(page).getByRole('listitem').filter({ hasText: '5G sites' })).toHaveText(
      `${sites.items.length} 5G sites`,
    );

    await expectFitsScreen(page, 1920, 1080);
    expect((await measure(page, await mapShot(page))).colours, 'the map is drawn').toBeGreaterThan(40);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'presentation-1920x1080.png');
    await expectFitsScreen(page, 1920, 1200);
    await expectFitsScreen(page, 1024, 768);
    await screenshot(page, testInfo, 'presentation-1024x768.png');

    // Printing the screen gives the scene on one landscape page.
    await page.emulateMedia({ media: 'print' });
    expect(pageCount(await page.pdf({ format: 'A4', landscape: true }))).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // At 4K, in Italian, a scene opened from its link, its camera reached once the map has loaded.
    await page.setViewportSize({ width: 3840, height: 2160 });
    const closer = story.scenes.findIndex((s) => s.camera.zoom > story.scenes[0]!.camera.zoom);
    expect(closer, 'a scene comes closer than the first').toBeGreaterThan(0);
    const scene = story.scenes[closer]!;
    await page.goto('about:blank');
    await page.goto(`/#/${scene.view}?mode=presentation&scene=${closer + 1}&lang=it`);
    await expect(page.getByRole('region', { name: 'Presentazione' })).toContainText(
      `Scena ${closer + 1} di ${story.scenes.length}`,
      { timeout: 30_000 },
    );
    await expect
      .poll(
        async () =>
          Math.abs(
            (await page
              .locator('.maplibregl-ctrl-scale')
              .evaluate((e: HTMLElement) => parseFloat(e.style.width))) - scaleBarWidth(scene.camera),
          ),
        { message: 'the scale bar is the scene camera’s', timeout: 30_000 },
      )
      .toBeLessThan(2);
    await expect(page.getByRole('list', { name: 'Cifre chiave' }).locator('[aria-busy="true"]')).toHaveCount(
      0,
    );
    await expectFitsScreen(page, 3840, 2160);
    await screenshot(page, testInfo, 'presentation-3840x2160.png');
    expect(problems.pageErrors).toEqual([]);
  });

  test('prints a handout of one A4 landscape page per scene, each with the map’s picture', async ({
    page,
    context,
    problems,
  }, testInfo) => {
    test.slow();
    // The light theme, as chosen at the desk (a presentation has no theme button).
    await context.addInitScript(() =>
      localStorage.setItem('territorio-ui', JSON.stringify({ state: { theme: 'light' }, version: 0 })),
    );
    const storyAnswer = answerFrom(page, /\/territory\/story$/);
    await page.goto('/#/overview?mode=presentation&handout=1');
    const story = (await (await storyAnswer).json()) as Story;
    await expect(page.getByRole('status').filter({ hasText: 'handout' })).toHaveText(
      `The handout is ready: ${story.scenes.length} pages, one per scene. Print it with Ctrl+P (⌘P on a Mac), A4 landscape.`,
      { timeout: 120_000 },
    );
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    const pages = page.getByRole('article');
    await expect(pages).toHaveCount(story.scenes.length);
    for (const [i, scene] of story.scenes.entries()) {
      const sheet = pages.nth(i);
      await expect(sheet.getByRole('heading', { level: 2 })).toHaveText(scene.title);
      await expect(sheet.getByRole('listitem')).toHaveCount(scene.figures.length);
      await expect(sheet.locator('[aria-busy="true"]')).toHaveCount(0);
      const picture = sheet.getByRole('img', { name: `The map for “${scene.title}”` });
      expect(
        await picture.evaluate((img: HTMLImageElement) => img.naturalWidth * img.naturalHeight),
      ).toBeGreaterThan(100_000);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'handout.png');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    await testInfo.attach('handout.pdf', { body: pdf, contentType: 'application/pdf' });
    expect(pageCount(pdf)).toBe(story.scenes.length);
    expect(problems.pageErrors).toEqual([]);
  });
});

/**
 * The scale bar's width at a camera: the largest round distance within its 100 px, measured along
 * the parallel of the camera's centre on the Web Mercator map (512 px tiles).
 */
function scaleBarWidth({ centre: [, lat], zoom }: Scene['camera']) {
  const metresPerPx = (2 * Math.PI * 6_378_137 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
  const widest = 100 * metresPerPx;
  const power = 10 ** Math.floor(Math.log10(widest));
  const round = [5, 3, 2, 1].find((d) => d * power <= widest)! * power;
  return round / metresPerPx;
}

/** The pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g)?.length ?? 0;
