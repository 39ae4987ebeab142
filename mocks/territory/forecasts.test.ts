import { dailyAirOutlookSchema, sensorForecastsResponseSchema } from '../../src/api/schemas/forecasts';
import { airForecast, dailyAirOutlook, sensorForecasts } from './forecasts';
import { createSimulation } from './simulation';

const NOW = Date.parse('2026-03-11T08:30:00Z');
const HOUR = 3_600_000;
const sim = createSimulation({ now: () => NOW });

describe('predictions for every sensor at one time', () => {
  const answer = sensorForecasts(sim.world, NOW, NOW + 6 * HOUR + 30 * 60_000);

  it('covers every traffic and air sensor, validly', () => {
    expect(sensorForecastsResponseSchema.safeParse(answer).success).toBe(true);
    const expected = sim.world.sensors.filter((s) => s.kind === 'air' || s.kind === 'traffic').length;
    expect(answer.items).toHaveLength(expected);
  });

  it('agrees with the station forecast chart at the same hour', () => {
    const station = answer.items.find((i) => i.kind === 'air')!;
    const hourly = airForecast(sim.world, station.sensorId, 'pm10', NOW);
    const step = hourly.steps.find((s) => Date.parse(s.t) === Date.parse(answer.validAt))!;
    expect({ p10: step.p10, p50: step.p50, p90: step.p90 }).toEqual(station.kind === 'air' && station.pm10);
  });

  it('widens the interval with the horizon', () => {
    const width = (hours: number) => {
      const items = sensorForecasts(sim.world, NOW, NOW + hours * HOUR).items;
      return items.reduce(
        (sum, i) => sum + (i.kind === 'traffic' ? i.averageVehicleSpeed.p90 - i.averageVehicleSpeed.p10 : 0),
        0,
      );
    };
    expect(width(24)).toBeGreaterThan(width(1));
  });
});

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
