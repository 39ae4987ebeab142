import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { HOSTILE_STRING, setFault } from '../../../mocks/scenarios';
import { deviceSeries, healthDevices, healthFacilities } from '../../../mocks/territory/health';
import type { Device } from '../../api/schemas/health';
import { formatNumber, formatPercent, formatTime } from '../../lib/format';
import { useUiStore } from '../../store/ui-store';
import {
  expectedTerritory,
  renderApp,
  setupSimulatedApi,
  SIMULATED_NOW,
  statValue,
} from '../../test/render-app';

const server = setupSimulatedApi();

// What the API answers at the simulated instant, worked out here from the simulation itself.
const { world } = expectedTerritory();
const devices = healthDevices(world, SIMULATED_NOW);
const facilities = healthFacilities(world);
const municipalities = world.territory.municipalities;

const inState = (...states: Device['deviceState'][]) => devices.filter((d) => states.includes(d.deviceState));
const sum = (list: readonly Device[], value: (d: Device) => number) => list.reduce((s, d) => s + value(d), 0);

const devicesPanel = () => screen.findByRole('region', { name: 'Diagnostic devices' });
const attentionPanel = () => screen.findByRole('region', { name: 'Devices needing attention' });
const dividePanel = () => screen.findByRole('region', { name: 'The health divide' });
const devicesTable = (panel: HTMLElement) =>
  within(panel).findByRole('table', { name: /^Diagnostic devices: state/ });
const deviceRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1); // without the header

/** The names of the devices needing attention in the order a person should see to them. */
function worstFirst(list: readonly Device[] = devices): string[] {
  const rank = (d: Device) =>
    d.deviceState === 'fault'
      ? 0
      : d.deviceState === 'offline'
        ? 1
        : d.classicalFallback
          ? 2
          : d.deviceState === 'maintenance'
            ? 3
            : null;
  return list
    .filter((d) => rank(d) !== null)
    .sort(
      (a, b) =>
        rank(a)! - rank(b)! ||
        Date.parse(a.dateLastValueReported) - Date.parse(b.dateLastValueReported) ||
        a.name.localeCompare(b.name),
    )
    .map((d) => d.name);
}

