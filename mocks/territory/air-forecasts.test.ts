import { dailyAirOutlookSchema } from '../../src/api/schemas/forecasts';
import { airForecast, dailyAirOutlook } from './air-forecasts';
import { createSimulation } from './simulation';

const NOW = Date.parse('2026-03-11T08:30:00Z');
const sim = createSimulation({ now: () => NOW });

describe('the daily air outlook', () => {
  const outlook = dailyAirOutlook(sim.world, 'pm10', NOW);

  it('gives each station a mean for today, tomorrow and the day after', () => {
    expect(dailyAirOutlookSchema.safeParse(outlook).success).toBe(true);
    const days = outlook.items[0]!.days;
    expect(days.slice(0, 3).map((d) => [d.date, d.hours])).toEqual([
      ['2026-03-11', 24],
      ['2026-03-12', 24],
      ['2026-03-13', 24],
    ]);
  });

  it('makes tomorrow the mean of the hourly forecast for that local day', () => {
    const station = outlook.items[0]!;
    const hourly = airForecast(sim.world, station.stationId, 'pm10', NOW);
    // Milan is UTC+1 in March: its 12 March runs from 23:00 UTC on the 11th.
    const day = hourly.steps.filter((s) => s.t >= '2026-03-11T23:00' && s.t < '2026-03-12T23:00');
    const mean = day.reduce((sum, s) => sum + s.p50, 0) / day.length;
    expect(station.days[1]!.mean.p50).toBeCloseTo(mean, 1);
  });
});
