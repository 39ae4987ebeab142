/** Arbitraries of the sensor answers (src/api/schemas/sensors.ts): sensors, readings and series. */
import fc from 'fast-check';
import type { Reading, SeriesResponse, Sensor } from '../api/schemas/sensors';
import { AIR_LEVELS, SENSOR_KINDS } from '../api/schemas/sensors';
import {
  finite,
  isoDateTime,
  lonLat,
  nonEmpty,
  nonNegative,
  positiveInt,
  ratio,
  text,
  uniqueList,
} from './arbitraries-common';

export const sensor: fc.Arbitrary<Sensor> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom(...SENSOR_KINDS),
  location: lonLat,
  municipalityId: nonEmpty,
  corridorId: fc.option(nonEmpty, { nil: null }),
  cadenceSeconds: positiveInt,
});
export const sensorsResponse = fc.record({ items: uniqueList(sensor, 'id') });

export const airReading = (sensorId: fc.Arbitrary<string>, dateObserved: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('air' as const),
    sensorId,
    dateObserved,
    pm25: nonNegative,
    pm10: nonNegative,
    no2: nonNegative,
    o3: nonNegative,
    so2: nonNegative,
    airQualityIndex: fc.integer({ min: 1, max: 6 }),
    airQualityLevel: fc.constantFrom(...AIR_LEVELS),
  });
export const trafficReading = (sensorId: fc.Arbitrary<string>, dateObserved: fc.Arbitrary<string>) =>
  fc.record({
    kind: fc.constant('traffic' as const),
    sensorId,
    dateObserved,
    intensity: nonNegative,
    averageVehicleSpeed: nonNegative,
    occupancy: ratio,
    congested: fc.boolean(),
  });

/** A reading of any kind, for the given sensor and time arbitraries. */
export function reading(
  sensorId: fc.Arbitrary<string> = nonEmpty,
  dateObserved: fc.Arbitrary<string> = isoDateTime,
): fc.Arbitrary<Reading> {
  return fc.oneof(
    airReading(sensorId, dateObserved),
    trafficReading(sensorId, dateObserved),
    fc.record({
      kind: fc.constant('noise' as const),
      sensorId,
      dateObserved,
      laeq: fc.double({ min: 0, max: 200, noNaN: true }),
    }),
    fc.record({
      kind: fc.constant('weather' as const),
      sensorId,
      dateObserved,
      temperature: fc.double({ min: -60, max: 60, noNaN: true }),
      relativeHumidity: fc.double({ min: 0, max: 100, noNaN: true }),
      windSpeed: nonNegative,
      precipitation: nonNegative,
    }),
  );
}
export const readingsResponse = fc.record({
  generatedAt: isoDateTime,
  since: fc.option(isoDateTime, { nil: null }),
  items: uniqueList(reading(), 'sensorId', 5),
});

export const seriesResponse: fc.Arbitrary<SeriesResponse> = fc
  .array(fc.tuple(isoDateTime, fc.option(finite, { nil: null })), { maxLength: 30 })
  .chain((points) =>
    fc.record({
      sensorId: nonEmpty,
      metric: nonEmpty,
      unit: text,
      from: isoDateTime,
      to: isoDateTime,
      timestamps: fc.constant(points.map((p) => p[0])),
      values: fc.constant(points.map((p) => p[1])),
    }),
  );
