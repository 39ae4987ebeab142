import { z } from 'zod';
import { isoDateTime, nonEmptyString, nonNegative } from './common';

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
