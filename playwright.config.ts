import { defineConfig } from '@playwright/test';

const CI = !!process.env.CI;
// 4173 unless E2E_PORT says otherwise (to run beside another preview server on the same machine).
const PORT = Number(process.env.E2E_PORT) || 4173;
// The simulated territory over HTTP serving the live build (e2e/shared-territory.spec.ts, which
// reads the same variable): 8788 unless SIM_E2E_PORT says otherwise.
const SIM_PORT = Number(process.env.SIM_E2E_PORT) || 8788;
// The demo build under test: dist/demo unless E2E_DEMO_DIR says otherwise.
const DEMO_DIR = process.env.E2E_DEMO_DIR || 'dist/demo';

/**
 * End-to-end tests against the built demo (`npm run build:demo` first): the simulated territory
 * runs in the page's MSW service worker, so no backend is needed. e2e/shared-territory.spec.ts
 * runs the live build (`npm run build` first) against the simulated territory served over HTTP.
 *
 * Playwright's own browser download does not work on this project's machines: Debian's headless
 * Chromium (`apt-get install chromium-headless-shell`, the shell Playwright itself runs headless
 * tests in) is driven instead; the full browser takes about a fifth longer for the same tests.
 * `--enable-unsafe-swiftshader` lets it create WebGL contexts on SwiftShader.
 *
 * A trace is recorded only when a test is retried: recording one for every test costs about a
 * quarter of the suite's time. `--trace on` records them on demand.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // Two workers on two cores: about a seventh faster than one (10.6 against 12.5 min for the suite),
  // though SwiftShader's drawing keeps both cores busy.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    serviceWorkers: 'allow',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1920, height: 1080 },
        deviceScaleFactor: 1,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell',
          args: [
            '--enable-unsafe-swiftshader',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --mode demo --outDir ${DEMO_DIR} --port ${PORT} --strictPort`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // `npm run serve:sim` with the live build (`npm run build` first) on the same origin, so
      // several screens share one simulated territory; the default seed and sensor count. Its
      // access tokens last 65 s, renewed a minute before their end, so a wall's renewal shows within a test (e2e/sign-in.spec.ts).
      command: `node scripts/serve-sim.mjs --port ${SIM_PORT} --host 127.0.0.1 --app dist/live --token-seconds 65`,
      url: `http://127.0.0.1:${SIM_PORT}/oidc/.well-known/openid-configuration`,
      env: { SIM_SEED: '', SIM_SENSORS: '', SIM_FAULTS: '', SIM_ISSUER: '', SIM_TOKEN_SECONDS: '' },
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
