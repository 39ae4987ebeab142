import { z } from 'zod/mini';
import { isoDateTime, nonEmptyString, nonNegative, uniqueBy } from './common';

export const modelSchema = z.object({
  name: nonEmptyString,
  version: nonEmptyString,
  trainedAt: isoDateTime,
});
export type ForecastModel = z.infer<typeof modelSchema>;

export const forecastStepSchema = z
  .object({ t: isoDateTime, p10: z.number(), p50: z.number(), p90: z.number() })
  .check(
    z.refine((s) => s.p10 <= s.p50 && s.p50 <= s.p90, {
      message: 'quantiles out of order (p10 ≤ p50 ≤ p90)',
    }),
  );
export type ForecastStep = z.infer<typeof forecastStepSchema>;

/** A step of a quantity that cannot be negative (a concentration), which the EAQI bands need. */
const nonNegativeStepSchema = forecastStepSchema.check(
  z.refine((s) => s.p10 >= 0, {
    message: 'negative quantile',
    path: ['p10'],
  }),
);

export const observationSchema = z.object({ t: isoDateTime, value: z.number() });

/**
 * Rolling accuracy of the model at one horizon, beside a naive baseline and a seasonal-naive one
 * (the value a week before the target) on the same data. MAPE is defined by `errorMetrics`.
 */
export const accuracySchema = z.object({
  horizonMinutes: z.int().check(z.positive()),
  mae: nonNegative,
  rmse: nonNegative,
  mape: nonNegative,
  baselineMae: nonNegative,
  baselineRmse: nonNegative,
  baselineMape: nonNegative,
  seasonalMae: nonNegative,
  samples: z.int().check(z.nonnegative()),
});
export type Accuracy = z.infer<typeof accuracySchema>;

/** A past forecast at a fixed horizon beside what was then observed: the evidence behind the accuracy. */
export const hindcastSchema = z.object({
  t: isoDateTime,
  horizonMinutes: z.int().check(z.positive()),
  predicted: z.number(),
  observed: z.number(),
});
export type Hindcast = z.infer<typeof hindcastSchema>;

const forecastBase = {
  model: modelSchema,
  issuedAt: isoDateTime,
  unit: z.string(),
  stepMinutes: z.int().check(z.positive()),
  steps: z.array(forecastStepSchema),
  observed: z.array(observationSchema),
  baseline: z.enum(['persistence', 'historical-average']),
  accuracy: uniqueBy(accuracySchema, 'horizonMinutes'),
  hindcast: z.array(hindcastSchema),
};

/** Traffic speed forecast for a corridor (km/h), 15-minute steps. */
export const trafficForecastSchema = z.object({
  corridorId: nonEmptyString,
  freeFlowKmh: z.number().check(z.positive()),
  ...forecastBase,
});
export type TrafficForecast = z.infer<typeof trafficForecastSchema>;

export const trafficForecastsResponseSchema = z.object({
  items: uniqueBy(trafficForecastSchema, 'corridorId'),
});

/** A municipality (mean of its traffic sensors) or one traffic sensor. */
export const trafficPlaceSchema = z.object({ kind: z.enum(['municipality', 'sensor']), id: nonEmptyString });
export type TrafficPlace = z.infer<typeof trafficPlaceSchema>;

/** Traffic speed forecast for a municipality or a sensor, as for a corridor. */
export const placeTrafficForecastSchema = z.object({
  place: trafficPlaceSchema,
  freeFlowKmh: z.number().check(z.positive()),
  ...forecastBase,
});
export type PlaceTrafficForecast = z.infer<typeof placeTrafficForecastSchema>;

const knownZones = new Set<string>();
/** Whether Intl knows the zone: the outlook's days are told in it, and Intl throws on one it does not. */
function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  knownZones.add(zone);
  return true;
}

export const POLLUTANTS = ['pm25', 'pm10', 'no2', 'o3', 'so2'] as const;
export const pollutantSchema = z.enum(POLLUTANTS);
export type Pollutant = z.infer<typeof pollutantSchema>;

/** Air-quality forecast for a station (or `metro` for the metropolitan mean), µg/m³, hourly steps. */
export const airForecastSchema = z.object({
  stationId: nonEmptyString,
  pollutant: pollutantSchema,
  ...forecastBase,
  steps: z.array(nonNegativeStepSchema),
});
export type AirForecast = z.infer<typeof airForecastSchema>;

export const airForecastsResponseSchema = z.object({ items: z.array(airForecastSchema) });

/** The median and the 80 % interval of a predicted value. */
export const quantilesSchema = z.object({ p10: z.number(), p50: z.number(), p90: z.number() }).check(
  z.refine((q) => q.p10 <= q.p50 && q.p50 <= q.p90, {
    message: 'quantiles out of order (p10 ≤ p50 ≤ p90)',
  }),
);
export type Quantiles = z.infer<typeof quantilesSchema>;

/** The quantiles of a quantity that cannot be negative: each median is drawn as a reading. */
const nonNegativeQuantiles = quantilesSchema.check(
  z.refine((q) => q.p10 >= 0, {
    message: 'negative quantile',
    path: ['p10'],
  }),
);

const predictedTraffic = z.object({
  kind: z.literal('traffic'),
  sensorId: nonEmptyString,
  intensity: nonNegativeQuantiles,
  averageVehicleSpeed: nonNegativeQuantiles,
  occupancy: nonNegativeQuantiles,
  /** The model's call on the median: speed under half of free flow, or occupancy above 35 %. */
  congested: z.boolean(),
});

const predictedAir = z.object({
  kind: z.literal('air'),
  sensorId: nonEmptyString,
  pm25: nonNegativeQuantiles,
  pm10: nonNegativeQuantiles,
  no2: nonNegativeQuantiles,
  o3: nonNegativeQuantiles,
  so2: nonNegativeQuantiles,
  /** EAQI band of the medians. */
  airQualityIndex: z.int().check(z.gte(1), z.lte(6)),
});

export const sensorPredictionSchema = z.discriminatedUnion('kind', [predictedTraffic, predictedAir]);
export type SensorPrediction = z.infer<typeof sensorPredictionSchema>;

/** What the latest model runs predict every traffic and air sensor will read at one time. */
export const sensorForecastsResponseSchema = z.object({
  validAt: isoDateTime,
  models: z.object({
    traffic: z.extend(modelSchema, { issuedAt: isoDateTime }),
    air: z.extend(modelSchema, { issuedAt: isoDateTime }),
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
  timeZone: nonEmptyString.check(z.refine(isTimeZone, { message: 'unknown time zone' })),
  items: z.array(
    z.object({
      stationId: nonEmptyString,
      days: z.array(
        z.object({
          date: z.iso.date(),
          /** Hours of the day the mean is made of (observed so far and predicted). */
          hours: z.int().check(z.gte(1), z.lte(25)),
          mean: quantilesSchema,
        }),
      ),
    }),
  ),
});
export type DailyAirOutlook = z.infer<typeof dailyAirOutlookSchema>;
