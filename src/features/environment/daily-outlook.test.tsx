import { screen, within, waitFor } from '@testing-library/react';
import { setFault } from '../../../mocks/scenarios';
import { dailyAirOutlook } from '../../../mocks/territory/air-forecasts';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

setupSimulatedApi();
const world = expectedTerritory().world;
const municipalityName = (id: string) => world.territory.municipalities.find((m) => m.id === id)!.name;

/**
 * Read from the raw answer: the municipalities with a station whose median PM10 mean for tomorrow
 * (12 March in Milan, the day after SIMULATED_NOW) is above 50 µg/m³, by their worst station.
 */
function aboveLimitTomorrow() {
  const worst = new Map<string, number>();
  for (const station of dailyAirOutlook(world, 'pm10', SIMULATED_NOW).items) {
    const mean = station.days.find((d) => d.date === '2026-03-12')?.mean.p50;
    const municipality = world.sensors.find((s) => s.id === station.stationId)!.municipalityId;
    if (mean !== undefined && mean > 50)
      worst.set(municipality, Math.max(mean, worst.get(municipality) ?? 0));
  }
  return [...worst].sort((a, b) => b[1] - a[1]).map(([id]) => ({ id, name: municipalityName(id) }));
}

describe('Daily outlook across municipalities', () => {
  const tomorrow = aboveLimitTomorrow();

  it('says in how many municipalities PM10 is expected above the daily limit tomorrow, and links each to the map', async () => {
    const { user, searchParams } = renderApp('/environment');
    const panel = await screen.findByRole('region', { name: 'Daily outlook across municipalities, PM10' });
    const count = tomorrow.length;
    expect(count).toBeGreaterThan(0);
    expect(
      await within(panel).findByText(
        new RegExp(`^PM10 above 50 µg/m³ \\(24-hour mean\\) expected tomorrow in ${count} municipalit`),
      ),
    ).toBeInTheDocument();

    const places = within(panel).getByRole('list', { name: 'Municipalities above the limit tomorrow' });
    const worst = tomorrow[0]!;
    await user.click(within(places).getByRole('button', { name: worst.name }));
    await waitFor(() => expect(searchParams().get('sel')).toBe(`municipality:${worst.id}`));
    expect(await screen.findByRole('region', { name: `Details: ${worst.name}` })).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Show this time tomorrow on the map' }));
    await waitFor(() => expect(searchParams().get('time')).toBe('1440'));
  });

  it('follows the pollutant chosen, and says ozone has no daily limit', async () => {
    const { user } = renderApp('/environment');
    await user.click(await screen.findByRole('button', { name: 'O₃' }));
    const panel = await screen.findByRole('region', { name: 'Daily outlook across municipalities, O₃' });
    expect(await within(panel).findByText(/Ozone is judged on 8-hour means/)).toBeInTheDocument();
  });

  it('keeps its error to itself', async () => {
    setFault('air-outlook', 'server-error');
    renderApp('/environment');
    const panel = await screen.findByRole('region', { name: 'Daily outlook across municipalities, PM10' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent('HTTP 500');
    expect(screen.getByRole('region', { name: 'Air-quality stations' })).toBeInTheDocument();
  });
});