describe('Health view', () => {
  // The simulated morning has something in each list the view draws: a fault, devices in
  // maintenance, devices on classical fallback, devices working.
  it('has devices in fault, in maintenance and on classical fallback at the simulated instant', () => {
    expect(inState('fault').length).toBeGreaterThan(0);
    expect(inState('maintenance').length).toBeGreaterThan(0);
    expect(devices.filter((d) => d.classicalFallback).length).toBeGreaterThan(0);
  });

  it('shows the fleet’s figures, every device, those needing attention worst first and the divide', async () => {
    const { user, searchParams } = renderApp('/health');
    const panel = await devicesPanel();
    const table = await devicesTable(panel);

    // Headline tiles, against sums worked out here.
    const available = inState('in-use', 'idle').length;
    const exams = sum(devices, (d) => d.examsToday);
    const typical = sum(devices, (d) => d.examsTypicalByNow);
    const sent = sum(devices, (d) => d.dataSentTodayMB);
    const safe = sum(devices, (d) => d.dataQkdProtectedTodayMB);
    const fallback = devices.filter((d) => d.classicalFallback);
    const change = exams / typical - 1;
    expect(statValue(panel, 'Devices available')).toBe(`${available} / ${devices.length}`);
    expect(statValue(panel, 'Fault')).toBe(String(inState('fault').length));
    expect(statValue(panel, 'Offline')).toBe(String(inState('offline').length));
    expect(statValue(panel, 'Maintenance')).toBe(String(inState('maintenance').length));
    expect(statValue(panel, 'Exams today')).toBe(formatNumber(exams));
    expect(
      within(panel).getByText(
        `A usual day has ${formatNumber(typical)} by now (${change >= 0 ? '+' : '−'}${formatPercent(Math.abs(change))})`,
      ),
    ).toBeInTheDocument();
    expect(statValue(panel, 'Today’s data over QKD only')).toBe(formatPercent(safe / sent, 1));
    expect(
      within(panel).getByText(
        `${formatNumber(safe)} of ${formatNumber(sent)} MB crossed only QKD-protected links`,
      ),
    ).toBeInTheDocument();
    expect(statValue(panel, 'Devices on classical encryption now')).toBe(String(fallback.length));
    const fallbackFacilities = new Set(fallback.map((d) => d.facilityId)).size;
    expect(
      within(panel).getByText(
        new RegExp(`^at ${fallbackFacilities} facilit(y|ies): a QKD link on their path`),
      ),
    ).toBeInTheDocument();

    // Every device has a row, named by a button; the worst states first.
    const named = deviceRows(table).map((row) => within(row).getByRole('button').textContent);
    expect(named).toHaveLength(devices.length);
    expect([...named].sort()).toEqual(devices.map((d) => d.name).sort());
    expect(named[0]).toBe(inState('fault')[0]!.name);

    // Those needing attention, worst first.
    const list = within(await attentionPanel()).getByRole('list', {
      name: 'Devices needing attention, worst first',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => within(li).getByRole('button').textContent)).toEqual(worstFirst());
    expect(items[0]).toHaveTextContent(/^\W*Fault/);
    expect(items.at(-1)).toHaveTextContent(/^\W*Maintenance/);

    // The divide, peripheral against central, from the territory's own municipalities.
    const divide = within(await dividePanel()).getByRole('table', { name: /per 10,000 residents/ });
    for (const [label, peripheral] of [
      ['Peripheral', true],
      ['Central', false],
    ] as const) {
      const here = municipalities.filter((m) => m.peripheral === peripheral);
      const ids = new Set(here.map((m) => m.id));
      const residents = here.reduce((s, m) => s + m.population, 0);
      const local = devices.filter((d) => ids.has(d.municipalityId));
      const localExams = sum(local, (d) => d.examsToday);
      const row = within(divide)
        .getByRole('rowheader', { name: `${label} (${here.length})` })
        .closest('tr')!;
      expect(
        within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ).toEqual([
        formatNumber(residents),
        formatNumber(facilities.filter((f) => ids.has(f.municipalityId)).length),
        formatNumber(local.length),
        formatNumber((local.length * 10_000) / residents, 2),
        formatNumber(localExams),
        formatNumber((localExams * 10_000) / residents, 2),
      ]);
    }

    // The state filter narrows the table, and the URL keeps it.
    const maintenance = inState('maintenance');
    const filter = within(panel).getByRole('combobox', { name: /state/i });
    expect(
      within(filter).getByRole('option', { name: `Maintenance (${maintenance.length})` }),
    ).toBeInTheDocument();
    await user.selectOptions(filter, 'maintenance');
    await waitFor(() => expect(searchParams().get('state')).toBe('maintenance'));
    expect(deviceRows(table)).toHaveLength(maintenance.length);
    for (const d of maintenance) expect(within(table).getByRole('button', { name: d.name })).toBeVisible();
    expect(within(table).queryByRole('button', { name: inState('fault')[0]!.name })).not.toBeInTheDocument();
  });

  it('opens a selected device: its last day charted, and its facts and path hop by hop in the map’s details', async () => {
    // A device in use whose data now falls back to classical encryption.
    const device = devices.find((d) => d.deviceState === 'in-use' && d.classicalFallback)!;
    const facility = facilities.find((f) => f.id === device.facilityId)!;
    const { user, searchParams } = renderApp('/health');
    const table = await devicesTable(await devicesPanel());

    await user.click(within(table).getByRole('button', { name: device.name }));

    await waitFor(() => expect(searchParams().get('sel')).toBe(`device:${device.id}`));
    expect(within(table).getByRole('button', { name: device.name })).toHaveAttribute('aria-pressed', 'true');
    const detail = await screen.findByRole('region', { name: `Device ${device.name}` });

    // Its summary in words, worked out from its history.
    const series = deviceSeries(world, device.id, SIMULATED_NOW, 24)!;
    const byHour = new Map<number, number>();
    series.timestamps.forEach((stamp, i) => {
      const hour = Math.floor(Date.parse(stamp) / 3_600_000) * 3_600_000;
      byHour.set(hour, (byHour.get(hour) ?? 0) + series.exams[i]!);
    });
    const [busiestHour, busiestExams] = [...byHour].reduce((b, h) => (h[1] > b[1] ? h : b));
    const fallbackMinutes = series.classicalFallback.filter(Boolean).length * 5;
    expect(Date.parse(series.to) - Date.parse(series.timestamps.at(-1)!)).toBe(5 * 60_000); // no part-step
    const total = (values: number[]) => values.reduce((s, v) => s + v, 0);
    const chart = await within(detail).findByRole('img', { name: /^Exams and data of / });
    expect(chart).toHaveAccessibleName(
      [
        `Exams and data of ${device.name} by hour.`,
        `${device.name}: ${formatNumber(total(series.exams))} exams and ${formatNumber(total(series.dataSentMB), 1)} MB sent over the last day.`,
        `Busiest hour from ${formatTime(busiestHour)}, with ${busiestExams} exam${busiestExams === 1 ? '' : 's'}.`,
        fallbackMinutes > 0
          ? `Its transfers were on classical encryption for ${formatNumber(fallbackMinutes)} minutes.`
          : 'Its whole path was QKD-protected throughout.',
      ].join(' '),
    );
    expect(within(detail).getByRole('button', { name: 'Download CSV' })).toBeInTheDocument();

    // Its facts now, and its path from its 5G site to the data centre, in the map's details.
    const facts = await screen.findByRole('region', { name: `Details: ${device.name}` });
    expect(
      within(facts).getByText(/^Its transfers fall back to classical encryption now/),
    ).toBeInTheDocument();
    expect(within(facts).getByText(new RegExp(`^${facility.name} · `))).toBeInTheDocument();
    const path = within(facts).getByRole('list', { name: `Path of the data of ${device.name}` });
    const hops = within(path).getAllByRole('listitem');
    // Each badge starts with its shape (hidden from assistive technology).
    expect(hops.map((li) => li.textContent?.replace(/^[●▲■○]/, ''))).toEqual(
      device.path.map(
        (hop) =>
          `${hop.kind === 'site' ? '5G radio' : hop.qkdProtected ? 'QKD-protected' : 'Classical encryption'} ${hop.name}`,
      ),
    );

    await user.click(within(detail).getByRole('button', { name: 'Close the device' }));
    await waitFor(() => expect(searchParams().has('sel')).toBe(false));
    expect(screen.queryByRole('region', { name: `Device ${device.name}` })).not.toBeInTheDocument();
  });

  it('shows a wall four figures and the devices needing attention, worst first', async () => {
    // None is offline at the simulated instant: one that has been silent for three hours.
    const silent = inState('idle')[0]!;
    const wallDevices = devices.map((d) =>
      d === silent
        ? {
            ...d,
            deviceState: 'offline' as const,
            dateLastValueReported: new Date(SIMULATED_NOW - 3 * 3_600_000).toISOString(),
          }
        : d,
    );
    server.use(http.get('*/api/v1/health/devices', () => HttpResponse.json({ items: wallDevices })));
    // A wall's list is cut to the rows its slot holds: give jsdom, which lays nothing out, room for all.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(10_000);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ height: 20 } as DOMRect);

    renderApp('/health?mode=wall');
    const panel = await devicesPanel();
    const list = await within(panel).findByRole('list', { name: 'Devices needing attention, worst first' });
    expect(
      within(panel)
        .getAllByText(/./, { selector: 'dt' })
        .map((dt) => dt.textContent),
    ).toEqual(['Devices available', 'Devices down', 'Exams today', 'Today’s data over QKD only']);
    const faults = inState('fault').length;
    expect(statValue(panel, 'Devices down')).toBe(String(faults + 1));
    expect(within(panel).getByText(`fault: ${faults}, offline: 1`)).toBeInTheDocument();
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(worstFirst(wallDevices));
    expect(items[faults]).toHaveTextContent(`Offline silent for 3 h · ${silent.name}`);

    const peripheral = municipalities.filter((m) => m.peripheral);
    const ids = new Set(peripheral.map((m) => m.id));
    const residents = peripheral.reduce((s, m) => s + m.population, 0);
    expect(statValue(await dividePanel(), 'Devices per 10,000 residents, periphery')).toBe(
      formatNumber((devices.filter((d) => ids.has(d.municipalityId)).length * 10_000) / residents, 2),
    );
  });

  it('shows the devices endpoint’s error in each of its panels, with no figures', async () => {
    setFault('health-devices', 'server-error');
    renderApp('/health');
    for (const panel of [await devicesPanel(), await attentionPanel(), await dividePanel()]) {
      expect(await within(panel).findByRole('alert')).toHaveTextContent(
        'The backend answered with an error: GET /health/devices answered HTTP 500.',
      );
      expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
      expect(within(panel).queryByRole('list')).not.toBeInTheDocument();
      expect(panel.querySelector('dt')).toBeNull();
    }
    expect(
      screen.getByRole('heading', { level: 1, name: 'Health: compact diagnostic devices' }),
    ).toBeVisible();
  });

  it('says when no devices are registered', async () => {
    setFault('health-devices', 'empty');
    renderApp('/health');
    for (const panel of [await devicesPanel(), await attentionPanel(), await dividePanel()]) {
      expect(await within(panel).findByText('No diagnostic devices are registered.')).toBeInTheDocument();
      expect(panel.querySelector('dt')).toBeNull();
    }
  });

  it('shows hostile strings in device, facility and hop names as text', async () => {
    setFault('health-devices', 'hostile-strings');
    setFault('health-facilities', 'hostile-strings');
    const device = inState('fault')[0]!;
    const facility = facilities.find((f) => f.id === device.facilityId)!;
    const hostile = (text: string) => `${HOSTILE_STRING}${text}`;
    renderApp(`/health?sel=device:${device.id}`);

    const table = await devicesTable(await devicesPanel());
    expect(within(table).getByRole('button', { name: hostile(device.name) })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: `Device ${hostile(device.name)}` })).toBeInTheDocument();
    const facts = await screen.findByRole('region', { name: `Details: ${hostile(device.name)}` });
    expect(
      await within(facts).findByText(`${hostile(facility.name)} · `, { exact: false }),
    ).toBeInTheDocument();
    const path = within(facts).getByRole('list', { name: `Path of the data of ${hostile(device.name)}` });
    expect(within(path).getAllByRole('listitem')[0]).toHaveTextContent(hostile(device.path[0].name));
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('main script')).toBeNull();
    expect((window as { __territorioXss?: number }).__territorioXss).toBeUndefined();
  });

  it('speaks Italian', async () => {
    // The language a link chooses is remembered: forget it for the tests after this one.
    onTestFinished(() => {
      useUiStore.setState({ language: null });
    });
    renderApp('/health?lang=it');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sanità: dispositivi diagnostici compatti' }),
    ).toBeInTheDocument();
    const panel = await screen.findByRole('region', { name: 'Dispositivi diagnostici' });
    expect(await within(panel).findByText('Dispositivi disponibili', { selector: 'dt' })).toBeInTheDocument();
  });
});
