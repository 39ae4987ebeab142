import { act, screen, waitFor, within } from '@testing-library/react';
import { clearFaults, makeAllEndpointsFail } from '../../../mocks/scenarios';
import { formatDate } from '../../lib/format';
import { renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

const server = setupSimulatedApi();

/**
 * Fakes the timers as well as the clock, for tests that watch polling over minutes. Time still
 * runs on by itself (so findBy* and user-event work), and `advance` jumps ahead.
 */
function fakeTimers() {
  vi.useFakeTimers({
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    shouldAdvanceTime: true,
    now: SIMULATED_NOW,
  });
}

/**
 * Lets `ms` of simulated time pass in steps of `step`, as a screen left alone would see it;
 * requests started on the way complete in real time, so assert on their results with waitFor.
 */
async function advance(ms: number, step = 5_000) {
  for (let elapsed = 0; elapsed < ms; elapsed += step) {
    await act(() => vi.advanceTimersByTimeAsync(step));
  }
}

/** Counts the requests the app makes to a path of the API. */
function countRequests(path: string) {
  const seen = { count: 0 };
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === `/api/v1${path}`) seen.count++;
  });
  return seen;
}

// The page header, found by the product name in it. (Testing Library counts every <header> as
// a banner, panel headers too.) It appears once the router has loaded the view's code.
const brand = { selector: '.brand__product' };
const header = () => screen.getByText('Territorio', brand).closest('header')!;
const findHeader = async () => (await screen.findByText('Territorio', brand)).closest('header')!;
const globalStatus = () => header().querySelector<HTMLElement>('.global-status')!;

describe('App shell', () => {
  afterEach(() => server.events.removeAllListeners());

  it('shows the territory from the API, a live clock and "Connected" once data arrives', async () => {
    fakeTimers();
    renderApp('/kpis');

    expect(await within(await findHeader()).findByText('Metropolitan City of Milan')).toBeInTheDocument();
    expect(document.title).toBe('Metropolitan City of Milan · Territorio');
    await waitFor(() => expect(globalStatus()).toHaveTextContent('Connected'));
    expect(globalStatus()).toHaveTextContent('oldest data just now');
    expect(globalStatus()).toHaveAttribute('role', 'status');

    const clock = header().querySelector('time')!;
    expect(within(header()).getByText(formatDate(SIMULATED_NOW))).toBeInTheDocument();
    expect(clock.textContent).toMatch(/^\d\d:\d\d:\d\d$/);
    const shown = clock.textContent;
    // It ticks within a second, however busy the machine.
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(clock.textContent).not.toBe(shown);
  });

  it('says the backend is unreachable while every endpoint fails, and recovers by itself', async () => {
    fakeTimers();
    makeAllEndpointsFail('network-error');
    renderApp('/kpis');

    // Every request fails (after its retries), and the backend has said nothing for two readings polls.
    await advance(25_000);
    expect(await within(await findHeader()).findByText('Backend unreachable')).toBeInTheDocument();
    const banner = screen.getByText('The backend is unreachable.').closest('[role="alert"]');
    expect(banner).toHaveTextContent('Retrying automatically.');
    expect(within(header()).getByText('Territory not loaded')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Overview' })).toBeInTheDocument();

    // The backend returns: within a minute (the slowest refresh on this view) all is well again.
    clearFaults();
    await advance(60_000);

    await waitFor(() => expect(globalStatus()).toHaveTextContent('Connected'));
    expect(screen.queryByText('The backend is unreachable.')).not.toBeInTheDocument();
    expect(within(header()).getByText('Metropolitan City of Milan')).toBeInTheDocument();
    const indicators = screen.getByRole('region', { name: 'Indicators, last week' });
    expect(within(indicators).getByRole('cell', { name: 'Lease revenue per year' })).toBeInTheDocument();
    expect(within(indicators).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('pauses auto-refresh on request: polling stops, the data visibly ages, and resumes', async () => {
    fakeTimers();
    const alertRequests = countRequests('/security/alerts');
    const { user } = renderApp('/security');
    const alerts = await screen.findByRole('region', { name: 'Alerts' });
    await within(alerts).findByRole('table');
    // The map (loaded lazily) watches the alerts too: a newly shown watcher may fetch once, which is not polling.
    await screen.findByRole('region', { name: 'Territory map' });
    await waitFor(() => expect(screen.queryByText('Loading the territory…')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Pause auto-refresh' }));

    expect(screen.getByText('Auto-refresh is paused: data on screen is ageing.')).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.getByRole('button', { name: 'Resume auto-refresh' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const before = alertRequests.count;
    await advance(15_000);
    expect(alertRequests.count).toBe(before);
    expect(await within(alerts).findByText(/^Stale: as of/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Resume auto-refresh' }));
    expect(screen.queryByText('Auto-refresh is paused: data on screen is ageing.')).not.toBeInTheDocument();
    await advance(5_000);
    await waitFor(() => expect(within(alerts).queryByText(/^Stale: as of/)).not.toBeInTheDocument());
    expect(alertRequests.count).toBeGreaterThan(before);
  });

  it('switches between the dark and light themes', async () => {
    const { user } = renderApp('/kpis');
    await within(await findHeader()).findByText('Metropolitan City of Milan');
    expect(document.documentElement.dataset.theme).toBe('dark');

    await user.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(document.documentElement.dataset.theme).toBe('light');

    await user.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('switches views from the navigation, keeping global parameters and dropping view filters', async () => {
    const { user, location } = renderApp('/security?severity=high&time=360');
    expect(await screen.findByRole('heading', { level: 1, name: 'Security' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(within(nav).getByRole('link', { name: 'Security' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'Network' }));

    expect(await screen.findByRole('heading', { level: 1, name: '5G network' })).toBeInTheDocument();
    expect(location().pathname).toBe('/network');
    expect(location().search).toBe('?time=360');
    expect(within(nav).getByRole('link', { name: 'Network' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(nav).getByRole('link', { name: 'KPIs' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Key performance indicators' }),
    ).toBeInTheDocument();
  });

  it('opens the overview from the root and from an unknown address', async () => {
    const { location } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(location().pathname).toBe('/overview');

    const other = renderApp('/no-such-view');
    await waitFor(() => expect(other.location().pathname).toBe('/overview'));
  });
});
