import { screen, within, waitFor } from '@testing-library/react';
import { setFault } from '../../../mocks/scenarios';
import { expectedTerritory, renderApp, setupSimulatedApi } from '../../test/render-app';

const server = setupSimulatedApi();
const station = expectedTerritory().world.sensors.find((s) => s.kind === 'air')!;

describe('Air-quality forecast', () => {
  it('asks for the station and pollutant chosen, and says what is coming', async () => {
    const requests: URL[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/forecasts/air')) requests.push(new URL(request.url));
    });
    const { user, searchParams } = renderApp('/environment');
    const outlook = await screen.findByRole('region', { name: 'Outlook: PM10, metropolitan mean' });
    expect(
      await within(outlook).findByRole('img', { name: /^PM10 forecast, the metropolitan area\./ }),
    ).toBeInTheDocument();
    // PM10 is judged on its daily mean against the limit in force, never hour by hour.
    const status = within(outlook).getByRole('status');
    expect(status).toHaveTextContent(
      /the 24-hour mean expected (above|below) the EU limit of 50 µg\/m³ \(35 days a year allowed\)/,
    );
    expect(status).not.toHaveTextContent(/of the next 24 hours/);

    await user.selectOptions(within(outlook).getByLabelText('Forecast for'), station.id);
    await waitFor(() => expect(searchParams().get('station')).toBe(station.id));
    const forStation = await screen.findByRole('region', { name: `Outlook: PM10, ${station.name}` });
    expect(
      await within(forStation).findByText(new RegExp(`^PM10 in ${station.name} is expected to peak at`)),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'NO₂' }));
    await screen.findByRole('region', { name: `Outlook: NO₂, ${station.name}` });
    const asked = requests.map(
      (u) => `${u.searchParams.get('pollutant')}:${u.searchParams.get('stationId') ?? 'metro'}`,
    );
    expect(asked).toEqual(expect.arrayContaining(['pm10:metro', `pm10:${station.id}`, `no2:${station.id}`]));
    server.events.removeAllListeners();
  });

  it('shows the accuracy by horizon beside the persistence baseline', async () => {
    renderApp('/environment');
    const accuracy = await screen.findByRole('region', { name: 'Forecast accuracy, PM10' });
    const table = await within(accuracy).findByRole('table', { name: /^Rolling accuracy by horizon/ });
    for (const horizon of ['1 h', '24 h', '48 h', '72 h'])
      expect(within(table).getByRole('rowheader', { name: horizon })).toBeInTheDocument();
  });

  it('keeps its error to itself', async () => {
    setFault('air-forecasts', 'unavailable');
    renderApp('/environment');
    const outlook = await screen.findByRole('region', { name: 'Outlook: PM10, metropolitan mean' });
    expect(await within(outlook).findByRole('alert')).toHaveTextContent('HTTP 503');
    expect(await screen.findByRole('region', { name: 'Air-quality stations' })).toBeInTheDocument();
  });
});
