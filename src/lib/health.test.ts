import type { Device, DeviceSeries, Facility, LinkHop } from '../api/schemas/health';
import { aDevice, linkHop, SITE_HOP } from '../test/health-fixtures';
import type { Territory } from '../api/schemas/territory';
import {
  devicesByFacility,
  devicesNeedingAttention,
  deviceHours,
  fallbackSpans,
  fleetFigures,
  healthDivide,
  isAvailable,
  pathProtection,
  protectedShare,
  worstState,
} from './health';

// Small hand-made fleets; every expected figure below is worked out by hand.

const site = SITE_HOP;
const fibre = (qkdProtected: boolean) => linkHop('fibre', 'Fibre to Node', [9.2, 45.2], qkdProtected);
const qkdLink = (qkdProtected: boolean) =>
  linkHop('qkd-link', 'Node – Data centre', [9.3, 45.3], qkdProtected);

const reported = (hhmm: string) => `2026-03-11T${hhmm}:00.000Z`;

/** A device in 'centre' whose whole path is QKD-protected, reported at 08:30. */
const device = (id: string, over: Partial<Device> = {}): Device =>
  aDevice(id, { municipalityId: 'centre', path: [site, fibre(true), qkdLink(true)], ...over });

const states = (...list: Device['deviceState'][]) => list.map((s, i) => device(`d${i}`, { deviceState: s }));

describe('a device’s availability and the worst of several', () => {
  it('counts a device in use or idle as available, and none other', () => {
    expect(isAvailable('in-use')).toBe(true);
    expect(isAvailable('idle')).toBe(true);
    expect(isAvailable('maintenance')).toBe(false);
    expect(isAvailable('fault')).toBe(false);
    expect(isAvailable('offline')).toBe(false);
  });

  it('judges fault worst, then offline, maintenance, in use and idle, whatever the order given', () => {
    expect(worstState([])).toBeNull();
    expect(worstState(states('idle'))).toBe('idle');
    expect(worstState(states('idle', 'in-use', 'idle'))).toBe('in-use');
    expect(worstState(states('in-use', 'maintenance', 'idle'))).toBe('maintenance');
    expect(worstState(states('maintenance', 'idle', 'offline'))).toBe('offline');
    expect(worstState(states('offline', 'fault', 'maintenance'))).toBe('fault');
    expect(worstState(states('fault', 'offline'))).toBe('fault');
  });
});

describe('devices by facility', () => {
  it('groups devices under their facility’s id, each group in the order given', () => {
    const a1 = device('a1', { facilityId: 'fac-a' });
    const b1 = device('b1', { facilityId: 'fac-b' });
    const a2 = device('a2', { facilityId: 'fac-a' });
    const by = devicesByFacility([a1, b1, a2]);
    expect([...by.keys()]).toEqual(['fac-a', 'fac-b']);
    expect(by.get('fac-a')).toEqual([a1, a2]);
    expect(by.get('fac-b')).toEqual([b1]);
    expect(devicesByFacility([]).size).toBe(0);
  });
});

describe('the protection of a device’s data', () => {
  it('gives the share of today’s data that crossed only QKD-protected links, and none before any was sent', () => {
    expect(protectedShare({ dataSentTodayMB: 200, dataQkdProtectedTodayMB: 150 })).toBe(0.75);
    expect(protectedShare({ dataSentTodayMB: 40, dataQkdProtectedTodayMB: 40 })).toBe(1);
    expect(protectedShare({ dataSentTodayMB: 40, dataQkdProtectedTodayMB: 0 })).toBe(0);
    expect(protectedShare({ dataSentTodayMB: 0, dataQkdProtectedTodayMB: 0 })).toBeNull();
  });

  it('says whether its path now is all QKD-protected, fallen back to classical, or partly classical by design', () => {
    const path = (...links: LinkHop[]): Device['path'] => [site, ...links];
    expect(pathProtection({ path: path(fibre(true), qkdLink(true)), classicalFallback: false })).toBe(
      'protected',
    );
    // The site's radio hop has no QKD of its own and does not count against the path.
    expect(pathProtection({ path: path(), classicalFallback: false })).toBe('protected');
    // The fibre beyond its node's QKD reach: classical by design, not a fallback.
    expect(pathProtection({ path: path(fibre(false), qkdLink(true)), classicalFallback: false })).toBe(
      'partial',
    );
    expect(pathProtection({ path: path(fibre(true), qkdLink(false)), classicalFallback: true })).toBe(
      'fallback',
    );
    // A fallback outweighs a fibre that is classical anyway.
    expect(pathProtection({ path: path(fibre(false), qkdLink(false)), classicalFallback: true })).toBe(
      'fallback',
    );
  });
});

