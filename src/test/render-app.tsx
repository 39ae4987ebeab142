import { StrictMode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { cleanup, configure, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HashRouter } from 'react-router';
import { createTestServer } from '../../mocks/node';
import { clearFaults } from '../../mocks/scenarios';
import { createSimulation, type SimulationOptions } from '../../mocks/territory/simulation';
import { createQueryClient } from '../app/query-client';
import { AppRoutes } from '../app/router';
import { useUiStore } from '../store/ui-store';
import type { Role } from '../api/access';
import { apiSession } from '../api/session';
import { DemoIdentity } from '../app/identity/demo-identity';
import { ScreenClientsProvider } from '../app/identity/screen-clients';

/**
 * The instant the simulated territory is frozen at: a Wednesday, 09:30 in Milan, when the morning
 * rush is fading. At this instant two sites are offline and five degraded, and a high-severity
 * QKD alert is being worked on, so every view has something to show.
 */
export const SIMULATED_NOW = Date.parse('2026-03-11T08:30:00Z');

/**
 * The simulation every component test runs against: the default seed, a fixed clock and a small
 * territory (the sixty sites and every corridor, a fifth of the default sensors: 24 air stations),
 * so a test renders what it is about instead of waiting for thousands of readings. Scale is
 * proven where it is the subject: the schemas' size limit, the map benchmark and the e2e suite.
 */
export const SIMULATION_OPTIONS = { now: () => SIMULATED_NOW, sensorCount: 300 } satisfies SimulationOptions;

/**
 * A second, identical simulation for working out what the screen should show. The simulation is
 * deterministic for a seed and a time, so it answers what the API answers.
 */
export const expectedTerritory = () => createSimulation(SIMULATION_OPTIONS);

// A view's first data is fetched, validated and joined before a panel shows it, which can take a
// while on a busy 2-core machine: wait for data longer than the 1 s default.
const WAIT_FOR_DATA_MS = 5_000;
configure({ asyncUtilTimeout: WAIT_FOR_DATA_MS });

const clients = new Set<QueryClient>();

/**
 * A fresh QueryClient with the app's defaults, except that nothing is retried: a failing endpoint
 * shows its error at once instead of after the backoff (TkDodo's advice for tests).
 */
export function createTestQueryClient(): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retry: false } });
  return client;
}

/**
 * Serves the simulated API to every test of the file. Call it once at the top of a test file.
 *
 * Besides starting MSW, it gives the page the simulation's clock: `Date` starts at
 * SIMULATED_NOW in each test and runs on in real time (timers stay real), so ages, freshness and
 * the sensors' "stale" marks are judged against the same time the data was made at.
 */
export function setupSimulatedApi() {
  // A test may wait for data several times; leave room so a failing wait reports what it saw
  // instead of the test timing out first.
  vi.setConfig({ testTimeout: 3 * WAIT_FOR_DATA_MS });
  const server = createTestServer(SIMULATION_OPTIONS);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: SIMULATED_NOW });
  });
  afterEach(() => {
    // Unmount before the caches go, so no observer refetches into a cleared client.
    cleanup();
    for (const client of clients) client.clear();
    clients.clear();
    server.resetHandlers();
    clearFaults();
    useUiStore.setState({ theme: 'dark', refreshPaused: false });
    apiSession.projection = 'full';
    localStorage.clear();
    delete document.documentElement.dataset.theme;
    vi.useRealTimers();
  });
  afterAll(() => server.close());
  return server;
}

/**
 * Renders the whole app — shell and routes — at `url` (e.g. '/network?status=offline'), as
 * main.tsx does in the demo, signed in with the demo identity's `role` (an operator unless said),
 * with fresh QueryClients.
 */
export function renderApp(url = '/overview', { role = 'operator' }: { role?: Role } = {}) {
  const client = createTestQueryClient();
  const publicClient = createTestQueryClient();
  clients.add(client).add(publicClient);
  window.history.replaceState(null, '', `#${url}`);
  const user = userEvent.setup();
  const result = render(
    <StrictMode>
      <ScreenClientsProvider clients={{ full: client, public: publicClient }}>
        <DemoIdentity initialRole={role}>
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </DemoIdentity>
      </ScreenClientsProvider>
    </StrictMode>,
  );
  /** The URL's search params as they are now: what a copied link would reopen. */
  const searchParams = () => new URLSearchParams(window.location.hash.split('?')[1]);
  /** The view's path and search as the hash holds them now. */
  const location = () => {
    const [pathname = '', search] = window.location.hash.slice(1).split('?');
    return { pathname, search: search ? `?${search}` : '' };
  };
  return { user, client, publicClient, location, searchParams, ...result };
}

/** The figure a stat tile shows under `label`, as read on screen (label and value sit in a dt/dd pair). */
export function statValue(container: HTMLElement, label: string | RegExp): string {
  const term = within(container).getByText(label, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}
