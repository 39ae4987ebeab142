import { screen, within } from '@testing-library/react';
import { HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import {
  expectedTerritory,
  renderApp,
  setupSimulatedApi,
  SIMULATED_NOW,
  statValue,
} from '../../test/render-app';

setupSimulatedApi();

const sim = expectedTerritory();
const sites = sim.sites();
const down = sites.filter((s) => s.status === 'offline' || s.status === 'maintenance');
const firstDown = down[0]!;
// Read from the raw answers: an air station reports when its latest reading is no older than two
// of its reporting intervals (the inventory's cadence).
const observedAt = new Map(sim.readings().map((r) => [r.sensorId, Date.parse(r.dateObserved)]));
const airReporting = sim.world.sensors.filter(
  (s) =>
    s.kind === 'air' &&
    observedAt.has(s.id) &&
    SIMULATED_NOW - observedAt.get(s.id)! <= 2 * s.cadenceSeconds * 1000,
).length;
const activeHigh = sim
  .alerts()
  .filter((a) => a.severity === 'high' && a.status !== 'resolved' && a.status !== 'closed');
const links = sim.qkdLinks();
const worstLink = links.reduce((w, l) => (l.qberPercent > w.qberPercent ? l : w));

const panel = (name: string) => screen.findByRole('region', { name });

describe('Overview view', () => {
  it('sums up every source of the territory, one panel each', async () => {
    renderApp('/overview');
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();

    const network = await panel('5G network');
    await within(network).findByText('Sites on air');
    expect(statValue(network, 'Sites on air')).toBe(`${60 - down.length} / 60`);
    const attention = within(network).getByRole('list', { name: 'Sites needing attention' });
    expect(within(attention).getByRole('link', { name: firstDown.name })).toHaveAttribute(
      'href',
      `#/network?sel=${encodeURIComponent(`site:${firstDown.id}`)}`,
    );

    const air = await panel('Air and traffic');
    expect(await within(air).findByText(`${airReporting} stations reporting`)).toBeInTheDocument();
    // One of the 24 stations last reported two hours before, so it is not counted.
    expect(airReporting).toBe(23);
    // As the EEA shows it: stations by EAQI band, the one not reporting apart, and the residents.
    const bands = within(air).getByRole('table', { name: 'Stations and residents by EAQI band' });
    const stations = within(bands)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Number(within(r).getAllByRole('cell')[0]!.textContent));
    expect(stations.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(23);
    expect(stations[6]).toBe(1);
    expect(within(air).getByText('Residents near poor air')).toBeInTheDocument();

    const security = await panel('Security alerts');
    await within(security).findByText('High, active');
    expect(statValue(security, 'High, active')).toBe(String(activeHigh.length));

    const qkd = await panel('Quantum key distribution');
    await within(qkd).findByText('Links up');
    expect(statValue(qkd, 'Links up')).toBe(
      `${links.filter((l) => l.state === 'up').length} / ${links.length}`,
    );
    expect(within(qkd).getByText(worstLink.name)).toBeInTheDocument();
  });

  it('takes the user from an alert needing attention to its details in the Security view', async () => {
    const alert = activeHigh[0]!;
    const { user, location } = renderApp('/overview');
    const security = await panel('Security alerts');
    await user.click(
      await within(security).findByRole('link', { name: `High: ${alert.category} · ${alert.subCategory}` }),
    );

    const details = await screen.findByRole('region', { name: 'Selected alert' });
    expect(location().pathname).toBe('/security');
    expect(location().search).toBe(`?alert=${alert.id}`);
    expect(within(details).getByRole('heading', { name: 'Audit trail' })).toBeInTheDocument();
  });

  it('keeps the other panels, the shell and navigation when the alerts endpoint fails', async () => {
    setFault('alerts', 'server-error');
    renderApp('/overview');

    const security = await panel('Security alerts');
    expect(await within(security).findByRole('alert')).toHaveTextContent(
      'The backend answered with an error: GET /security/alerts answered HTTP 500.',
    );
    const network = await panel('5G network');
    expect(await within(network).findByText(`${60 - down.length} / 60`)).toBeInTheDocument();
    const qkd = await panel('Quantum key distribution');
    expect(await within(qkd).findByText('Links up')).toBeInTheDocument();
    const air = await panel('Air and traffic');
    expect(await within(air).findByText(`${airReporting} stations reporting`)).toBeInTheDocument();
    for (const other of [network, qkd, air]) expect(within(other).queryByRole('alert')).toBeNull();

    expect(screen.getByText('Metropolitan City of Milan')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Network' })).toBeInTheDocument();
  });

  it('refuses schema-violating readings with a message naming the endpoint', async () => {
    setFault('readings', 'schema-violation');
    renderApp('/overview');
    const air = await panel('Air and traffic');
    expect(await within(air).findByRole('alert')).toHaveTextContent(/Invalid data: GET \/readings/);
    const network = await panel('5G network');
    expect(await within(network).findByText('Sites on air')).toBeInTheDocument();
  });

  it('shows hostile strings in site and link names as text', async () => {
    setFault('sites', 'hostile-strings');
    setFault('qkd-links', 'hostile-strings');
    renderApp('/overview');

    const network = await panel('5G network');
    expect(
      await within(network).findByRole('link', { name: `${HOSTILE_STRING}${firstDown.name}` }),
    ).toBeInTheDocument();
    const qkd = await panel('Quantum key distribution');
    expect(await within(qkd).findByText(`${HOSTILE_STRING}${worstLink.name}`)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();
  });
});
