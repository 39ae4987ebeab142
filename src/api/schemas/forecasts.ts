import { z } from 'zod';
import { isoDateTime, nonEmptyString, nonNegative, uniqueBy } from './common';

export const modelSchema = z.object({
  name: nonEmptyString,
  version: nonEmptyString,
  trainedAt: isoDateTime,
});
export type ForecastModel = z.infer<typeof modelSchema>;

export const forecastStepSchema = z
  .object({ t: isoDateTime, p10: z.number(), p50: z.number(), p90: z.number() })
  .refine((s) => s.p10 <= s.p50 && s.p50 <= s.p90, { message: 'quantiles out of order (p10 ≤ p50 ≤ p90)' });
export type ForecastStep = z.infer<typeof forecastStepSchema>;

export const observationSchema = z.object({ t: isoDateTime, value: z.number() });

/** Rolling accuracy of the model at one horizon, beside a naive baseline on the same data. */
export const accuracySchema = z.object({
  horizonMinutes: z.number().int().positive(),
  mae: nonNegative,
  rmse: nonNegative,
  mape: nonNegative,
  baselineMae: nonNegative,
  baselineRmse: nonNegative,
  baselineMape: nonNegative,
  samples: z.number().int().nonnegative(),
});
export type Accuracy = z.infer<typeof accuracySchema>;

/** A past forecast at a fixed horizon beside what was then observed: the evidence behind the accuracy. */
export const hindcastSchema = z.object({
  t: isoDateTime,
  horizonMinutes: z.number().int().positive(),
  predicted: z.number(),
  observed: z.number(),
});
export type Hindcast = z.infer<typeof hindcastSchema>;

const forecastBase = {
  model: modelSchema,
  issuedAt: isoDateTime,
  unit: z.string(),
  stepMinutes: z.number().int().positive(),
  steps: z.array(forecastStepSchema),
  observed: z.array(observationSchema),
  baseline: z.enum(['persistence', 'historical-average']),
  accuracy: z.array(accuracySchema),
  hindcast: z.array(hindcastSchema),
};

/** Traffic speed forecast for a corridor (km/h), 15-minute steps. */
export const trafficForecastSchema = z.object({
  corridorId: nonEmptyString,
  freeFlowKmh: z.number().positive(),
  ...forecastBase,
});
export type TrafficForecast = z.infer<typeof trafficForecastSchema>;

export const trafficForecastsResponseSchema = z.object({ items: z.array(trafficForecastSchema) });

/** A municipality (mean of its traffic sensors) or one traffic sensor. */
export const trafficPlaceSchema = z.object({ kind: z.enum(['municipality', 'sensor']), id: nonEmptyString });
export type TrafficPlace = z.infer<typeof trafficPlaceSchema>;

/** Traffic speed forecast for a municipality or a sensor, as for a corridor. */
export const placeTrafficForecastSchema = z.object({
  place: trafficPlaceSchema,
  freeFlowKmh: z.number().positive(),
  ...forecastBase,
});
export type PlaceTrafficForecast = z.infer<typeof placeTrafficForecastSchema>;

export const POLLUTANTS = ['pm25', 'pm10', 'no2', 'o3', 'so2'] as const;
export const pollutantSchema = z.enum(POLLUTANTS);
export type Pollutant = z.infer<typeof pollutantSchema>;

/** Air-quality forecast for a station (or `metro` for the metropolitan mean), µg/m³, hourly steps. */
export const airForecastSchema = z.object({
  stationId: nonEmptyString,
  pollutant: pollutantSchema,
  ...forecastBase,
});
export type AirForecast = z.infer<typeof airForecastSchema>;

export const airForecastsResponseSchema = z.object({ items: z.array(airForecastSchema) });

/** The median and the 80 % interval of a predicted value. */
export const quantilesSchema = z
  .object({ p10: z.number(), p50: z.number(), p90: z.number() })
  .refine((q) => q.p10 <= q.p50 && q.p50 <= q.p90, { message: 'quantiles out of order (p10 ≤ p50 ≤ p90)' });
export type Quantiles = z.infer<typeof quantilesSchema>;

const predictedTraffic = z.object({
  kind: z.literal('traffic'),
  sensorId: nonEmptyString,
  intensity: quantilesSchema,
  averageVehicleSpeed: quantilesSchema,
  occupancy: quantilesSchema,
  /** The model's call on the median: speed under half of free flow, or occupancy above 35 %. */
  congested: z.boolean(),
});

const predictedAir = z.object({
  kind: z.literal('air'),
  sensorId: nonEmptyString,
  pm25: quantilesSchema,
  pm10: quantilesSchema,
  no2: quantilesSchema,
  o3: quantilesSchema,
  so2: quantilesSchema,
  /** EAQI band of the medians. */
  airQualityIndex: z.number().int().min(1).max(6),
});

export const sensorPredictionSchema = z.discriminatedUnion('kind', [predictedTraffic, predictedAir]);
export type SensorPrediction = z.infer<typeof sensorPredictionSchema>;

/** What the latest model runs predict every traffic and air sensor will read at one time. */
export const sensorForecastsResponseSchema = z.object({
  validAt: isoDateTime,
  models: z.object({
    traffic: modelSchema.extend({ issuedAt: isoDateTime }),
    air: modelSchema.extend({ issuedAt: isoDateTime }),
  }),
  items: uniqueBy(sensorPredictionSchema, 'sensorId'),
});
export type SensorForecastsResponse = z.infer<typeof sensorForecastsResponseSchema>;

/** A station's forecast daily mean of one pollutant for each local day the run covers. */
export const dailyAirOutlookSchema = z.object({
  pollutant: pollutantSchema,
  unit: z.string(),
  model: modelSchema,
  issuedAt: isoDateTime,
  timeZone: nonEmptyString,
  items: z.array(
    z.object({
      stationId: nonEmptyString,
      days: z.array(
        z.object({
          date: z.iso.date(),
          /** Hours of the day the mean is made of (observed so far and predicted). */
          hours: z.number().int().min(1).max(25),
          mean: quantilesSchema,
        }),
      ),
    }),
  ),
});
export type DailyAirOutlook = z.infer<typeof dailyAirOutlookSchema>;
