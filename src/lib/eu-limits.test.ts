import { EU_LIMITS, inForce, limitLabel, limitsInRange } from './eu-limits';

const find = (pollutant: keyof typeof EU_LIMITS, value: number, regime: string) =>
  EU_LIMITS[pollutant].find((l) => l.value === value && l.regime === regime && l.period !== 'year')!;

describe('EU air-quality values', () => {
  it('name the regime and the exceedances each allows (DESIGN.md §6)', () => {
    expect(limitLabel(find('pm10', 50, 'in-force'))).toBe(
      'EU limit of 50 µg/m³ (35 days a year allowed), 24-h mean, in force',
    );
    expect(limitLabel(find('pm10', 45, 'from-2030'))).toBe(
      'EU limit of 45 µg/m³ (18 days a year allowed), 24-h mean, from 2030',
    );
    expect(limitLabel(find('no2', 200, 'in-force'))).toBe(
      'EU limit of 200 µg/m³ (18 hours a year allowed), 1-h mean, in force',
    );
    expect(limitLabel(find('no2', 200, 'from-2030'))).toBe(
      'EU limit of 200 µg/m³ (3 hours a year allowed), 1-h mean, from 2030',
    );
    expect(limitLabel(find('so2', 125, 'in-force'))).toBe(
      'EU limit of 125 µg/m³ (3 days a year allowed), 24-h mean, in force',
    );
    expect(limitLabel(find('o3', 120, 'in-force'))).toBe(
      'EU target of 120 µg/m³ (25 days a year allowed, averaged over 3 years), maximum daily 8-h mean, in force',
    );
    expect(limitLabel(find('o3', 180, 'both'))).toBe('EU information threshold of 180 µg/m³, 1-h mean');
    expect(limitLabel(find('o3', 240, 'both'))).toBe('EU alert threshold of 240 µg/m³, 1-h mean');
  });

  it('in force today: 2008/50/EC’s values and the ozone thresholds, not 2030’s', () => {
    expect(EU_LIMITS.pm10.filter(inForce).map((l) => [l.value, l.period])).toEqual([
      [50, 24],
      [40, 'year'],
    ]);
    expect(EU_LIMITS.so2.filter(inForce).map((l) => [l.value, l.period, l.allowed])).toEqual([
      [350, 1, 24],
      [125, 24, 3],
    ]);
  });

  it('draw one line for a value both regimes share, and name the values in full', () => {
    const { near, far } = limitsInRange('no2', 150);
    expect(near.map((l) => [l.value, l.label])).toEqual([
      [200, 'EU limit 200, 1-h mean, in force and from 2030'],
      [50, 'EU limit 50, 24-h mean, from 2030'],
    ]);
    expect(near[0]!.detail).toBe(
      'EU limit of 200 µg/m³ (18 hours a year allowed), 1-h mean, in force; ' +
        'EU limit of 200 µg/m³ (3 hours a year allowed), 1-h mean, from 2030',
    );
    expect(far).toEqual([]);
    // Annual values are not compared with an hourly chart.
    expect(limitsInRange('pm25', 1000).near.map((l) => l.label)).toEqual([
      'EU limit 25, 24-h mean, from 2030',
    ]);
    expect(limitsInRange('o3', 80).far.map((l) => l.label)).toEqual([
      'EU information threshold 180, 1-h mean',
      'EU alert threshold 240, 1-h mean',
    ]);
  });
});
