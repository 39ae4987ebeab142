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
    steps: [step(1, 40), step(12, 62), step(13, 55), step(30, 90)],
  };

  it('names the peak of the next 24 hours, its band, the day and the hours above the limit', () => {
    expect(airOutlook(forecast, 'the metropolitan area', NOW, { value: 50, label: '' })).toBe(
      'PM10 in the metropolitan area is expected to peak at 62 µg/m³ (moderate) tomorrow at 09:00, above 50 µg/m³ for 2 of the next 24 hours.',
    );
  });

  it('says so when the limit is not reached', () => {
    expect(airOutlook({ ...forecast, steps: [step(1, 20)] }, 'Rho', NOW, { value: 50, label: '' })).toBe(
      'PM10 in Rho is expected to peak at 20 µg/m³ (fair) today at 22:00, below 50 µg/m³ throughout.',
    );
  });

  it('says when there is nothing to forecast', () => {
    expect(airOutlook({ ...forecast, steps: [] }, 'Rho', NOW, undefined)).toBe(
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
    expect(exceedanceSentence('pm10', 'µg/m³', 50, days[1]!)).toBe(
      'PM10 above 50 µg/m³ (24-hour mean) expected tomorrow in 1 municipality; possible in 1 more.',
    );
    expect(
      exceedanceSentence('pm10', 'µg/m³', 50, { date: '', day: 'tomorrow', places: [], possible: 0 }),
    ).toBe('PM10 above 50 µg/m³ (24-hour mean) not expected anywhere tomorrow.');
  });

  it('uses the daily limit in force, and none for ozone', () => {
    expect(dailyLimit('pm10')?.value).toBe(50);
    expect(dailyLimit('o3')).toBeUndefined();
  });
});
