import { screen, within, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setFault } from '../../../mocks/scenarios';
import { formatDuration } from '../../lib/format';
import { expectedTerritory, renderApp, setupSimulatedApi, statValue } from '../../test/render-app';

const server = setupSimulatedApi();

const sim = expectedTerritory();
const links = sim.qkdLinks();
/** The calmest link: its pool is full and filling. */
const calm = links.find((l) => l.storedKeysKbit > 0 && l.secretKeyRateKbps > l.consumptionKbps)!;
/** A link in a disturbed spell: its QBER is above the alarm threshold and its pool has run dry. */
const disturbed = links.find((l) => l.qberPercent >= l.qberAlarmPercent)!;

/** The API paths (with their query) the page asked for since the test began. */
function recordRequests() {
  const asked: string[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    asked.push(`${url.pathname.replace(/^.*\/api\/v1/, '')}${url.search}`);
  });
  return asked;
}

const qkdPanel = () => screen.findByRole('region', { name: 'Quantum key distribution links' });
const linkPanel = (name: string) => screen.findByRole('region', { name: `QKD link: ${name}` });
const responsePanel = () => screen.findByRole('region', { name: 'Response times' });

afterEach(() => server.events.removeAllListeners());

describe('QKD link details', () => {
  it('selecting a link asks for its history and charts its QBER against both thresholds', async () => {
    const asked = recordRequests();
    const { user, searchParams } = renderApp('/security');
    const qkd = await qkdPanel();

    await user.click(await within(qkd).findByRole('button', { name: calm.name }));

    await waitFor(() => expect(searchParams().get('link')).toBe(calm.id));
    expect(within(qkd).getByRole('button', { name: calm.name })).toHaveAttribute('aria-pressed', 'true');
    const detail = await linkPanel(calm.name);
    const chart = await within(detail).findByRole('img', { name: new RegExp(`^QBER of ${calm.name}\\.`) });
    expect(chart).toHaveAccessibleName(expect.stringContaining('against the alarm threshold of 6%'));
    expect(chart).toHaveAccessibleName(expect.stringContaining('and the security limit of 11%'));
    expect(asked).toContain(`/security/qkd-links/${calm.id}/series?hours=24`);

    // The chart's data, as a table.
    const [showQber] = within(detail).getAllByRole('button', { name: 'Show data table' });
    await user.click(showQber!);
    const table = within(detail).getByRole('table', { name: `QBER of ${calm.name}: data` });
    const series = sim.qkdLinkSeries(calm.id, 24)!;
    expect(within(table).getAllByRole('row')).toHaveLength(series.timestamps.length + 1);
    expect(within(table).getAllByRole('row').at(-1)).toHaveTextContent(
      `${series.timestamps.at(-1)}${series.qberPercent.at(-1)}`,
    );

    await user.click(within(detail).getByRole('button', { name: 'Close link details' }));
    await waitFor(() => expect(searchParams().has('link')).toBe(false));
    expect(screen.queryByRole('region', { name: `QKD link: ${calm.name}` })).not.toBeInTheDocument();
  });

  it('shows the key pool against consumption, and when it runs out at the current net rate', async () => {
    // The simulated link, with a stock drained at 6 kbit/s: 5,400 kbit last 900 s.
    const draining = { ...calm, storedKeysKbit: 5400, secretKeyRateKbps: 1.5, consumptionKbps: 7.5 };
    server.use(
      http.get('*/api/v1/security/qkd-links', () =>
        HttpResponse.json({ items: links.map((l) => (l.id === calm.id ? draining : l)) }),
      ),
    );
    renderApp(`/security?link=${calm.id}`);
    const detail = await linkPanel(calm.name);

    expect(await within(detail).findByText('15 min')).toBeInTheDocument();
    expect(statValue(detail, 'Key pool runs out in')).toBe('15 min');
    expect(statValue(detail, 'Stored keys')).toBe('5,400 kbit');
    expect(
      within(detail).getByText(
        `Key pool of ${calm.name}: 5,400 kbit stored, made at 1.5 kbit/s and used at 7.5 kbit/s: draining at 6 kbit/s, empty in about 15 min at this rate.`,
      ),
    ).toBeInTheDocument();
    expect(
      await within(detail).findByRole('img', { name: new RegExp(`^Key pool of ${calm.name}\\.`) }),
    ).toHaveAccessibleName(expect.stringContaining('against the secret key rate that fills the pool'));
  });

  it('says when the pool is not draining, and when it is already empty', async () => {
    const { user } = renderApp(`/security?link=${calm.id}`);
    const detail = await linkPanel(calm.name);
    expect(await within(detail).findByText('Not draining')).toBeInTheDocument();

    expect(disturbed.storedKeysKbit).toBe(0);
    await user.click(within(await qkdPanel()).getByRole('button', { name: disturbed.name }));
    const other = await linkPanel(disturbed.name);
    expect(await within(other).findByText('Empty now')).toBeInTheDocument();
    expect(statValue(other, 'QBER now')).toBe(`${disturbed.qberPercent}%`);
  });

  it('keeps a failing history to its own panel', async () => {
    setFault('qkd-series', 'server-error');
    renderApp(`/security?link=${calm.id}`);
    const detail = await linkPanel(calm.name);
    expect(await within(detail).findByRole('alert')).toHaveTextContent(
      `GET /security/qkd-links/${calm.id}/series answered HTTP 500`,
    );
    const qkd = await qkdPanel();
    expect(await within(qkd).findByText(calm.name, { selector: 'button' })).toBeInTheDocument();
    expect(within(qkd).queryByRole('alert')).not.toBeInTheDocument();
    expect(await within(await responsePanel()).findByRole('table')).toBeInTheDocument();
  });

  it('shows generic names and no node names in public mode', async () => {
    renderApp('/security?mode=public');
    const qkd = await qkdPanel();
    const named = await within(qkd).findAllByRole('button', { name: /^Link [0-9A-F]{4}$/ });
    expect(named).toHaveLength(links.length);
    for (const link of links) expect(within(qkd).queryByText(link.name)).not.toBeInTheDocument();
  });
});

