import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page, Request } from '@playwright/test';
import { DEV_ACCOUNTS } from '../mocks/server/dev-accounts';
import { signInAs } from '../mocks/server/sign-in-flow';
import { expect } from './fixtures';

/**
 * The reference server of playwright.config.ts (`serve:sim --app dist/live`, its development
 * provider's access tokens lasting 65 s) and signing in to it, as a person does or as a script.
 */
export const SIM_ORIGIN = `http://127.0.0.1:${Number(process.env.SIM_E2E_PORT) || 8788}`;
export const API = `${SIM_ORIGIN}/api/v1`;

export type Account = keyof typeof DEV_ACCOUNTS & string;

/**
 * Opens `hash` of the live app and signs in on the provider's page, as a person does; back in the
 * app, the header says who is signed in (a public screen only offers to sign out; a wall, which
 * has no header, shows its strip).
 */
export async function signInThrough(page: Page, hash: string, account: Account) {
  const asked: string[] = [];
  const record = (request: Request) => {
    if (request.url().startsWith(`${SIM_ORIGIN}/assets/`)) asked.push(new URL(request.url()).pathname);
  };
  page.on('request', record);
  await page.goto(`${SIM_ORIGIN}/${hash}`);
  await page.waitForURL(/\/oidc\/interaction\//);
  page.off('request', record);
  // The page leaves for the provider at once: it asks for its start only (what index.html names),
  // nothing the way out would cut off half-loaded.
  const start = await readFile('dist/live/index.html', 'utf8');
  expect(
    asked.filter((path) => !start.includes(`.${path}`)),
    'code asked for before leaving to sign in',
  ).toEqual([]);
  await page.getByLabel('Account').fill(account);
  await page.getByLabel('Password').fill(DEV_ACCOUNTS[account]!.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === SIM_ORIGIN && !url.pathname.startsWith('/oidc'));
  await expect(
    hash.includes('mode=wall')
      ? page.locator('.wall-strip')
      : hash.includes('mode=public') || account === 'public'
        ? page.getByRole('button', { name: 'Sign out' })
        : page.getByText(`Signed in as ${DEV_ACCOUNTS[account]!.name}`),
  ).toBeVisible();
}

/** An access token of `account`, signed in by script (Authorization Code with PKCE). */
export const tokenOf = async (account: Account) =>
  (await signInAs(SIM_ORIGIN, account, DEV_ACCOUNTS[account]!.password)).access_token;

/** The API as `token` sees it. */
export const asBearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A GET of the API with `token`, its answer parsed. */
export async function apiAs<T>(request: APIRequestContext, token: string, path: string): Promise<T> {
  const response = await request.get(`${API}${path}`, { headers: asBearer(token) });
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** The bearer token the page's own API requests carry, as they carry it now. */
export function watchTokens(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const token = /^Bearer (.+)$/.exec(request.headers().authorization ?? '')?.[1];
    if (token && request.url().startsWith(API) && seen.at(-1) !== token) seen.push(token);
  });
  return seen;
}
