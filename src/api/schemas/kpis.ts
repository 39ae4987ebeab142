import { z } from 'zod/mini';
import { isoDateTime, nonEmptyString, uniqueIds } from './common';

export const PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;

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
});
export type Kpi = z.infer<typeof kpiSchema>;

export const kpisResponseSchema = z.object({
  period: periodSchema,
  from: isoDateTime,
  to: isoDateTime,
  items: uniqueIds(kpiSchema),
});
export type KpisResponse = z.infer<typeof kpisResponseSchema>;
