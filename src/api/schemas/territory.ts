import { z } from 'zod/mini';
import { latitude, longitude, lonLat, nonEmptyString, nonNegative, uniqueIds } from './common';

const ring = z.array(lonLat).check(z.minLength(4));
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).check(z.minLength(1)) });
const multiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).check(z.minLength(1))).check(z.minLength(1)),
});

export const municipalitySchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  population: z.int().check(z.nonnegative()),
  areaKm2: nonNegative,
  /** A point inside the municipality, far from its edges: where its name goes and its figures are taken. */
  centroid: lonLat,
  /** Whether it counts as peripheral, by the territory's `peripheralRule`. */
  peripheral: z.boolean(),
  boundary: polygon,
});

/**
 * A part of the territory that holds several 5G sites: the grain at which the public projection
 * says where an alert is, so that naming the place does not single out one site.
 */
export const areaSchema = z.object({
  id: nonEmptyString,
  name: nonEmptyString,
  /** Where its name and its alerts go on the map. */
  centroid: lonLat,
  municipalityIds: z.array(nonEmptyString).check(z.minLength(1)),
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
  /** The territory's outline: the union of its municipalities. */
  outline: z.union([polygon, multiPolygon]),
  /** Credit for the geographic data, shown with the map. */
  attribution: z.string(),
  /** What makes a municipality peripheral, in words. */
  peripheralRule: nonEmptyString,
  /** Provenance of the data, shown to users (e.g. that it is synthetic). */
  dataNotice: z.string(),
  municipalities: uniqueIds(municipalitySchema, 1),
  areas: uniqueIds(areaSchema, 1),
  corridors: uniqueIds(corridorSchema),
  waterways: uniqueIds(waterwaySchema),
});

export type Municipality = z.infer<typeof municipalitySchema>;
export type Area = z.infer<typeof areaSchema>;
export type Corridor = z.infer<typeof corridorSchema>;
export type Waterway = z.infer<typeof waterwaySchema>;
export type Territory = z.infer<typeof territorySchema>;
