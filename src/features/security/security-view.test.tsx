import { screen, within, waitFor } from '@testing-library/react';
import { HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import { expectedTerritory, renderApp, setupSimulatedApi, statValue } from '../../test/render-app';

setupSimulatedApi();

const sim = expectedTerritory();
const alerts = sim.alerts();
const isActive = (a: (typeof alerts)[number]) => a.status !== 'resolved' && a.status !== 'closed';
const high = alerts.filter((a) => a.severity === 'high');
/** An alert someone is working on, so its audit trail has several steps. */
const worked = alerts.find((a) => a.audit.length >= 4 && a.assignee)!;
const keyPoolLow = alerts.filter((a) => a.subCategory === 'key-pool-low');
const links = sim.qkdLinks();

const alertsPanel = () => screen.findByRole('region', { name: 'Alerts' });
const loadedAlerts = async () => {
  const panel = await alertsPanel();
  await within(panel).findByText(`${alerts.length} of ${alerts.length} alerts`);
  return panel;
};
const alertRows = (panel: HTMLElement) => within(panel).getAllByRole('row').slice(1);

describe('Security view', () => {
  it('counts the alerts by severity and status and lists the QKD links', async () => {
    renderApp('/security');
    const panel = await loadedAlerts();

    expect(statValue(panel, 'High, active')).toBe(String(high.filter(isActive).length));
    expect(statValue(panel, 'Critical, active')).toBe(
      String(alerts.filter((a) => a.severity === 'critical' && isActive(a)).length),
    );
    expect(statValue(panel, 'Closed')).toBe(String(alerts.filter((a) => a.status === 'closed').length));
    expect(statValue(panel, 'In progress')).toBe(
      String(alerts.filter((a) => a.status === 'in_progress').length),
    );
    expect(alertRows(panel)).toHaveLength(Math.min(100, alerts.length));

    const qkd = screen.getByRole('region', { name: 'Quantum key distribution links' });
    expect(await within(qkd).findByText(links[0]!.name)).toBeInTheDocument();
    expect(within(within(qkd).getByRole('table')).getAllByRole('row')).toHaveLength(links.length + 1);
  });

  it('filters by severity, keeping the filter in the URL', async () => {
    const { user, searchParams } = renderApp('/security');
    const panel = await loadedAlerts();

    await user.selectOptions(within(panel).getByRole('combobox', { name: /severity/i }), 'high');

    await waitFor(() => expect(searchParams().get('severity')).toBe('high'));
    expect(within(panel).getByText(`${high.length} of ${alerts.length} alerts`)).toBeInTheDocument();
    expect(alertRows(panel)).toHaveLength(high.length);
    for (const row of alertRows(panel)) expect(row).toHaveTextContent('High');
  });

  it('searches the alerts as the user types', async () => {
    const { user, searchParams } = renderApp('/security');
    const panel = await loadedAlerts();

    await user.type(within(panel).getByRole('searchbox', { name: /search/i }), 'key-pool-low');

    expect(within(panel).getByRole('searchbox', { name: /search/i })).toHaveValue('key-pool-low');
    await waitFor(() => expect(searchParams().get('q')).toBe('key-pool-low'));
    expect(keyPoolLow.length).toBeGreaterThan(0);
    expect(within(panel).getByText(`${keyPoolLow.length} of ${alerts.length} alerts`)).toBeInTheDocument();
    expect(alertRows(panel)).toHaveLength(keyPoolLow.length);
  });

  it('opens an alert with its audit trail', async () => {
    const { user, searchParams } = renderApp('/security');
    const panel = await loadedAlerts();
    await user.type(within(panel).getByRole('searchbox', { name: /search/i }), worked.id);
    await user.click(
      within(panel).getByRole('button', { name: `${worked.category} · ${worked.subCategory}` }),
    );

    await waitFor(() => expect(searchParams().get('alert')).toBe(worked.id));
    const details = within(panel).getByRole('region', { name: 'Selected alert' });
    expect(
      within(details).getByRole('heading', { name: `${worked.category} · ${worked.subCategory}` }),
    ).toBeInTheDocument();
    expect(within(details).getByText(worked.description)).toBeInTheDocument();
    expect(within(details).getByRole('heading', { name: 'Audit trail' })).toBeInTheDocument();
    const trail = within(details).getAllByRole('listitem');
    expect(trail).toHaveLength(worked.audit.length);
    expect(trail[0]).toHaveTextContent(`${worked.audit[0]!.actor} · Created`);
    expect(trail.some((entry) => /Assigned: — → /.test(entry.textContent ?? ''))).toBe(true);
    expect(trail.at(-1)).toHaveTextContent(`${worked.audit.at(-1)!.actor}`);

    await user.click(within(details).getByRole('button', { name: 'Close details' }));
    await waitFor(() => expect(searchParams().has('alert')).toBe(false));
    expect(within(panel).queryByRole('region', { name: 'Selected alert' })).not.toBeInTheDocument();
  });

  it('keeps the QKD links, the shell and navigation when the alerts endpoint fails', async () => {
    setFault('alerts', 'server-error');
    renderApp('/security');

    const panel = await alertsPanel();
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'The backend answered with an error: GET /security/alerts answered HTTP 500.',
    );
    const qkd = screen.getByRole('region', { name: 'Quantum key distribution links' });
    expect(await within(qkd).findByText(links[0]!.name)).toBeInTheDocument();
    expect(within(qkd).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Metropolitan City of Milan')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'KPIs' })).toBeInTheDocument();
  });

  it('refuses a schema-violating alerts list with a message naming the endpoint', async () => {
    setFault('alerts', 'schema-violation');
    renderApp('/security');
    const panel = await alertsPanel();
    expect(await within(panel).findByRole('alert')).toHaveTextContent(/Invalid data: GET \/security\/alerts/);
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows hostile strings in alerts and their audit trail as text', async () => {
    setFault('alerts', 'hostile-strings');
    renderApp(`/security?alert=${worked.id}`);
    const panel = await alertsPanel();

    const details = await within(panel).findByRole('region', { name: 'Selected alert' });
    const hostileTitle = `${HOSTILE_STRING}${worked.category} · ${HOSTILE_STRING}${worked.subCategory}`;
    expect(within(details).getByRole('heading', { name: hostileTitle })).toBeInTheDocument();
    expect(within(details).getByText(`${HOSTILE_STRING}${worked.description}`)).toBeInTheDocument();
    expect(within(details).getAllByRole('listitem')[0]).toHaveTextContent(
      `${HOSTILE_STRING}${worked.audit[0]!.actor}`,
    );
    expect(within(panel).getByRole('button', { name: hostileTitle, pressed: true })).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });
});