describe('the fleet’s figures', () => {
  it('counts devices by state and sums today’s exams and data over the fleet', () => {
    const figures = fleetFigures([
      device('d1', {
        deviceState: 'in-use',
        examsToday: 3,
        examsTypicalByNow: 2.5,
        dataSentTodayMB: 120,
        dataQkdProtectedTodayMB: 120,
      }),
      device('d2', {
        deviceState: 'idle',
        examsToday: 1,
        examsTypicalByNow: 1.5,
        dataSentTodayMB: 30,
        classicalFallback: true,
      }),
      device('d3', { deviceState: 'fault', facilityId: 'fac-b', examsTypicalByNow: 2 }),
      device('d4', {
        deviceState: 'offline',
        facilityId: 'fac-c',
        examsToday: 2,
        examsTypicalByNow: 2,
        dataSentTodayMB: 50,
        dataQkdProtectedTodayMB: 30,
        classicalFallback: true,
      }),
      device('d5', { deviceState: 'idle', classicalFallback: true }),
    ]);
    expect(figures).toEqual({
      devices: 5,
      byState: { 'in-use': 1, idle: 2, maintenance: 0, fault: 1, offline: 1 },
      available: 3,
      availableShare: 3 / 5,
      examsToday: 3 + 1 + 2,
      examsTypicalByNow: 2.5 + 1.5 + 2 + 2,
      dataSentTodayMB: 120 + 30 + 50,
      dataQkdProtectedTodayMB: 120 + 30,
      protectedShare: 150 / 200,
      // Three devices falling back, at two facilities (fac-a counted once).
      fallbackDevices: 3,
      fallbackFacilityIds: ['fac-a', 'fac-c'],
    });
  });

  it('has no shares for no devices, and no protected share before any data was sent', () => {
    expect(fleetFigures([])).toEqual({
      devices: 0,
      byState: { 'in-use': 0, idle: 0, maintenance: 0, fault: 0, offline: 0 },
      available: 0,
      availableShare: null,
      examsToday: 0,
      examsTypicalByNow: 0,
      dataSentTodayMB: 0,
      dataQkdProtectedTodayMB: 0,
      protectedShare: null,
      fallbackDevices: 0,
      fallbackFacilityIds: [],
    });
    const quiet = fleetFigures([device('d1', { deviceState: 'maintenance' })]);
    expect(quiet.availableShare).toBe(0);
    expect(quiet.protectedShare).toBeNull();
  });
});