describe('Response times', () => {
  const rowOf = (panel: HTMLElement, label: string) =>
    within(panel)
      .getAllByRole('row')
      // The severity's badge starts with its shape.
      .find((row) => within(row).queryAllByRole('cell')[0]?.textContent?.endsWith(label))!;

  it('shows MTTA and MTTR by severity beside the previous period, and switches period', async () => {
    const asked = recordRequests();
    const { user, searchParams } = renderApp('/security');
    const panel = await responsePanel();
    await within(panel).findByRole('table');
    expect(asked).toContain('/security/response-times?period=day');

    const day = sim.responseTimes('day');
    const high = day.items.find((i) => i.severity === 'high')!;
    expect(rowOf(panel, 'High')).toHaveTextContent(
      [
        formatDuration(high.current.mttaSeconds),
        formatDuration(high.previous.mttaSeconds),
        formatDuration(high.current.mttrSeconds),
        formatDuration(high.previous.mttrSeconds),
      ].join(''),
    );
    expect(rowOf(panel, 'All severities')).toHaveTextContent(
      `${day.total.current.alerts} (${day.total.current.alerts - day.total.current.resolved})`,
    );
    expect(
      within(panel).getByText(
        new RegExp(
          `over the ${day.total.current.acknowledged} alerts acknowledged; MTTR: from issue to the last resolution, over the ${day.total.current.resolved} resolved or closed`,
        ),
      ),
    ).toBeInTheDocument();
    expect(within(panel).getAllByRole('row')).toHaveLength(5 + 1 + 1);

    await user.click(within(panel).getByRole('button', { name: 'Week' }));

    await waitFor(() => expect(searchParams().get('rt')).toBe('week'));
    expect(await within(panel).findByText(/^Alerts issued in the last 7 days/)).toBeInTheDocument();
    expect(asked).toContain('/security/response-times?period=week');
    expect(within(panel).getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
    const week = sim.responseTimes('week');
    const critical = week.items.find((i) => i.severity === 'critical')!;
    expect(rowOf(panel, 'Critical')).toHaveTextContent(formatDuration(critical.current.mttaSeconds));
  });

  it('opens on the period in the link', async () => {
    const asked = recordRequests();
    renderApp('/security?rt=month');
    const panel = await responsePanel();
    expect(await within(panel).findByText(/^Alerts issued in the last 30 days/)).toBeInTheDocument();
    expect(asked).toContain('/security/response-times?period=month');
    expect(asked).not.toContain('/security/response-times?period=day');
  });

  it('keeps its error to itself', async () => {
    setFault('response-times', 'unavailable');
    renderApp('/security');
    const panel = await responsePanel();
    expect(await within(panel).findByRole('alert')).toHaveTextContent('HTTP 503');
    const qkd = await qkdPanel();
    expect(await within(qkd).findByText(links[0]!.name)).toBeInTheDocument();
    expect(within(qkd).queryByRole('alert')).not.toBeInTheDocument();
  });
});
