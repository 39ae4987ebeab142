/** Arbitraries of the territory answer (src/api/schemas/territory.ts): municipalities, corridors, waterways. */
import fc from 'fast-check';
import type { Territory } from '../api/schemas/territory';
import {
  count,
  latitude,
  lonLat,
  longitude,
  nonEmpty,
  nonNegative,
  positive,
  text,
  uniqueList,
} from './arbitraries-common';

const ring = fc.array(lonLat, { minLength: 4, maxLength: 5 });
const polygon = fc.record({
  type: fc.constant('Polygon' as const),
  coordinates: fc.array(ring, { minLength: 1, maxLength: 2 }),
});
const multiPolygon = fc.record({
  type: fc.constant('MultiPolygon' as const),
  coordinates: fc.array(fc.array(ring, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }),
});
export const municipality = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  population: count,
  areaKm2: nonNegative,
  centroid: lonLat,
  peripheral: fc.boolean(),
  boundary: polygon,
});
const area = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  centroid: lonLat,
  municipalityIds: fc.array(nonEmpty, { minLength: 1, maxLength: 3 }),
});
export const corridor = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom('motorway' as const, 'ring' as const, 'arterial' as const),
  freeFlowKmh: positive,
  path: fc.array(lonLat, { minLength: 2, maxLength: 3 }),
});
const waterway = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  kind: fc.constantFrom('river' as const, 'canal' as const, 'lake' as const),
  path: fc.array(lonLat, { minLength: 2, maxLength: 3 }),
});
export const territory: fc.Arbitrary<Territory> = fc.record({
  id: nonEmpty,
  name: nonEmpty,
  bounds: fc.tuple(longitude, latitude, longitude, latitude),
  centre: lonLat,
  zoom: fc.double({ min: 0, max: 22, noNaN: true }),
  outline: fc.oneof(polygon, multiPolygon),
  attribution: text,
  peripheralRule: nonEmpty,
  dataNotice: text,
  municipalities: uniqueList(municipality, 'id', 2, 1),
  areas: uniqueList(area, 'id', 2, 1),
  corridors: uniqueList(corridor, 'id', 2),
  waterways: uniqueList(waterway, 'id', 2),
});
