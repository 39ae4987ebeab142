import type { Kpi, Period } from '../../src/api/schemas/kpis';
import { healthActivity, healthDevices } from './health';
import { kpisAt, localisedKpis } from './kpis';
import { createSimulation } from './simulation';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PERIOD_MS: Record<Period, number> = { day: DAY, week: 7 * DAY, month: 30 * DAY, quarter: 91 * DAY };
const HEALTH_IDS = ['health-devices-available', 'health-peripheral-exams', 'health-data-qkd-protected'];

/** The last millisecond of Tuesday 24 November 2026 in Milan (UTC+1): the day period is that day. */
const NOW = Date.parse('2026-11-25T00:00:00+01:00') - 1;
const { world } = createSimulation({ now: () => NOW });
const peripheral = new Set(world.territory.municipalities.filter((m) => m.peripheral).map((m) => m.id));
const residents = world.territory.municipalities
  .filter((m) => m.peripheral)
  .reduce((sum, m) => sum + m.population, 0);
const kpi = (items: Kpi[], id: string) => items.find((k) => k.id === id)!;
const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((s, item) => s + of(item), 0);

describe('the health indicators', () => {
  const day = kpisAt(world, 'day', NOW).items;

  it('agree over a day with what the devices endpoint shows for that day', () => {
    // Counted apart from the indicators: the devices as the endpoint gives them in the day's last
    // minute (today's exams and data), and their states every 10 minutes through the day.
    const devices = healthDevices(world, NOW);
    const exams = sum(
      devices.filter((d) => peripheral.has(d.municipalityId)),
      (d) => d.examsToday,
    );
    const sent = sum(devices, (d) => d.dataSentTodayMB);
    const safe = sum(devices, (d) => d.dataQkdProtectedTodayMB);
    const states = Array.from({ length: 144 }, (_, i) =>
      healthDevices(world, NOW - DAY + 5 * MINUTE + i * 10 * MINUTE).map((d) => d.deviceState),
    ).flat();
    const available = states.filter((s) => s === 'in-use' || s === 'idle').length / states.length;
    expect(exams).toBeGreaterThan(300); // a weekday's work
    expect(safe).toBeGreaterThan(0);
    expect(safe).toBeLessThan(sent);

    // The indicators round to 0.1 pp and 0.01 exams per 10,000; a device's last minute, its data
    // rounded to 0.1 MB and the states read every 10 minutes account for the rest.
    expect(Math.abs(kpi(day, 'health-devices-available').value! - 100 * available)).toBeLessThan(0.2);
    expect(Math.abs(kpi(day, 'health-peripheral-exams').value! - (exams / residents) * 1e4)).toBeLessThan(
      0.02,
    );
    expect(Math.abs(kpi(day, 'health-data-qkd-protected').value! - (100 * safe) / sent)).toBeLessThan(0.2);
  });

  it.each(['week', 'month', 'quarter'] as const)(
    'come close to the full count over a %s, from a sample of its device-hours',
    (period) => {
      // Half as much again as the largest errors seen over 36 periods of each length and three
      // seeds (1 pp, 9 %, 4 pp); their rms is under 0.5 pp, about 3 % and under 2 pp.
      const items = kpisAt(world, period, NOW).items;
      const full = healthActivity(world, NOW - PERIOD_MS[period], NOW);
      const days = PERIOD_MS[period] / DAY;
      const error = (id: string, exact: number) => Math.abs(kpi(items, id).value! - exact);
      expect(error('health-devices-available', (100 * full.availableMs) / full.deviceMs)).toBeLessThan(1.5);
      const exams = (full.peripheralExams / days / residents) * 1e4;
      expect(error('health-peripheral-exams', exams) / exams).toBeLessThan(0.15);
      expect(error('health-data-qkd-protected', (100 * full.qkdProtectedMB) / full.dataMB)).toBeLessThan(6);
    },
  );

  it('have targets, a previous period and a trend, higher being better', () => {
    for (const period of ['day', 'week'] as const) {
      const items = kpisAt(world, period, NOW).items;
      for (const id of HEALTH_IDS) {
        const k = kpi(items, id);
        expect(k.direction, id).toBe('higher-is-better');
        expect(k.target, id).not.toBeNull();
        expect(k.previous, id).not.toBeNull();
        expect(k.trend, id).toHaveLength(8);
        expect(k.trend.at(-1), id).toBe(k.value);
        expect(k.trend.at(-2), id).toBe(k.previous);
        expect(k.description, id).toBeTruthy();
      }
    }
    expect(kpi(day, 'health-devices-available').target).toBe(95);
    expect(kpi(day, 'health-data-qkd-protected').target).toBe(99);
  });

  it('are labelled and described in Italian', () => {
    const english = new Map(day.map((k) => [k.id, k]));
    const italian = localisedKpis(kpisAt(world, 'day', NOW), 'it').items.filter((k) =>
      HEALTH_IDS.includes(k.id),
    );
    expect(italian).toHaveLength(3);
    expect(kpi(italian, 'health-peripheral-exams').unit).toBe('esami');
    for (const k of italian) {
      expect(k.label, k.id).not.toBe(english.get(k.id)!.label);
      expect(k.description, k.id).not.toBe(english.get(k.id)!.description);
    }
  });
});
