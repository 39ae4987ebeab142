/**
 * Arbitraries of the forecast answers (src/api/schemas/forecasts.ts): traffic and air forecasts,
 * sensor predictions and the daily air outlook.
 */
import fc from 'fast-check';
import type {
  AirForecast,
  DailyAirOutlook,
  ForecastStep,
  Pollutant,
  Quantiles,
  SensorForecastsResponse,
  SensorPrediction,
  TrafficForecast,
} from '../api/schemas/forecasts';
import { POLLUTANTS } from '../api/schemas/forecasts';
import {
  count,
  finite,
  isoDate,
  isoDateTime,
  nonEmpty,
  nonNegative,
  positive,
  positiveInt,
  text,
  timeZone,
  uniqueList,
} from './arbitraries-common';

const ordered = <T extends number>(a: T, b: T, c: T): [T, T, T] =>
  [a, b, c].sort((x, y) => x - y) as [T, T, T];

export const quantiles = (value: fc.Arbitrary<number> = finite): fc.Arbitrary<Quantiles> =>
  fc.tuple(value, value, value).map(([a, b, c]) => {
    const [p10, p50, p90] = ordered(a, b, c);
    return { p10, p50, p90 };
  });

const model = fc.record({ name: nonEmpty, version: nonEmpty, trainedAt: isoDateTime });
export const forecastStep = (value: fc.Arbitrary<number> = finite): fc.Arbitrary<ForecastStep> =>
  fc.tuple(isoDateTime, quantiles(value)).map(([t, q]) => ({ t, ...q }));
const accuracy = fc.record({
  horizonMinutes: positiveInt,
  mae: nonNegative,
  rmse: nonNegative,
  mape: nonNegative,
  baselineMae: nonNegative,
  baselineRmse: nonNegative,
  baselineMape: nonNegative,
  seasonalMae: nonNegative,
  samples: count,
});
const forecastBase = (value: fc.Arbitrary<number>) => ({
  model,
  issuedAt: isoDateTime,
  unit: text,
  stepMinutes: positiveInt,
  steps: fc.array(forecastStep(value), { maxLength: 4 }),
  observed: fc.array(fc.record({ t: isoDateTime, value: finite }), { maxLength: 3 }),
  baseline: fc.constantFrom('persistence' as const, 'historical-average' as const),
  accuracy: uniqueList(accuracy, 'horizonMinutes', 2),
  hindcast: fc.array(
    fc.record({ t: isoDateTime, horizonMinutes: positiveInt, predicted: finite, observed: finite }),
    { maxLength: 2 },
  ),
});
/** Concentrations, and the quantities a prediction is drawn as a reading with, are never negative. */
const physical = nonNegative;

export const trafficForecast: fc.Arbitrary<TrafficForecast> = fc.record({
  corridorId: nonEmpty,
  freeFlowKmh: positive,
  ...forecastBase(finite),
});
export const trafficForecastsResponse = fc.record({ items: uniqueList(trafficForecast, 'corridorId', 2) });
export const placeTrafficForecast = fc.record({
  place: fc.record({ kind: fc.constantFrom('municipality' as const, 'sensor' as const), id: nonEmpty }),
  freeFlowKmh: positive,
  ...forecastBase(finite),
});
export const pollutant: fc.Arbitrary<Pollutant> = fc.constantFrom(...POLLUTANTS);
export const airForecast: fc.Arbitrary<AirForecast> = fc.record({
  stationId: nonEmpty,
  pollutant,
  ...forecastBase(physical),
});
export const airForecastsResponse = fc.record({ items: fc.array(airForecast, { maxLength: 2 }) });

export const sensorPrediction: fc.Arbitrary<SensorPrediction> = fc.oneof(
  fc.record({
    kind: fc.constant('traffic' as const),
    sensorId: nonEmpty,
    intensity: quantiles(physical),
    averageVehicleSpeed: quantiles(physical),
    occupancy: quantiles(physical),
    congested: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('air' as const),
    sensorId: nonEmpty,
    pm25: quantiles(physical),
    pm10: quantiles(physical),
    no2: quantiles(physical),
    o3: quantiles(physical),
    so2: quantiles(physical),
    airQualityIndex: fc.integer({ min: 1, max: 6 }),
  }),
);
const modelRun = fc.record({
  name: nonEmpty,
  version: nonEmpty,
  trainedAt: isoDateTime,
  issuedAt: isoDateTime,
});
export const sensorForecastsResponse: fc.Arbitrary<SensorForecastsResponse> = fc.record({
  validAt: isoDateTime,
  models: fc.record({ traffic: modelRun, air: modelRun }),
  items: uniqueList(sensorPrediction, 'sensorId', 5),
});
export const dailyAirOutlook: fc.Arbitrary<DailyAirOutlook> = fc.record({
  pollutant,
  unit: text,
  model,
  issuedAt: isoDateTime,
  timeZone,
  items: fc.array(
    fc.record({
      stationId: nonEmpty,
      days: fc.array(
        fc.record({ date: isoDate, hours: fc.integer({ min: 1, max: 25 }), mean: quantiles(physical) }),
        { maxLength: 4 },
      ),
    }),
    { maxLength: 4 },
  ),
});
