import type { Page } from '@playwright/test';
import {
  expect,
  expectFresh,
  faultList,
  onEveryEndpoint,
  panelNamed,
  STALE,
  test,
  UPDATED,
} from './fixtures';
import { signInThrough } from './sign-in';
import { LAST_KNOWN_WRITE_MS } from '../src/app/identity/last-known-state';

/**
 * A screen's last-known state (src/app/identity/last-known-state.ts): kept in the browser per
 * identity and projection, painted at once when the screen is opened again, and forgotten at
 * sign-out.
 */

/** The keys of the last-known states this origin keeps, without creating its database. */
const lastKnownKeys = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'territorio')) return [];
    return new Promise<string[]>((resolve, reject) => {
      const open = indexedDB.open('territorio');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const keys = db.transaction('last-known').objectStore('last-known').getAllKeys();
        keys.onsuccess = () => {
          db.close();
          resolve(keys.result.map(String));
        };
        keys.onerror = () => reject(keys.error);
      };
    });
  });

/** A panel's figures and words, its status line left out. */
const panelText = (page: Page, title: string) =>
  panelNamed(page, title).evaluate((panel) =>
    [...panel.querySelectorAll('dl, ul')].map((list) => (list as HTMLElement).innerText).join('\n'),
  );

test('a screen opened again paints its last-known state at once, with its age, while the backend does not answer', async ({
  page,
  problems,
}) => {
  await page.clock.install();
  await page.goto('/#/overview');
  const air = panelNamed(page, 'Air and traffic');
  await expectFresh(air);
  await expectFresh(panelNamed(page, 'Security alerts'));
  const updated = (await air.getByText(UPDATED).textContent())!;
  const figures = await panelText(page, 'Air and traffic');
  // Written within ten seconds of a change.
  await page.clock.fastForward(LAST_KNOWN_WRITE_MS);
  await expect.poll(() => lastKnownKeys(page)).toEqual(['demo-operator:full']);

  // Switched on again, the backend asked but silent.
  await page.goto(`/?faults=${faultList(onEveryEndpoint('hang'))}#/overview`);
  await expect(air.getByText(updated, { exact: true })).toBeVisible();
  expect(await panelText(page, 'Air and traffic')).toBe(figures);
  // Alerts are never painted from a last-known state: a critical one may have been handled since.
  await expect(panelNamed(page, 'Security alerts').getByText('Loading…')).toBeVisible();
  // As the minutes pass without an answer, the panel says how old what it shows is.
  await page.clock.fastForward(3 * 60_000);
  const stale = air.getByRole('status').filter({ hasText: STALE });
  await expect(stale).toContainText(`as of ${updated.replace('Updated ', '')}`);
  expect(problems.pageErrors).toEqual([]);
});

test('signing out forgets what the screen kept', async ({ page, problems }) => {
  await page.clock.install();
  await signInThrough(page, '#/overview', 'operator');
  await expectFresh(panelNamed(page, 'Air and traffic'));
  await page.clock.fastForward(LAST_KNOWN_WRITE_MS);
  await expect.poll(() => lastKnownKeys(page)).toEqual([expect.stringMatching(/:full$/)]);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/oidc\//);
  expect(await lastKnownKeys(page)).toEqual([]);
  // Requests cut short by the sign-in's redirect are not problems here.
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});
