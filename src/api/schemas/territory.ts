import { z } from 'zod/mini';
import { latitude, longitude, lonLat, nonEmptyString, nonNegative, uniqueIds } from './common';

const ring = z.array(lonLat).check(z.minLength(4));

export const municipalitySchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  population: z.int().check(z.nonnegative()),
  areaKm2: nonNegative,
  centroid: lonLat,
  peripheral: z.boolean(),
  boundary: z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).check(z.minLength(1)) }),
});

export const corridorSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  kind: z.enum(['motorway', 'ring', 'arterial']),
  freeFlowKmh: z.number().check(z.positive()),
  path: z.array(lonLat).check(z.minLength(2)),
});

export const waterwaySchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  kind: z.enum(['river', 'canal', 'lake']),
  path: z.array(lonLat).check(z.minLength(2)),
});

export const territorySchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  /** [west, south, east, north] */
  bounds: z.tuple([longitude, latitude, longitude, latitude]),
  centre: lonLat,
  zoom: z.number().check(z.gte(0), z.lte(22)),
  /** Whether boundaries are schematic shapes rather than surveyed ones. */
  boundariesSchematic: z.boolean(),
  /** Provenance of the data, shown to users (e.g. that it is synthetic). */
  dataNotice: z.string(),
  municipalities: uniqueIds(municipalitySchema, 1),
  corridors: uniqueIds(corridorSchema),
  waterways: uniqueIds(waterwaySchema),
});

export type Municipality = z.infer<typeof municipalitySchema>;
export type Corridor = z.infer<typeof corridorSchema>;
export type Waterway = z.infer<typeof waterwaySchema>;
export type Territory = z.infer<typeof territorySchema>;
