/**
 * The live build as screens get it: `npm run serve:sim -- --app dist/live` (the simulated backend,
 * its OpenID provider and the app on one origin), run as its own process so the benchmark measures
 * exactly what that command serves, and a provider session of the wall account to open it with.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser, Cookie } from '@playwright/test';
import type { Served } from './builds.ts';

const START_TIMEOUT_MS = 60_000;
/** The account a wall screen signs in with (README, "Security model"). */
const WALL_ACCOUNT = { username: 'wall', password: 'wall-territorio' };

/** A port free now on 127.0.0.1, for the server to take. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Resolves once the server answers the app's page; rejects if the process ends first. */
async function answering(url: string, exited: Promise<unknown>) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let stopped = false;
  void exited.then(() => (stopped = true));
  while (Date.now() < deadline && !stopped) {
    const response = await fetch(url).catch(() => null);
    if (response?.ok) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`serve:sim did not answer at ${url}${stopped ? ': it stopped' : ''}`);
}

/** Starts `serve:sim` with the live build (dist/live, built before) on a free port. */
export async function serveLive(root: string): Promise<Served> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(root, 'scripts', 'serve-sim.mjs'), '--app', 'dist/live', '--port', String(port)],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Its errors are shown; oidc-provider's warnings about Node 20 and its in-memory store are not.
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n'))
      if (line && !line.startsWith('oidc-provider WARNING')) console.error(`  serve:sim: ${line}`);
  });
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  try {
    await answering(`${url}/`, exited);
  } catch (error) {
    child.kill();
    throw error;
  }
  return {
    url,
    close: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The development provider's session cookies: a screen that has them signs in without a form. */
export interface ProviderSession {
  cookies: Cookie[];
  /** The same, as a `Cookie` header, for a browser that starts with none (Lighthouse's). */
  header: string;
}

/**
 * Signs in once as the wall account through the provider's form, as the person setting up a wall
 * does; every measured load then starts with only this session (no tokens, no cache), as a wall
 * browser after a restart: the app redirects to the provider, which sends it straight back.
 */
export async function signInAsWall(browser: Browser, origin: string): Promise<ProviderSession> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/#/overview`);
    await page.fill('#username', WALL_ACCOUNT.username);
    await page.fill('#password', WALL_ACCOUNT.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('main section.panel', { timeout: 120_000 });
    // The interaction's cookies (on their own paths) are spent; the session's are on `/`.
    const cookies = (await context.cookies()).filter((cookie) => cookie.path === '/');
    if (cookies.length === 0) throw new Error('signed in as wall but the provider set no session cookie');
    return { cookies, header: cookies.map(({ name, value }) => `${name}=${value}`).join('; ') };
  } finally {
    await context.close();
  }
}
