import { screen, within, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setFault } from '../../../mocks/scenarios';
import { expectedTerritory, renderApp, setupSimulatedApi } from '../../test/render-app';

const server = setupSimulatedApi();
const world = expectedTerritory().world;
const corridors = world.territory.corridors;
const trafficSensor = world.sensors.find((s) => s.kind === 'traffic')!;
const municipality = world.territory.municipalities.find((m) => m.id === trafficSensor.municipalityId)!;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function recordPlaceRequests() {
  const asked: URLSearchParams[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/forecasts/traffic/place')) asked.push(url.searchParams);
  });
  return asked;
}
const forecastPanel = (hours = 6) =>
  screen.findByRole('region', { name: `Traffic forecast, next ${hours} h` });

describe('Traffic forecast', () => {
  it('charts the chosen corridor with a summary, table and CSV, and switches horizon', async () => {
    const { user, searchParams } = renderApp('/mobility');
    const panel = await forecastPanel();
    const chart = await within(panel).findByRole('img', { name: /^Traffic speed forecast, / });
    expect(chart.getAttribute('aria-label')).toMatch(/slowest in the next 6 h/);

    await user.click(within(panel).getByRole('button', { name: '1 h' }));
    await waitFor(() => expect(searchParams().get('h')).toBe('1'));
    const onehour = await forecastPanel(1);
    expect(within(onehour).getByRole('img', { name: /slowest in the next 1 h/ })).toBeInTheDocument();

    await user.click(within(onehour).getByRole('button', { name: 'Show data table' }));
    const rows = within(onehour).getAllByRole('row');
    // 96 observed quarter-hours and 4 forecast steps, plus the header row
    expect(rows).toHaveLength(96 + 4 + 1);
    expect(within(onehour).getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();
  });

  it('ranks corridors by predicted congestion; choosing one shows its forecast and selects it on the map', async () => {
    const { user, searchParams } = renderApp('/mobility');
    const ranking = await screen.findByRole('list', {
      name: 'Corridors by predicted congestion in the next 6 h',
    });
    const items = within(ranking).getAllByRole('listitem');
    expect(items.length).toBeGreaterThan(3);
    const second = within(items[1]!).getByRole('button');
    const name = second.textContent!;
    await user.click(second);
    const id = corridors.find((c) => c.name === name)!.id;
    await waitFor(() => expect(searchParams().get('sel')).toBe(`corridor:${id}`));
    expect(
      screen.getByRole('img', {
        name: new RegExp(`^Traffic speed forecast, ${escape(name)}\\.`),
      }),
    ).toBeInTheDocument();
    const details = await screen.findByRole('region', { name: `Details: ${name}` });
    expect(within(details).getByText('Free-flow speed')).toBeInTheDocument();
    expect(within(details).getByRole('link', { name: 'Forecast for this corridor' })).toHaveAttribute(
      'href',
      `#/mobility?sel=corridor%3A${id}`,
    );
  });

  it('asks for all corridors in one request, and says so when none is published', async () => {
    const requests: string[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.includes('/forecasts/traffic')) requests.push(request.url);
    });
    server.use(http.get('*/api/v1/forecasts/traffic', () => HttpResponse.json({ items: [] })));
    renderApp('/mobility');
    const panel = await forecastPanel();
    expect(await within(panel).findByText('No traffic forecasts published.')).toBeInTheDocument();
    expect(requests.every((url) => !new URL(url).searchParams.has('corridorId'))).toBe(true);
    server.events.removeAllListeners();
  });

  it('shows its own error when the forecasts fail', async () => {
    setFault('traffic-forecasts', 'server-error');
    renderApp('/mobility');
    const panel = await forecastPanel();
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'GET /forecasts/traffic answered HTTP 500',
    );
  });

  it('forecasts a municipality from all its traffic sensors, with its own accuracy', async () => {
    const asked = recordPlaceRequests();
    const { user, searchParams } = renderApp('/mobility');
    const panel = await forecastPanel();
    await user.selectOptions(
      await within(panel).findByLabelText('Forecast for'),
      `municipality:${municipality.id}`,
    );
    await waitFor(() => expect(searchParams().get('sel')).toBe(`municipality:${municipality.id}`));
    const name = `${municipality.name} (all traffic sensors)`;
    expect(
      await within(await forecastPanel()).findByRole('img', {
        name: new RegExp(`^Traffic speed forecast, ${escape(name)}\\.`),
      }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Forecast accuracy, traffic speed' })).toHaveTextContent(
      name,
    );
    expect(asked.map((p) => p.get('municipalityId'))).toContain(municipality.id);
    server.events.removeAllListeners();
  });

  it('offers the traffic sensor selected on the map, and forecasts it alone', async () => {
    const asked = recordPlaceRequests();
    const { user, searchParams } = renderApp(`/mobility?sel=sensor:${trafficSensor.id}`);
    const picker = await within(await forecastPanel()).findByLabelText('Forecast for');
    const option = await within(picker).findByRole('option', { name: trafficSensor.name });
    await user.selectOptions(picker, option);
    await waitFor(() => expect(searchParams().get('sel')).toBe(`sensor:${trafficSensor.id}`));
    expect(
      await within(await forecastPanel()).findByRole('img', {
        name: new RegExp(`^Traffic speed forecast, ${escape(trafficSensor.name)}\\.`),
      }),
    ).toBeInTheDocument();
    expect(asked.map((p) => p.get('sensorId'))).toContain(trafficSensor.id);
    server.events.removeAllListeners();
  });

  it('says so when a place has no traffic forecast', async () => {
    renderApp('/mobility?sel=municipality:nowhere');
    expect(await within(await forecastPanel()).findByRole('alert')).toHaveTextContent('HTTP 404');
  });
});
