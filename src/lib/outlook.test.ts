import { airOutlook, dailyExceedances, dailyLimit, exceedanceSentence } from './outlook';

const NOW = Date.parse('2026-11-25T20:00:00Z'); // 21:00 in Milan
const step = (hoursAhead: number, p50: number) => ({
  t: new Date(NOW + hoursAhead * 3_600_000).toISOString(),
  p10: p50 - 5,
  p50,
  p90: p50 + 5,
});

describe('airOutlook', () => {
  const forecast = {
    pollutant: 'pm10' as const,
    unit: 'µg/m³',
    observed: [],
    steps: [step(1, 40), step(12, 62), step(13, 55), step(30, 90)],
  };
  const hours = (from: number, to: number, value: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({
      t: new Date(NOW + (from + i) * 3_600_000).toISOString(),
      value,
    }));

  it('names the peak of the next 24 hours, its band and the day; no daily mean without a day of hours', () => {
    expect(airOutlook(forecast, 'the metropolitan area', NOW)).toBe(
      'PM10 in the metropolitan area is expected to peak at 62 µg/m³ (moderate) tomorrow at 09:00.',
    );
  });

  it('judges PM10 on its 24-hour mean, not on hours above 50', () => {
    // Today in Milan: 21 hours observed at 40 (00:00–20:00) and two forecast at 100, a mean of
    // 1040 / 23 = 45.2, below 50 though two hours are above it. Tomorrow: 24 hours at 60.
    const observed = hours(-21, -1, 40);
    const steps = [step(1, 100), step(2, 100), ...hours(3, 48, 60).map((h) => ({ ...step(0, 60), t: h.t }))];
    expect(airOutlook({ ...forecast, observed, steps }, 'Rho', NOW)).toBe(
      'PM10 in Rho is expected to peak at 100 µg/m³ (moderate) today at 22:00, the 24-hour mean expected above ' +
        'the EU limit of 50 µg/m³ (35 days a year allowed) tomorrow (60 µg/m³).',
    );
    const calm = steps.map((s) => ({ ...s, p50: Math.min(s.p50, 45) }));
    expect(airOutlook({ ...forecast, observed, steps: calm }, 'Rho', NOW)).toBe(
      'PM10 in Rho is expected to peak at 45 µg/m³ (fair) today at 22:00, the 24-hour mean expected below ' +
        'the EU limit of 50 µg/m³ (35 days a year allowed) today and tomorrow.',
    );
  });

  it('counts the hours of NO₂ above its hourly limit', () => {
    const steps = [step(1, 150), step(5, 210), step(6, 230), step(7, 205), step(30, 260)];
    expect(airOutlook({ ...forecast, pollutant: 'no2', steps }, 'Rho', NOW)).toBe(
      'NO₂ in Rho is expected to peak at 230 µg/m³ (extremely poor) tomorrow at 03:00, above the EU limit ' +
        'of 200 µg/m³ (18 hours a year allowed) for 3 of the next 24 hours.',
    );
  });

  it('judges ozone on its maximum 8-hour mean and its hourly information threshold', () => {
    // Tomorrow 12:00–19:00 in Milan (11:00–18:00 UTC, 15–22 hours ahead) at 130, the rest at 100:
    // the highest 8-hour mean ending tomorrow is 130.
    const steps = hours(1, 48, 0).map((h, i) => ({
      ...step(0, 0),
      t: h.t,
      p50: i >= 14 && i <= 21 ? 130 : 100,
    }));
    expect(airOutlook({ ...forecast, pollutant: 'o3', steps }, 'Rho', NOW)).toBe(
      'O₃ in Rho is expected to peak at 130 µg/m³ (poor) tomorrow at 12:00, the maximum 8-hour mean expected ' +
        'above the EU target of 120 µg/m³ (25 days a year allowed, averaged over 3 years) tomorrow (130 µg/m³), ' +
        'below the EU information threshold of 180 µg/m³ throughout.',
    );
  });

  it('names no value in force where the law in force has no short-term one (PM2.5)', () => {
    expect(airOutlook({ ...forecast, pollutant: 'pm25' }, 'Rho', NOW)).toBe(
      'PM2.5 in Rho is expected to peak at 62 µg/m³ (poor) tomorrow at 09:00.',
    );
  });

  it('says when there is nothing to forecast', () => {
    expect(airOutlook({ ...forecast, steps: [] }, 'Rho', NOW)).toBe(
      'No PM10 forecast for the next 24 hours in Rho.',
    );
  });
});

