import { screen, within, waitFor } from '@testing-library/react';
import { setFault } from '../../../mocks/scenarios';
import { dailyAirOutlook } from '../../../mocks/territory/air-forecasts';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

setupSimulatedApi();
const world = expectedTerritory().world;
const municipalityName = (id: string) => world.territory.municipalities.find((m) => m.id === id)!.name;

/**
 * Read from the raw answer: the municipalities with a station whose median mean of the pollutant
 * for tomorrow (12 March in Milan, the day after SIMULATED_NOW) is above `limit`, worst first.
 */
function aboveLimitTomorrow(pollutant: 'pm10' | 'no2', limit: number) {
  const worst = new Map<string, number>();
  for (const station of dailyAirOutlook(world, pollutant, SIMULATED_NOW).items) {
    const mean = station.days.find((d) => d.date === '2026-03-12')?.mean.p50;
    const municipality = world.sensors.find((s) => s.id === station.stationId)!.municipalityId;
    if (mean !== undefined && mean > limit)
      worst.set(municipality, Math.max(mean, worst.get(municipality) ?? 0));
  }
  return [...worst].sort((a, b) => b[1] - a[1]).map(([id]) => ({ id, name: municipalityName(id) }));
}

describe('Daily outlook across municipalities', () => {
  it('judges PM10 on its daily mean against the limit in force, and says where it is expected above', async () => {
    renderApp('/environment');
    const panel = await screen.findByRole('region', { name: 'Daily outlook across municipalities, PM10' });
    const count = aboveLimitTomorrow('pm10', 50).length;
    expect(
      await within(panel).findByText(
        count > 0
          ? new RegExp(`^PM10 above 50 µg/m³ \\(24-hour mean\\) expected tomorrow in ${count} municipalit`)
          : /^PM10 above 50 µg\/m³ \(24-hour mean\) not expected anywhere tomorrow/,
      ),
    ).toBeInTheDocument();
    expect(panel).toHaveTextContent(
      'against the EU limit of 50 µg/m³ (35 days a year allowed), 24-h mean, in force;',
    );
  });

  it('judges NO₂ on the daily limit from 2030, says so, and links each municipality to the map', async () => {
    const { user, searchParams } = renderApp('/environment?pollutant=no2');
    const panel = await screen.findByRole('region', { name: 'Daily outlook across municipalities, NO₂' });
    const tomorrow = aboveLimitTomorrow('no2', 50);
    expect(tomorrow.length).toBeGreaterThan(0);
    expect(
      await within(panel).findByText(
        new RegExp(
          `^NO₂ above 50 µg/m³ \\(24-hour mean, EU limit from 2030\\) expected tomorrow in ${tomorrow.length} municipalit`,
        ),
      ),
    ).toBeInTheDocument();
    expect(panel).toHaveTextContent('EU limit of 50 µg/m³ (18 days a year allowed), 24-h mean, from 2030');

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