describe('the health divide', () => {
  const territoryOf = (municipalities: { id: string; population: number; peripheral: boolean }[]) =>
    ({ municipalities }) as unknown as Territory;
  const facility = (id: string, municipalityId: string): Facility => ({
    id,
    name: id,
    kind: 'clinic',
    municipalityId,
    location: [9, 45],
  });
  const at = (id: string, municipalityId: string, examsToday: number) =>
    device(id, { municipalityId, examsToday });

  it('gives devices and exams per 10,000 residents in peripheral and central municipalities', () => {
    const territory = territoryOf([
      { id: 'centre', population: 20_000, peripheral: false },
      { id: 'edge-1', population: 3_000, peripheral: true },
      { id: 'edge-2', population: 2_000, peripheral: true },
    ]);
    const facilities = [
      facility('f1', 'centre'),
      facility('f2', 'edge-1'),
      facility('f3', 'edge-1'),
      facility('f4', 'edge-2'),
    ];
    const devices = [
      at('c1', 'centre', 3),
      at('c2', 'centre', 3),
      at('c3', 'centre', 2),
      at('c4', 'centre', 2),
      at('p1', 'edge-1', 1),
      at('p2', 'edge-2', 2),
      // Outside the territory's municipalities: on neither side.
      at('x1', 'elsewhere', 5),
    ];
    expect(healthDivide(territory, facilities, devices)).toEqual({
      // 5,000 residents: 2 devices → 4 per 10,000; 3 exams → 6 per 10,000.
      peripheral: {
        residents: 5_000,
        municipalities: 2,
        facilities: 3,
        devices: 2,
        examsToday: 3,
        devicesPer10k: 4,
        examsPer10k: 6,
      },
      // 20,000 residents: 4 devices → 2 per 10,000; 10 exams → 5 per 10,000.
      central: {
        residents: 20_000,
        municipalities: 1,
        facilities: 1,
        devices: 4,
        examsToday: 10,
        devicesPer10k: 2,
        examsPer10k: 5,
      },
    });
  });

  it('gives no rate where nobody lives', () => {
    const territory = territoryOf([
      { id: 'centre', population: 10_000, peripheral: false },
      { id: 'ghost', population: 0, peripheral: true },
    ]);
    const { peripheral, central } = healthDivide(
      territory,
      [facility('f1', 'ghost')],
      [at('g1', 'ghost', 4), at('c1', 'centre', 1)],
    );
    expect(peripheral).toMatchObject({ residents: 0, devices: 1, examsToday: 4 });
    expect(peripheral.devicesPer10k).toBeNull();
    expect(peripheral.examsPer10k).toBeNull();
    expect(central).toMatchObject({ devicesPer10k: 1, examsPer10k: 1, facilities: 0 });
  });
});

describe('devices needing attention', () => {
  it('lists faults, then offline, fallbacks and maintenance; the longest silent first; then by name', () => {
    const devices = [
      device('fine', { deviceState: 'idle' }),
      device('fine-busy', { deviceState: 'in-use' }),
      device('b', {
        name: 'Bravo',
        deviceState: 'in-use',
        classicalFallback: true,
        dateLastValueReported: reported('08:29'),
      }),
      device('c', { deviceState: 'maintenance', dateLastValueReported: reported('08:00') }),
      device('d', { deviceState: 'offline', dateLastValueReported: reported('06:00') }),
      device('e', { deviceState: 'fault', dateLastValueReported: reported('08:29') }),
      device('f', { deviceState: 'fault', dateLastValueReported: reported('07:00') }),
      // In maintenance and falling back: the fallback is the graver.
      device('g', {
        deviceState: 'maintenance',
        classicalFallback: true,
        dateLastValueReported: reported('08:30'),
      }),
      // Offline and falling back: offline is the graver.
      device('h', {
        deviceState: 'offline',
        classicalFallback: true,
        dateLastValueReported: reported('04:00'),
      }),
      device('i', {
        name: 'Alpha',
        deviceState: 'idle',
        classicalFallback: true,
        dateLastValueReported: reported('08:29'),
      }),
    ];
    expect(devicesNeedingAttention(devices).map((a) => [a.device.id, a.reason])).toEqual([
      ['f', 'fault'], // 07:00
      ['e', 'fault'], // 08:29
      ['h', 'offline'], // 04:00
      ['d', 'offline'], // 06:00
      ['i', 'fallback'], // 08:29, Alpha
      ['b', 'fallback'], // 08:29, Bravo
      ['g', 'fallback'], // 08:30
      ['c', 'maintenance'],
    ]);
  });

  it('lists nobody when every device works and sends over QKD', () => {
    expect(devicesNeedingAttention([])).toEqual([]);
    expect(devicesNeedingAttention(states('idle', 'in-use'))).toEqual([]);
  });
});