describe('the daily outlook across municipalities', () => {
  const model = { name: 'm', version: '1', trainedAt: '2026-01-01T00:00:00Z' };
  const mean = (p50: number, spread = 5) => ({ p10: p50 - spread, p50, p90: p50 + spread });
  const station = (stationId: string, today: number, tomorrow: number, partial = 70) => ({
    stationId,
    days: [
      { date: '2026-11-25', hours: 24, mean: mean(today) },
      { date: '2026-11-26', hours: 24, mean: mean(tomorrow) },
      { date: '2026-11-27', hours: 3, mean: mean(partial) },
    ],
  });
  const outlook = {
    pollutant: 'pm10' as const,
    unit: 'µg/m³',
    model,
    issuedAt: '2026-11-25T20:00:00Z',
    timeZone: 'Europe/Rome',
    items: [
      station('s1', 40, 62),
      station('s2', 30, 58), // same municipality as s1: its worst station counts
      station('s3', 52, 47), // possible tomorrow: p90 52 > 50
      station('s4', 20, 30),
      station('unknown', 90, 90), // not in the inventory: ignored
    ],
  };
  const municipalityOf = new Map([
    ['s1', 'm-rho'],
    ['s2', 'm-rho'],
    ['s3', 'm-sesto'],
    ['s4', 'm-assago'],
  ]);
  const names: Record<string, string> = { 'm-rho': 'Rho', 'm-sesto': 'Sesto', 'm-assago': 'Assago' };
  const days = dailyExceedances(outlook, municipalityOf, (id) => names[id]!, 50, NOW);

  it('judges each full day, counting a municipality once by its worst station', () => {
    expect(days.map((d) => [d.day, d.places, d.possible])).toEqual([
      ['today', [{ id: 'm-sesto', name: 'Sesto', mean: 52 }], 0],
      ['tomorrow', [{ id: 'm-rho', name: 'Rho', mean: 62 }], 1],
    ]);
  });

  it('says it in words', () => {
    const pm10 = dailyLimit('pm10')!;
    expect(exceedanceSentence('pm10', 'µg/m³', pm10, days[1]!)).toBe(
      'PM10 above 50 µg/m³ (24-hour mean) expected tomorrow in 1 municipality; possible in 1 more.',
    );
    expect(
      exceedanceSentence('pm10', 'µg/m³', pm10, { date: '', day: 'tomorrow', places: [], possible: 0 }),
    ).toBe('PM10 above 50 µg/m³ (24-hour mean) not expected anywhere tomorrow.');
  });

  it('uses the daily limit in force, the one from 2030 where none is in force, and none for ozone', () => {
    expect(dailyLimit('pm10')).toMatchObject({ value: 50, regime: 'in-force', allowed: 35 });
    expect(dailyLimit('so2')).toMatchObject({ value: 125, regime: 'in-force', allowed: 3 });
    expect(dailyLimit('no2')).toMatchObject({ value: 50, regime: 'from-2030', allowed: 18 });
    expect(dailyLimit('pm25')).toMatchObject({ value: 25, regime: 'from-2030', allowed: 18 });
    expect(dailyLimit('o3')).toBeUndefined();
    expect(
      exceedanceSentence('no2', 'µg/m³', dailyLimit('no2')!, {
        date: '',
        day: 'today',
        places: [],
        possible: 0,
      }),
    ).toBe('NO₂ above 50 µg/m³ (24-hour mean, EU limit from 2030) not expected anywhere today.');
  });
});
