import { screen, within, waitFor } from '@testing-library/react';
import { clearFaults, HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import { kpisAt } from '../../../mocks/territory/kpis';
import { formatDateTime, formatEuro, formatNumber } from '../../lib/format';
import { expectedTerritory, renderApp, setupSimulatedApi, SIMULATED_NOW } from '../../test/render-app';

setupSimulatedApi();

const weekly = kpisAt(expectedTerritory().world, 'week', SIMULATED_NOW);
const leaseRevenue = weekly.items.find((k) => k.id === 'lease-revenue')!;
const DAY = 86_400_000;

const indicators = (period: string) => screen.findByRole('region', { name: `Indicators, last ${period}` });
const rowOf = (panel: HTMLElement, label: string) =>
  within(panel)
    .getAllByRole('row')
    .find((row) => within(row).queryByRole('cell', { name: label }))!;

describe('KPIs view', () => {
  it('shows the indicators of the week against their targets, lease revenue among them', async () => {
    renderApp('/kpis');
    const panel = await indicators('week');
    await within(panel).findByRole('table', { name: 'Key performance indicators' });

    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    const table = within(panel).getByRole('table', { name: 'Key performance indicators' });
    expect(within(table).getAllByRole('row')).toHaveLength(weekly.items.length + 1);
    const lease = rowOf(panel, 'Lease revenue per year');
    expect(lease).toHaveTextContent(formatEuro(leaseRevenue.value));
    expect(lease).toHaveTextContent(formatEuro(leaseRevenue.target));
    expect(lease).toHaveTextContent('Meets target');
    expect(leaseRevenue.value).toBeGreaterThan(2_000_000);
  });

  it('switches period with the period buttons, keeping it in the URL', async () => {
    const { user, searchParams } = renderApp('/kpis');
    await within(await indicators('week')).findByRole('table', { name: 'Key performance indicators' });

    await user.click(screen.getByRole('button', { name: 'Month' }));

    await waitFor(() => expect(searchParams().get('period')).toBe('month'));
    expect(screen.getByRole('button', { name: 'Month' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'false');
    const month = await indicators('month');
    expect(
      await within(month).findByText(`From ${formatDateTime(SIMULATED_NOW - 30 * DAY)}`, { exact: false }),
    ).toBeInTheDocument();
    expect(within(month).getByRole('cell', { name: 'Lease revenue per year' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Day' }));
    await waitFor(() => expect(searchParams().get('period')).toBe('day'));
    expect(
      await within(await indicators('day')).findByText(`From ${formatDateTime(SIMULATED_NOW - DAY)}`, {
        exact: false,
      }),
    ).toBeInTheDocument();
  });

  it('keeps the shell and navigation when the KPIs endpoint fails, and retries on request', async () => {
    setFault('kpis', 'server-error');
    const { user } = renderApp('/kpis');

    const panel = await indicators('week');
    const error = await within(panel).findByRole('alert');
    expect(error).toHaveTextContent('The backend answered with an error: GET /kpis answered HTTP 500.');
    expect(await screen.findByText('Metropolitan City of Milan')).toBeInTheDocument();

    clearFaults();
    await user.click(within(error).getByRole('button', { name: 'Try again now' }));
    expect(await within(panel).findByRole('cell', { name: 'Lease revenue per year' })).toBeInTheDocument();
    expect(within(panel).queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Security' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Security' }, { timeout: 20_000 }),
    ).toBeInTheDocument();
  }, 40_000); // Opening the Security view from another view is slow in jsdom.

  it('refuses a schema-violating answer with a message naming the endpoint', async () => {
    setFault('kpis', 'schema-violation');
    renderApp('/kpis');
    const panel = await indicators('week');
    expect(await within(panel).findByRole('alert')).toHaveTextContent(/Invalid data: GET \/kpis/);
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows hostile strings in indicator labels as text', async () => {
    setFault('kpis', 'hostile-strings');
    renderApp('/kpis');
    const panel = await indicators('week');
    expect(
      await within(panel).findByRole('cell', { name: `${HOSTILE_STRING}Lease revenue per year` }),
    ).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
  });
});

describe('KPIs view exports and trends', () => {
  it('gives each indicator a card with its trend, and the table as a CSV of the values the API sent', async () => {
    const { user } = renderApp('/kpis');
    const panel = await indicators('week');
    await within(panel).findByRole('table', { name: 'Key performance indicators' });
    const congestion = weekly.items.find((k) => k.id === 'congestion-index')!;
    const card = within(panel).getByRole('article', { name: congestion.label });
    expect(within(card).getByRole('img')).toHaveAccessibleName(
      new RegExp(`^${congestion.label}\\. Trend over 8 periods`),
    );
    expect(
      within(card).getByRole('button', { name: `Download chart (PNG): ${congestion.label}` }),
    ).toBeVisible();

    let csv = '';
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      void (blob as Blob).text().then((text) => (csv = text));
      return 'blob:kpis';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await user.click(within(panel).getByRole('button', { name: 'Download the table (CSV)' }));
    await vi.waitFor(() => expect(csv).not.toBe(''));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,Indicator,Unit,Value,Target,Previous period,Change,Against target');
    expect(lines).toHaveLength(weekly.items.length + 1);
    const lease = lines.find((l) => l.startsWith('lease-revenue,'))!;
    expect(lease).toBe(`lease-revenue,Lease revenue per year,€,${leaseRevenue.value},2000000,,,Meets target`);
  });

  it('says what the air indicators count, and shows stations and residents by EAQI band', async () => {
    renderApp('/kpis');
    const panel = await indicators('week');
    const days = weekly.items.find((k) => k.id === 'pm10-days-above-limit')!;
    const daysCard = await within(panel).findByRole('article', { name: days.label });
    expect(daysCard).toHaveTextContent(/allows 35 such days a year/);
    expect(within(daysCard).getByText('Target').nextElementSibling).toHaveTextContent('35 days');
    const air = weekly.items.find((k) => k.id === 'poor-air-population')!;
    const bands = within(within(panel).getByRole('article', { name: air.label })).getByRole('table', {
      name: 'Stations and residents by EAQI band',
    });
    const rows = within(bands).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      '●1 · Good',
      '●2 · Fair',
      '▲3 · Moderate',
      '■4 · Poor',
      '■5 · Very poor',
      '■6 · Extremely poor',
    ]);
    expect(rows.map((r) => Number(within(r).getAllByRole('cell')[0]!.textContent))).toEqual(
      air.bands!.map((b) => b.stations),
    );
  });

  it('asks the backend for the indicators in Italian when the screen speaks Italian', async () => {
    const { user } = renderApp('/kpis');
    await within(await indicators('week')).findByRole('table', { name: 'Key performance indicators' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'it');
    const panel = await screen.findByRole('region', { name: 'Indicatori, ultima settimana' });
    expect(await within(panel).findByRole('cell', { name: 'Canoni di locazione annui' })).toBeInTheDocument();
    // Italian groups thousands with a dot.
    expect(panel).toHaveTextContent(formatNumber(leaseRevenue.value));
    expect(formatNumber(leaseRevenue.value)).toMatch(/^\d\.\d{3}\.\d{3}$/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lingua' }), 'en');
  });
});
