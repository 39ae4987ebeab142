import { airOutlook } from './outlook';

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
