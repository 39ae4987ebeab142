import {
  VIEWS,
  expect,
  expectMapReady,
  expectNoProblems,
  expectViewLoaded,
  mapRegion,
  test,
} from './fixtures';
import { graphicsCount, loseMapContext, watchGraphics } from './graphics-probe';
import { mapShot, measure, settledMapShot } from './map-pixels';

/**
 * The map's WebGL context can be taken away at any time (a GPU reset, a driver update, too many
 * contexts in the browser). The map says so at once, and draws again within 10 s on the context
 * the browser gives back; when the browser does not give it back, on a new map made after 2 s.
 */

const RECOVERY_MS = 10_000;
/** A new map loads its style and every source from scratch, drawn in software here. */
const NEW_MAP_MS = 20_000;

test.describe('WebGL context loss', () => {
  test.slow(true, 'the map is drawn in software, twice');

  for (const restored of [true, false]) {
    test(`the map recovers when the context is ${restored ? 'given back' : 'never given back'}`, async ({
      page,
      problems,
    }, testInfo) => {
      await watchGraphics(page);
      await page.goto('/#/overview');
      await expectViewLoaded(page, VIEWS[0]);
      const before = await measure(page, await settledMapShot(page));
      expect(before.colours, 'the map draws before').toBeGreaterThan(20);
      expect(await graphicsCount(page)).toMatchObject({ created: 1, live: 1 });

      const started = Date.now();
      const giveBack = await loseMapContext(page);
      const lost = mapRegion(page).getByRole('status').filter({ hasText: 'map’s graphics were lost' });
      await expect(lost).toBeVisible();
      await expect(mapRegion(page).locator('.map-view__canvas')).toHaveAttribute('data-map-ready', 'false');
      if (restored) await giveBack();

      const within = restored ? RECOVERY_MS : NEW_MAP_MS;
      await expect(lost).toBeHidden({ timeout: within });
      await expectMapReady(page);
      await expect
        .poll(async () => (await measure(page, await mapShot(page))).colours, {
          message: 'the map draws again',
          timeout: Math.max(1, within - (Date.now() - started)),
        })
        .toBeGreaterThan(20);
      await testInfo.attach('recovery.txt', {
        body: `drawn again ${Date.now() - started} ms after the loss`,
      });
      // One live context for the one map: a new map replaces the lost one, it is not added.
      expect(await graphicsCount(page)).toMatchObject({ created: restored ? 1 : 2, live: 1 });
      expectNoProblems(problems);
    });
  }
});
