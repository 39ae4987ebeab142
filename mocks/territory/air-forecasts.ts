import { boundedCache } from './cache';
import {
  POLLUTANTS,
  type AirForecast,
  type DailyAirOutlook,
  type ForecastModel,
  type Pollutant,
  type Quantiles,
  type SensorPrediction,
} from '../../src/api/schemas/forecasts';
import type { Sensor } from '../../src/api/schemas/sensors';
import { eaqiIndex } from '../../src/lib/eaqi';
import type { World } from './build';
import { romeOffsetHours } from './clock';
import { airAt } from './dynamics';
import {
  forecastSteps,
  hindcast,
  iso,
  observations,
  quantiles,
  rollingAccuracy,
  round2,
  type Predictor,
} from './predictor';

const HOUR = 3_600_000;

export const AIR_MODEL: ForecastModel = {
  name: 'AQ-Seq2Seq air quality',
  version: '1.8.0',
  trainedAt: '2026-09-14T03:00:00.000Z',
};

/** The air model runs every hour; its forecast is for a station or for `metro`, the mean of all. */
export const airIssuedAt = (nowMs: number) => Math.floor(nowMs / HOUR) * HOUR;

function airPredictor(world: World, stationId: string, pollutant: Pollutant): Predictor {
  const stations =
    stationId === 'metro' ? world.sensors.filter((s) => s.kind === 'air').map((s) => s.id) : [stationId];
  return {
    key: `${world.seed}:air:${stationId}:${pollutant}`,
    truth: (t) => stations.reduce((sum, id) => sum + airAt(world, id, t)[pollutant], 0) / stations.length,
    sigma: (h, truth) => Math.max(1, truth) * (0.06 + 0.05 * (h / (24 * HOUR))),
  };
}

/** A run is made once an hour, as the model's is, and served until the next. */
const runs = boundedCache<AirForecast>(512);

export function airForecast(
  world: World,
  stationId: string,
  pollutant: Pollutant,
  nowMs: number,
): AirForecast {
  const predictor = airPredictor(world, stationId, pollutant);
  const issued = airIssuedAt(nowMs);
  return runs(`${predictor.key}:${world.sensors.length}:${issued}`, () => ({
    stationId,
    pollutant,
    model: AIR_MODEL,
    issuedAt: iso(issued),
    unit: 'µg/m³',
    stepMinutes: 60,
    steps: forecastSteps(predictor, issued, HOUR, 72),
    observed: observations(predictor, issued, HOUR, 48),
    baseline: 'persistence',
    accuracy: rollingAccuracy(
      predictor,
      issued,
      [60, 1440, 2880, 4320],
      6 * HOUR,
      stationId === 'metro' ? 14 : 28,
    ),
    hindcast: hindcast(predictor, issued, HOUR, 48, 24 * HOUR),
  }));
}

/** What the latest air run predicts a station will read at `validMs`, with the index of the medians. */
export function airSensorPrediction(
  world: World,
  sensor: Sensor,
  nowMs: number,
  validMs: number,
): SensorPrediction {
  const issued = airIssuedAt(nowMs);
  const q = Object.fromEntries(
    POLLUTANTS.map((pollutant) => [
      pollutant,
      quantiles(airPredictor(world, sensor.id, pollutant), issued, validMs),
    ]),
  ) as Record<Pollutant, Quantiles>;
  const medians = Object.fromEntries(POLLUTANTS.map((p) => [p, q[p].p50])) as Record<Pollutant, number>;
  return { kind: 'air', sensorId: sensor.id, ...q, airQualityIndex: eaqiIndex(medians)! };
}

const romeDate = (ms: number) => new Date(ms + romeOffsetHours(ms) * HOUR).toISOString().slice(0, 10);
const AIR_HORIZON_HOURS = 72;

/**
 * Each station's daily mean of a pollutant for the local days the run covers: the hours already
 * observed today count as they were, the others as forecast.
 */
export function dailyAirOutlook(world: World, pollutant: Pollutant, nowMs: number): DailyAirOutlook {
  const issued = airIssuedAt(nowMs);
  const firstDay = romeDate(issued);
  const items = world.sensors
    .filter((s) => s.kind === 'air')
    .map((station) => {
      const predictor = airPredictor(world, station.id, pollutant);
      const days = new Map<string, { hours: number; p10: number; p50: number; p90: number }>();
      const add = (t: number, q: Quantiles) => {
        const day = days.get(romeDate(t)) ?? { hours: 0, p10: 0, p50: 0, p90: 0 };
        days.set(romeDate(t), {
          hours: day.hours + 1,
          p10: day.p10 + q.p10,
          p50: day.p50 + q.p50,
          p90: day.p90 + q.p90,
        });
      };
      for (let t = issued; romeDate(t) === firstDay; t -= HOUR) {
        const value = predictor.truth(t);
        add(t, { p10: value, p50: value, p90: value });
      }
      for (let h = 1; h <= AIR_HORIZON_HOURS; h++)
        add(issued + h * HOUR, quantiles(predictor, issued, issued + h * HOUR));
      return {
        stationId: station.id,
        days: [...days].map(([date, d]) => ({
          date,
          hours: d.hours,
          mean: { p10: round2(d.p10 / d.hours), p50: round2(d.p50 / d.hours), p90: round2(d.p90 / d.hours) },
        })),
      };
    });
  return {
    pollutant,
    unit: 'µg/m³',
    model: AIR_MODEL,
    issuedAt: iso(issued),
    timeZone: 'Europe/Rome',
    items,
  };
}