/** A history in 5-minute steps from `from`, each step's path given as P (protected), F (fallback) or - (neither). */
function history(from: string, to: string, steps: { exams: number; mb: number; path: 'P' | 'F' | '-' }[]) {
  const start = Date.parse(from);
  return {
    deviceId: 'hd-1',
    from,
    to,
    stepSeconds: 300,
    timestamps: steps.map((_, i) => new Date(start + i * 300_000).toISOString()),
    exams: steps.map((s) => s.exams),
    dataSentMB: steps.map((s) => s.mb),
    qkdProtected: steps.map((s) => s.path === 'P'),
    classicalFallback: steps.map((s) => s.path === 'F'),
  } satisfies DeviceSeries;
}

describe('a device’s history by hour', () => {
  it('sums 5-minute steps into clock hours, counting each hour’s minutes protected and on fallback', () => {
    const series = history('2026-03-11T07:50:00.000Z', '2026-03-11T08:20:00.000Z', [
      { exams: 1, mb: 10.5, path: 'P' }, // 07:50
      { exams: 0, mb: 0, path: 'F' }, // 07:55
      { exams: 2, mb: 20, path: 'F' }, // 08:00
      { exams: 1, mb: 5, path: '-' }, // 08:05: partly classical by design, neither
      { exams: 0, mb: 2.5, path: 'P' }, // 08:10
      { exams: 1, mb: 4, path: 'P' }, // 08:15
    ]);
    expect(deviceHours(series)).toEqual([
      {
        t: Date.parse('2026-03-11T07:00:00Z'),
        exams: 1,
        dataSentMB: 10.5,
        protectedMinutes: 5,
        fallbackMinutes: 5,
      },
      {
        t: Date.parse('2026-03-11T08:00:00Z'),
        exams: 2 + 1 + 0 + 1,
        dataSentMB: 20 + 5 + 2.5 + 4,
        protectedMinutes: 10,
        fallbackMinutes: 5,
      },
    ]);
    expect(deviceHours(history('2026-03-11T08:00:00.000Z', '2026-03-11T08:00:00.000Z', []))).toEqual([]);
  });

  it('counts the last step’s minutes only up to the history’s end', () => {
    // Steps at 08:00 and 08:05; the history ends at 08:08, three minutes into the last.
    const series = history('2026-03-11T08:00:00.000Z', '2026-03-11T08:08:00.000Z', [
      { exams: 1, mb: 3, path: 'F' },
      { exams: 0, mb: 0, path: 'F' },
    ]);
    expect(deviceHours(series)).toEqual([
      {
        t: Date.parse('2026-03-11T08:00:00Z'),
        exams: 1,
        dataSentMB: 3,
        protectedMinutes: 0,
        fallbackMinutes: 8,
      },
    ]);
    expect(fallbackSpans(series)).toEqual([
      [Date.parse('2026-03-11T08:00:00Z'), Date.parse('2026-03-11T08:08:00Z')],
    ]);
  });
});

describe('the spans of a history on classical fallback', () => {
  const at = (hhmm: string) => Date.parse(`2026-03-11T${hhmm}:00Z`);
  const steps = (paths: string) =>
    [...paths].map((path) => ({ exams: 0, mb: 0, path: path as 'P' | 'F' | '-' }));

  it('merges adjacent steps into one span and ends the last at the history’s end', () => {
    // Steps at 08:00 … 08:25; the history ends at 08:28, three minutes into its last step.
    const series = history('2026-03-11T08:00:00.000Z', '2026-03-11T08:28:00.000Z', steps('FFPF-F'));
    expect(fallbackSpans(series)).toEqual([
      [at('08:00'), at('08:10')],
      [at('08:15'), at('08:20')],
      [at('08:25'), at('08:28')],
    ]);
  });

  it('has one span for a history all on fallback, and none for one without', () => {
    expect(
      fallbackSpans(history('2026-03-11T08:00:00.000Z', '2026-03-11T08:15:00.000Z', steps('FFF'))),
    ).toEqual([[at('08:00'), at('08:15')]]);
    expect(
      fallbackSpans(history('2026-03-11T08:00:00.000Z', '2026-03-11T08:15:00.000Z', steps('P-P'))),
    ).toEqual([]);
  });
});
