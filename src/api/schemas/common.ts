import { z } from 'zod';

/** ISO 8601 date-time with offset, as every timestamp of the API. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const longitude = z.number().min(-180).max(180);
export const latitude = z.number().min(-90).max(90);
/** A WGS84 position as [longitude, latitude], GeoJSON order. */
export const lonLat = z.tuple([longitude, latitude]);
export type LonLat = z.infer<typeof lonLat>;

export const nonEmptyString = z.string().trim().min(1);
export const ratio = z.number().min(0).max(1);
export const nonNegative = z.number().nonnegative();

/**
 * The most features one answer may carry: the map and tables stay usable up to here (see the
 * benchmark at 50,000 sensors); a larger answer is refused before its items are read.
 */
export const MAX_ITEMS_PER_ANSWER = 50_000;

/**
 * A list of at most MAX_ITEMS_PER_ANSWER items in which no two share a key: the UI keys rows and
 * map features by it.
 */
export function uniqueBy<T, K extends keyof T & string>(item: z.ZodType<T>, key: K, minItems = 0) {
  const bounded = z
    .array(z.unknown())
    .min(minItems)
    .max(MAX_ITEMS_PER_ANSWER, `more than ${MAX_ITEMS_PER_ANSWER.toLocaleString('en')} items`);
  return bounded.pipe(z.array(item)).superRefine((items, ctx) => {
    const seen = new Set<unknown>();
    items.forEach((entry, index) => {
      if (seen.has(entry[key])) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate ${key} "${String(entry[key])}"`,
          path: [index, key],
        });
      }
      seen.add(entry[key]);
    });
  });
}

export const uniqueIds = <T extends { id: string }>(item: z.ZodType<T>, minItems = 0) =>
  uniqueBy(item, 'id', minItems);
