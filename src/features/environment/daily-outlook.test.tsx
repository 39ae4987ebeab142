import { screen, within } from '@testing-library/react';
import { setFault } from '../../../mocks/scenarios';
import { dailyAirOutlook } from '../../../mocks/territory/forecasts';
import { dailyExceedances } from '../../lib/outlook';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

setupSimulatedApi();
const world = expectedTerritory().world;
const municipalityName = (id: string) => world.territory.municipalities.find((m) => m.id === id)!.name;
const byStation = new Map(world.sensors.map((s) => [s.id, s.municipalityId]));

describe('Daily outlook across municipalities', () => {
  const tomorrow = dailyExceedances(
    dailyAirOutlook(world, 'pm10', SIMULATED_NOW),
    byStation,
    municipalityName,
    50,
    SIMULATED_NOW,
  ).find((d) => d.day === 'tomorrow')!;

  it('says in how many municipalities PM10 is expected above the daily limit tomorrow, and links each to the map', async () => {
    const { user, searchParams } = renderApp('/environment');
    const panel = await screen.findByRole('region', { name: 'Daily outlook across municipalities, PM10' });
    const count = tomorrow.places.length;
    expect(count).toBeGreaterThan(0);
    expect(
      await within(panel).findByText(
        new RegExp(`^PM10 above 50 µg/m³ \\(24-hour mean\\) expected tomorrow in ${count} municipalit`),
      ),
    ).toBeInTheDocument();

    const places = within(panel).getByRole('list', { name: 'Municipalities above the limit tomorrow' });
    const worst = tomorrow.places[0]!;
    await user.click(within(places).getByRole('button', { name: worst.name }));
    expect(searchParams().get('sel')).toBe(`municipality:${worst.id}`);
    expect(await screen.findByRole('region', { name: `Details: ${worst.name}` })).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Show this time tomorrow on the map' }));
    expect(searchParams().get('time')).toBe('1440');
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
