import { screen, within, waitFor } from '@testing-library/react';
import { HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import { coverageCells } from '../../../mocks/territory/coverage';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

setupSimulatedApi();

const sites = expectedTerritory().sites();
const offline = sites.filter((s) => s.status === 'offline');
const onAir = sites.filter((s) => s.status === 'online' || s.status === 'degraded');
const anOnlineSite = sites.find((s) => s.status === 'online')!;

const sitesPanel = () => screen.findByRole('region', { name: 'Sites' });
const siteRows = (panel: HTMLElement) =>
  within(within(panel).getByRole('table')).getAllByRole('row').slice(1); // without the header row

describe('Network view', () => {
  it('lists the 60 sites of the simulated territory with their headline figures', async () => {
    renderApp('/network');
    const panel = await sitesPanel();
    expect(await within(panel).findByText(`${onAir.length} / 60`)).toBeInTheDocument();
    expect(within(panel).getByText('Lease revenue')).toBeInTheDocument();
    expect(siteRows(panel)).toHaveLength(60);
    expect(within(panel).getByRole('button', { name: anOnlineSite.name })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: '5G network' })).toBeInTheDocument();
  });

  it('names the band by its frequency and says what covered means, with the share covered', async () => {
    renderApp('/network');
    const coverage = await screen.findByRole('region', { name: 'Coverage, band n78 · 3.7 GHz' });
    // Covered: SS-RSRP of −110 dBm or more (DESIGN §6: no service below −110 dBm).
    const cells = coverageCells(expectedTerritory().world, 'n78', SIMULATED_NOW);
    const share = Math.round((100 * cells.filter((c) => c.ssRsrpDbm >= -110).length) / cells.length);
    expect(
      await within(coverage).findByText(
        new RegExp(`^Covered means SS-RSRP ≥ −110 dBm, with service: ${share}% of the area\\.`),
      ),
    ).toBeInTheDocument();
    expect(within(coverage).getByRole('button', { name: 'n78 · 3.7 GHz' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  it('filters the sites by status, keeping the filter in the URL', async () => {
    const { user, searchParams } = renderApp('/network');
    const panel = await sitesPanel();
    await within(panel).findByText(`${onAir.length} / 60`);
    expect(offline.length).toBeGreaterThan(0);

    await user.selectOptions(within(panel).getByRole('combobox', { name: /status/i }), 'offline');

    await waitFor(() => expect(searchParams().get('status')).toBe('offline'));
    expect(siteRows(panel)).toHaveLength(offline.length);
    for (const site of offline) expect(within(panel).getByRole('button', { name: site.name })).toBeVisible();
    expect(within(panel).queryByRole('button', { name: anOnlineSite.name })).not.toBeInTheDocument();

    await user.selectOptions(within(panel).getByRole('combobox', { name: /status/i }), 'All');
    await waitFor(() => expect(searchParams().has('status')).toBe(false));
    expect(siteRows(panel)).toHaveLength(60);
  });

  it('opens with the filter a link carries', async () => {
    renderApp('/network?status=offline');
    const panel = await sitesPanel();
    await within(panel).findByText(`${onAir.length} / 60`);
    expect(within(panel).getByRole('combobox', { name: /status/i })).toHaveValue('offline');
    expect(siteRows(panel)).toHaveLength(offline.length);
  });

  it('gives an offline site no latency, in its row and in its details', async () => {
    const site = offline[0]!;
    const { user } = renderApp('/network?status=offline');
    const panel = await sitesPanel();
    const row = (await within(panel).findByRole('button', { name: site.name })).closest('tr')!;
    const headers = within(panel).getAllByRole('columnheader');
    const latency = headers.findIndex((h) => h.textContent?.startsWith('Latency ms'));
    expect(latency).toBeGreaterThan(0);
    expect(within(row).getAllByRole('cell')[latency]).toHaveTextContent(/^—$/);

    await user.click(within(panel).getByRole('button', { name: site.name }));
    const details = await screen.findByRole('region', { name: `Details: ${site.name}` });
    const term = within(details).getByText('Latency', { selector: 'dt' });
    expect(term.nextElementSibling).toHaveTextContent(/^—$/);
  });

  it('opens the details of a selected site and closes them again', async () => {
    const { user, searchParams } = renderApp('/network');
    const panel = await sitesPanel();
    await user.click(await within(panel).findByRole('button', { name: anOnlineSite.name }));

    await waitFor(() => expect(searchParams().get('sel')).toBe(`site:${anOnlineSite.id}`));
    const details = await screen.findByRole('region', { name: `Details: ${anOnlineSite.name}` });
    expect(within(details).getByText(anOnlineSite.operator)).toBeInTheDocument();
    expect(within(details).getByText('Online')).toBeInTheDocument();
    expect(within(details).getByText(/per year/)).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: anOnlineSite.name })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await user.click(within(details).getByRole('button', { name: 'Close details' }));
    await waitFor(() => expect(searchParams().has('sel')).toBe(false));
    expect(screen.queryByRole('region', { name: `Details: ${anOnlineSite.name}` })).not.toBeInTheDocument();
  });

  it('keeps coverage, the shell and navigation working when the sites endpoint fails', async () => {
    setFault('sites', 'server-error');
    renderApp('/network');
    const panel = await sitesPanel();

    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'The backend answered with an error: GET /network/sites answered HTTP 500.',
    );
    const coverage = screen.getByRole('region', { name: 'Coverage, band n78 · 3.7 GHz' });
    expect(await within(coverage).findByRole('table')).toBeInTheDocument();
    expect(within(coverage).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Metropolitan City of Milan')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Views' })).toBeInTheDocument();
    expect(await screen.findByText('Degraded', { selector: '.global-status__label' })).toBeInTheDocument();
  });

  it('refuses a schema-violating answer with a message naming the endpoint', async () => {
    setFault('sites', 'schema-violation');
    renderApp('/network');
    const panel = await sitesPanel();
    expect(await within(panel).findByRole('alert')).toHaveTextContent(/Invalid data: GET \/network\/sites/);
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows hostile strings in site names and operators as text', async () => {
    setFault('sites', 'hostile-strings');
    const { user } = renderApp(`/network?sel=site:${anOnlineSite.id}`);
    const panel = await sitesPanel();
    const hostileName = `${HOSTILE_STRING}${anOnlineSite.name}`;

    expect(await within(panel).findByRole('button', { name: hostileName })).toBeInTheDocument();
    const details = await screen.findByRole('region', { name: `Details: ${hostileName}` });
    expect(within(details).getByText(`${HOSTILE_STRING}${anOnlineSite.operator}`)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();

    await user.click(within(details).getByRole('button', { name: 'Close details' }));
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
