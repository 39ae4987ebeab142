import { z } from 'zod/mini';

/** ISO 8601 date-time with offset, as every timestamp of the API. */
export const isoDateTime = z.iso.datetime({ offset: true });

export const longitude = z.number().check(z.gte(-180), z.lte(180));
export const latitude = z.number().check(z.gte(-90), z.lte(90));
/** A WGS84 position as [longitude, latitude], GeoJSON order. */
export const lonLat = z.tuple([longitude, latitude]);
export type LonLat = z.infer<typeof lonLat>;

export const nonEmptyString = z.string().check(z.trim(), z.minLength(1));
export const ratio = z.number().check(z.gte(0), z.lte(1));
export const nonNegative = z.number().check(z.nonnegative());

/**
 * The most features one answer may carry: the map and tables stay usable up to here (see the
 * benchmark at 50,000 sensors); a larger answer is refused before its items are read.
 */
export const MAX_ITEMS_PER_ANSWER = 50_000;

/**
 * A list of at most MAX_ITEMS_PER_ANSWER items in which no two share a key: the UI keys rows and
 * map features by it.
 */
export function uniqueBy<T, K extends keyof T & string>(item: z.ZodMiniType<T>, key: K, minItems = 0) {
  const bounded = z
    .array(z.unknown())
    .check(
      z.minLength(minItems),
      z.maxLength(MAX_ITEMS_PER_ANSWER, `more than ${MAX_ITEMS_PER_ANSWER.toLocaleString('en')} items`),
    );
  return z.pipe(bounded, z.array(item)).check(
    z.superRefine((items, ctx) => {
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
    }),
  );
}

export const uniqueIds = <T extends { id: string }>(item: z.ZodMiniType<T>, minItems = 0) =>
  uniqueBy(item, 'id', minItems);
