import { z } from 'zod/mini';
import { isoDateTime, lonLat, nonEmptyString, nonNegative, ratio, uniqueBy, uniqueIds } from './common';

export const SENSOR_KINDS = ['traffic', 'air', 'noise', 'weather'] as const;
export const sensorKindSchema = z.enum(SENSOR_KINDS);
export type SensorKind = z.infer<typeof sensorKindSchema>;

export const sensorSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  kind: sensorKindSchema,
  location: lonLat,
  municipalityId: nonEmptyString,
  /** Traffic sensors sit on a corridor. */
  corridorId: z.nullable(nonEmptyString),
  cadenceSeconds: z.int().check(z.positive()),
});
export type Sensor = z.infer<typeof sensorSchema>;

export const sensorsResponseSchema = z.object({ items: uniqueIds(sensorSchema) });
export type SensorsResponse = z.infer<typeof sensorsResponseSchema>;

export const AIR_LEVELS = ['good', 'fair', 'moderate', 'poor', 'very-poor', 'extremely-poor'] as const;

/** AirQualityObserved: hourly concentrations in µg/m³ and the EAQI 2024 band (1–6). */
const airReading = z.object({
  kind: z.literal('air'),
  sensorId: nonEmptyString,
  dateObserved: isoDateTime,
  pm25: nonNegative,
  pm10: nonNegative,
  no2: nonNegative,
  o3: nonNegative,
  so2: nonNegative,
  airQualityIndex: z.int().check(z.gte(1), z.lte(6)),
  airQualityLevel: z.enum(AIR_LEVELS),
});

/** TrafficFlowObserved: intensity in vehicles per hour, speed in km/h, occupancy 0–1. */
const trafficReading = z.object({
  kind: z.literal('traffic'),
  sensorId: nonEmptyString,
  dateObserved: isoDateTime,
  intensity: nonNegative,
  averageVehicleSpeed: nonNegative,
  occupancy: ratio,
  congested: z.boolean(),
});

/** NoiseLevelObserved: equivalent continuous level in dB(A). */
const noiseReading = z.object({
  kind: z.literal('noise'),
  sensorId: nonEmptyString,
  dateObserved: isoDateTime,
  laeq: z.number().check(z.gte(0), z.lte(200)),
});

/** WeatherObserved: °C, %, m/s, mm/h. */
const weatherReading = z.object({
  kind: z.literal('weather'),
  sensorId: nonEmptyString,
  dateObserved: isoDateTime,
  temperature: z.number().check(z.gte(-60), z.lte(60)),
  relativeHumidity: z.number().check(z.gte(0), z.lte(100)),
  windSpeed: nonNegative,
  precipitation: nonNegative,
});

export const readingSchema = z.discriminatedUnion('kind', [
  airReading,
  trafficReading,
  noiseReading,
  weatherReading,
]);
export type Reading = z.infer<typeof readingSchema>;
export type AirReading = z.infer<typeof airReading>;
export type TrafficReading = z.infer<typeof trafficReading>;
export type NoiseReading = z.infer<typeof noiseReading>;
export type WeatherReading = z.infer<typeof weatherReading>;

export const readingsResponseSchema = z.object({
  generatedAt: isoDateTime,
  /** Echo of `?since=`: when set, `items` holds only readings observed after it. */
  since: z.nullable(isoDateTime),
  items: uniqueBy(readingSchema, 'sensorId'),
});
export type ReadingsResponse = z.infer<typeof readingsResponseSchema>;

/** One sensor's history as parallel columns (cheap to chart and to validate). */
export const seriesResponseSchema = z
  .object({
    sensorId: nonEmptyString,
    metric: nonEmptyString,
    unit: z.string(),
    from: isoDateTime,
    to: isoDateTime,
    timestamps: z.array(isoDateTime),
    values: z.array(z.nullable(z.number())),
  })
  .check(
    z.refine((s) => s.timestamps.length === s.values.length, {
      message: 'timestamps and values differ in length',
      path: ['values'],
    }),
  );
export type SeriesResponse = z.infer<typeof seriesResponseSchema>;
