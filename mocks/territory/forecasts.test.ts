import { sensorForecastsResponseSchema } from '../../src/api/schemas/forecasts';
import { airForecast } from './air-forecasts';
import { sensorForecasts } from './forecasts';
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
