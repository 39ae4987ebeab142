import { screen, within, waitFor } from '@testing-library/react';
import { HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import { airForecast } from '../../../mocks/territory/air-forecasts';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

setupSimulatedApi();

const sim = expectedTerritory();
const airStations = sim.world.sensors.filter((s) => s.kind === 'air');
const aStation = airStations[0]!;
const model = airForecast(sim.world, 'metro', 'pm10', SIMULATED_NOW).model;

const stationsPanel = () => screen.findByRole('region', { name: 'Air-quality stations' });
const stationsTable = async () =>
  within(await stationsPanel()).findByRole('table', { name: 'Air-quality stations' });

describe('Environment view', () => {
  it('lists the air-quality stations of the territory with their readings', async () => {
    renderApp('/environment');
    const table = await stationsTable();

    expect(within(table).getAllByRole('row')).toHaveLength(airStations.length + 1);
    expect(within(table).getByRole('button', { name: aStation.name })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'PM10 µg/m³' })).toBeInTheDocument();
    // The station counts say they go by the overall index, not by the pollutant shown beside them.
    const tile = (label: string) => Number(screen.getByText(label).nextElementSibling!.textContent);
    const reporting = Number(
      /of (\d+) reporting/.exec(screen.getByText(/of \d+ reporting/).textContent!)![1],
    );
    const bands = screen.getByRole('table', { name: 'Stations and residents by EAQI band' });
    const perBand = within(bands)
      .getAllByRole('row')
      .slice(1, 7)
      .map((r) => Number(within(r).getAllByRole('cell')[0]!.textContent));
    expect(perBand.reduce((a, b) => a + b, 0)).toBe(reporting);
    expect(perBand[3]! + perBand[4]! + perBand[5]!).toBe(tile('Stations poor or worse, overall EAQI'));
    // Every station stands for a share of its municipality: the residents add up to theirs.
    const residents = within(bands)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number(within(r).getAllByRole('cell')[1]!.textContent!.replace(/\D/g, '')));
    const municipalities = new Set(airStations.map((s) => s.municipalityId));
    const population = sim.world.territory.municipalities
      .filter((m) => municipalities.has(m.id))
      .reduce((sum, m) => sum + m.population, 0);
    expect(Math.abs(residents.reduce((a, b) => a + b, 0) - population)).toBeLessThanOrEqual(7);
    const outlook = screen.getByRole('region', { name: 'Outlook: PM10, metropolitan mean' });
    expect(
      await within(outlook).findByText(/^PM10 in the metropolitan area is expected to peak at/),
    ).toBeInTheDocument();
    const accuracy = screen.getByRole('region', { name: 'Forecast accuracy, PM10' });
    expect(
      await within(accuracy).findByText((text) => text.includes(`Model ${model.name}`)),
    ).toBeInTheDocument();
  });

  it('switches pollutant: the column, the outlook and the URL follow', async () => {
    const { user, searchParams } = renderApp('/environment');
    const table = await stationsTable();
    const no2 = screen.getByRole('button', { name: 'NO₂' });
    expect(no2).toHaveAttribute('aria-pressed', 'false');

    await user.click(no2);

    expect(no2).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(searchParams().get('pollutant')).toBe('no2'));
    expect(within(table).getByRole('columnheader', { name: 'NO₂ µg/m³' })).toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'PM10 µg/m³' })).not.toBeInTheDocument();
    const outlook = screen.getByRole('region', { name: 'Outlook: NO₂, metropolitan mean' });
    expect(
      await within(outlook).findByText(/^NO₂ in the metropolitan area is expected to peak at/),
    ).toBeInTheDocument();
  });

  it('opens on the pollutant a link carries', async () => {
    renderApp('/environment?pollutant=o3');
    const table = await stationsTable();
    expect(within(table).getByRole('columnheader', { name: 'O₃ µg/m³' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'O₃' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('keeps the outlook, the shell and navigation when the readings endpoint fails', async () => {
    setFault('readings', 'server-error');
    renderApp('/environment');

    const stations = await stationsPanel();
    expect(await within(stations).findByRole('alert')).toHaveTextContent(
      'The backend answered with an error: GET /readings answered HTTP 500.',
    );
    const outlook = screen.getByRole('region', { name: 'Outlook: PM10, metropolitan mean' });
    expect(
      await within(outlook).findByText(/^PM10 in the metropolitan area is expected to peak at/),
    ).toBeInTheDocument();
    expect(within(outlook).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Metropolitan City of Milan')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Mobility' })).toBeInTheDocument();
  });

  it('refuses a schema-violating forecast with a message naming the endpoint', async () => {
    setFault('air-forecasts', 'schema-violation');
    renderApp('/environment');
    const outlook = await screen.findByRole('region', { name: 'Outlook: PM10, metropolitan mean' });
    expect(await within(outlook).findByRole('alert')).toHaveTextContent(/Invalid data: GET \/forecasts\/air/);
    expect(await stationsTable()).toBeInTheDocument();
  });

  it('shows hostile strings in station and model names as text', async () => {
    setFault('sensors', 'hostile-strings');
    setFault('air-forecasts', 'hostile-strings');
    renderApp('/environment');

    const table = await stationsTable();
    expect(
      within(table).getByRole('button', { name: `${HOSTILE_STRING}${aStation.name}` }),
    ).toBeInTheDocument();
    const accuracy = screen.getByRole('region', { name: 'Forecast accuracy, PM10' });
    expect(
      await within(accuracy).findByText((text) => text.includes(`${HOSTILE_STRING}${model.name}`)),
    ).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();
  });
});
