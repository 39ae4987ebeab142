import { z } from 'zod/mini';
import { isoDateTime, nonEmptyString, nonNegative, uniqueIds } from './common';

export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;

/** The air-quality stations in one EAQI band and the population living near them. */
export const eaqiBandShareSchema = z.object({
  band: z.int().check(z.gte(1), z.lte(6)),
  stations: z.int().check(z.nonnegative()),
  population: nonNegative,
});
export type EaqiBandShare = z.infer<typeof eaqiBandShareSchema>;

export const kpiSchema = z.object({
  id: nonEmptyString,
  label: nonEmptyString,
  /** e.g. "%", "€", "sites", "min" */
  unit: z.string(),
  value: z.nullable(z.number()),
  target: z.nullable(z.number()),
  previous: z.nullable(z.number()),
  direction: z.enum(['higher-is-better', 'lower-is-better']),
  /** Values of the preceding periods, oldest first, ending with the current one. */
  trend: z.array(z.nullable(z.number())),
  /** What the indicator counts and against what, in a sentence or two. */
  description: z.optional(z.string()),
  /** For an air-quality indicator: stations and population by EAQI band, good first. */
  bands: z.optional(z.array(eaqiBandShareSchema).check(z.maxLength(6))),
});
export type Kpi = z.infer<typeof kpiSchema>;

export const kpisResponseSchema = z.object({
  period: periodSchema,
  from: isoDateTime,
  to: isoDateTime,
  items: uniqueIds(kpiSchema),
});
export type KpisResponse = z.infer<typeof kpisResponseSchema>;
