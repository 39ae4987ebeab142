import { airAt } from './air';
import { buildWorld } from './build';
import { kpisAt } from './kpis';
import { DEFAULT_SEED } from './simulation';

const HOUR = 3_600_000;
const world = buildWorld(DEFAULT_SEED);
const stations = world.sensors.filter((s) => s.kind === 'air');

describe('the air-quality KPIs', () => {
  // 1 February 2026, 13:00 in Milan: January's 31 days are complete.
  const NOW = Date.parse('2026-02-01T12:00:00Z');
  const kpis = kpisAt(world, 'week', NOW);
  const byId = (id: string) => kpis.items.find((k) => k.id === id)!;

  it('count the days this year with a station’s PM10 daily mean above 50, against the 35 allowed', () => {
    // Counted apart: each January day in Milan (UTC+1) from its 24 hourly values at every station.
    let days = 0;
    for (let d = 0; d < 31; d++) {
      const start = Date.UTC(2025, 11, 31, 23) + d * 24 * HOUR;
      const means = stations.map(
        (s) =>
          Array.from({ length: 24 }, (_, h) => airAt(world, s.id, start + h * HOUR + HOUR / 2).pm10).reduce(
            (a, b) => a + b,
          ) / 24,
      );
      if (means.some((m) => m > 50)) days++;
    }
    const kpi = byId('pm10-days-above-limit');
    expect(days).toBeGreaterThan(0); // a Milan January has them
    expect(kpi.value).toBe(days);
    expect(kpi.target).toBe(35);
    expect(kpi.description).toMatch(/Directive 2008\/50\/EC.*35.*2030.*45 µg\/m³, 18 days/);
  });

  it('give the stations in each EAQI band and the residents near them', () => {
    const kpi = byId('poor-air-population');
    expect(kpi.bands!.map((b) => b.band)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(kpi.bands!.reduce((s, b) => s + b.stations, 0)).toBe(stations.length);
    const municipalities = new Set(stations.map((s) => s.municipalityId));
    const population = world.territory.municipalities
      .filter((m) => municipalities.has(m.id))
      .reduce((s, m) => s + m.population, 0);
    expect(Math.abs(kpi.bands!.reduce((s, b) => s + b.population, 0) - population)).toBeLessThanOrEqual(6);
    expect(kpi.value).toBeGreaterThanOrEqual(0);
    expect(kpi.value).toBeLessThanOrEqual(100);
    expect(kpi.description).toMatch(/split evenly among the municipality’s stations/);
  });
});
