import { screen, within, waitFor } from '@testing-library/react';
import { HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import { expectedTerritory, renderApp, setupSimulatedApi } from '../../test/render-app';

setupSimulatedApi();

const corridors = expectedTerritory().world.territory.corridors;
const tangenziale = corridors.find((c) => c.name.includes('Tangenziale Ovest'))!;

const corridorsPanel = () => screen.findByRole('region', { name: 'Corridors and ring roads' });
const corridorsTable = async () => within(await corridorsPanel()).findByRole('table');
const accuracyPanel = () => screen.findByRole('region', { name: 'Forecast accuracy, traffic speed' });

describe('Mobility view', () => {
  it('lists the corridors and ring roads of the territory', async () => {
    renderApp('/mobility');
    const table = await corridorsTable();

    expect(within(table).getAllByRole('row')).toHaveLength(corridors.length + 1);
    expect(within(table).getByRole('button', { name: 'A50 Tangenziale Ovest' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'A51 Tangenziale Est' })).toBeInTheDocument();
    expect(within(table).getAllByText(/km\/h \(\d+–\d+\)/).length).toBeGreaterThan(0);
    const panel = await corridorsPanel();
    expect(within(panel).getByText('Slowest corridor, share of free flow')).toBeInTheDocument();
  });

  it('shows the forecast accuracy of the corridor the user selects', async () => {
    const { user, searchParams } = renderApp('/mobility');
    const table = await corridorsTable();
    const accuracy = await accuracyPanel();
    await within(accuracy).findByRole('table');

    await user.click(within(table).getByRole('button', { name: tangenziale.name }));

    await waitFor(() => expect(searchParams().get('sel')).toBe(`corridor:${tangenziale.id}`));
    expect(
      within(accuracy).getByRole('table', { name: `Rolling accuracy by horizon for ${tangenziale.name}` }),
    ).toBeInTheDocument();
    expect(within(accuracy).getByRole('rowheader', { name: '15 min' })).toBeInTheDocument();
    expect(within(accuracy).getByRole('rowheader', { name: '1 h' })).toBeInTheDocument();
  });

  it('keeps the forecast accuracy, the shell and navigation when the readings endpoint fails', async () => {
    setFault('readings', 'server-error');
    renderApp('/mobility');

    const panel = await corridorsPanel();
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'The backend answered with an error: GET /readings answered HTTP 500.',
    );
    const accuracy = await accuracyPanel();
    expect(await within(accuracy).findByRole('table')).toBeInTheDocument();
    expect(within(accuracy).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Metropolitan City of Milan')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Security' })).toBeInTheDocument();
  });

  it('refuses a schema-violating traffic forecast with a message naming the endpoint', async () => {
    setFault('traffic-forecasts', 'schema-violation');
    renderApp('/mobility');
    const accuracy = await accuracyPanel();
    expect(await within(accuracy).findByRole('alert')).toHaveTextContent(
      /Invalid data: GET \/forecasts\/traffic/,
    );
    expect(
      within(await corridorsTable()).getByRole('button', { name: tangenziale.name }),
    ).toBeInTheDocument();
  });

  it('shows hostile strings in corridor names as text', async () => {
    setFault('territory', 'hostile-strings');
    renderApp('/mobility');

    const table = await corridorsTable();
    expect(
      within(table).getByRole('button', { name: `${HOSTILE_STRING}${tangenziale.name}` }),
    ).toBeInTheDocument();
    expect(screen.getByText(`${HOSTILE_STRING}Metropolitan City of Milan`)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });
});
