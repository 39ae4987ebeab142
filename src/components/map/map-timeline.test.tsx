import { fireEvent, screen, within, waitFor } from '@testing-library/react';
import { setFault } from '../../../mocks/scenarios';
import { sensorForecasts } from '../../../mocks/territory/forecasts';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';
import { formatNumber } from '../../lib/format';
import { snapshotTime } from './map-time';

const server = setupSimulatedApi();
const world = expectedTerritory().world;
const station = world.sensors.find((s) => s.kind === 'air')!;

function recordRequests(path: string) {
  const urls: URL[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith(path)) urls.push(url);
  });
  return urls;
}

// The map module is loaded lazily: on a busy machine the first render takes longer than data alone.
const MAP_LOAD_MS = 10_000;

afterEach(() => server.events.removeAllListeners());

describe('the map in time', () => {
  it('moved to +6 h asks for the predictions at that time and says the map is a forecast', async () => {
    const asked = recordRequests('/forecasts/sensors');
    const { searchParams } = renderApp('/environment');
    const slider = await screen.findByRole('slider', { name: 'Map time' }, { timeout: MAP_LOAD_MS });
    expect(screen.getByText(/latest readings/)).toBeInTheDocument();

    fireEvent.change(slider, { target: { value: '360' } });
    await waitFor(() => expect(searchParams().get('time')).toBe('360'));
    expect(slider).toHaveAttribute('aria-valuetext', '+6 h, forecast');
    const at = new Date(snapshotTime(SIMULATED_NOW, 360)).toISOString();
    expect(await screen.findByText(/^for .* \(\+6 h\)$/)).toBeInTheDocument();
    expect(asked.map((u) => u.searchParams.get('at'))).toContain(at);
  });

  it('shows a sensor’s predicted median with its p10–p90 range', async () => {
    renderApp(`/environment?time=360&sel=sensor:${station.id}`);
    const details = await screen.findByRole('region', { name: `Details: ${station.name}` });
    const valid = snapshotTime(SIMULATED_NOW, 360);
    const expected = sensorForecasts(world, SIMULATED_NOW, valid).items.find(
      (i) => i.sensorId === station.id,
    )!;
    if (expected.kind !== 'air') throw new Error('an air station was expected');
    const { p10, p50, p90 } = expected.pm10;
    const range = `${formatNumber(p50, 1)} (p10–p90 ${formatNumber(p10, 1)}–${formatNumber(p90, 1)}) µg/m³`;
    expect(
      await within(details).findByText(new RegExp(`^${range.replace(/[()]/g, '\\$&')}`)),
    ).toBeInTheDocument();
    expect(within(details).getByText('Predicted for')).toBeInTheDocument();
  });

  it('in the past asks for the readings as they stood then; Page Up moves an hour; back to live clears it', async () => {
    const asked = recordRequests('/readings');
    const { user, searchParams } = renderApp('/environment?time=-120');
    const slider = await screen.findByRole('slider', { name: 'Map time' }, { timeout: MAP_LOAD_MS });
    expect(await screen.findByText(/^at .* \(−2 h\)$/)).toBeInTheDocument();
    const at = new Date(snapshotTime(SIMULATED_NOW, -120)).toISOString();
    expect(asked.map((u) => u.searchParams.get('at'))).toContain(at);

    slider.focus();
    await user.keyboard('{PageUp}');
    await waitFor(() => expect(searchParams().get('time')).toBe('-60'));

    await user.click(screen.getByRole('button', { name: 'Back to live' }));
    await waitFor(() => expect(searchParams().get('time')).toBeNull());
    expect(await screen.findByText(/latest readings/)).toBeInTheDocument();
  });

  it('says when the predictions cannot be loaded', async () => {
    setFault('sensor-forecasts', 'server-error');
    renderApp('/environment?time=180');
    expect(await screen.findByText(/Sensor forecasts: .*HTTP 500/)).toBeInTheDocument();
  });
});
