import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Municipality, Territory } from '../../src/api/schemas/territory';
import shapes from './data/milan-municipality-shapes.json' with { type: 'json' };
import outline from './data/milan-outline.geo.json' with { type: 'json' };
import type { Point } from './geo';

/** The credit the licence asks for, short enough for a map's corner; NOTICE says what was modified. */
export const BOUNDARIES_CREDIT = 'Municipal boundaries © Openpolis (CC BY 4.0), from ISTAT data, modified';

export interface MunicipalityShape {
  name: string;
  boundary: Municipality['boundary'];
  /** A point inside the polygon, as far from its edges as can be: where its name is written. */
  labelPoint: [number, number];
  areaKm2: number;
  /** [west, south, east, north], to skip the polygon test for points far away. */
  bbox: [number, number, number, number];
}

/**
 * The municipal boundaries of the Metropolitan City of Milan (ISTAT's, as published by Openpolis,
 * CC BY 4.0) with their label points and areas, and the metropolitan outline: derived from
 * data/milan-municipalities.geo.json by `npm run territory:derive` (derive-boundaries.ts).
 */
export const MUNICIPALITY_SHAPES: ReadonlyMap<string, MunicipalityShape> = new Map(
  (shapes as MunicipalityShape[]).map((shape) => [shape.name, shape]),
);

export const METRO_OUTLINE = outline as Territory['outline'];

const inside = (point: Point, shape: MunicipalityShape) => {
  const [west, south, east, north] = shape.bbox;
  return (
    point[0] >= west &&
    point[0] <= east &&
    point[1] >= south &&
    point[1] <= north &&
    booleanPointInPolygon([point[0], point[1]], shape.boundary)
  );
};

/** The municipality a point lies in, by name; undefined outside the territory. */
export function municipalityNameAt(point: Point): string | undefined {
  for (const shape of MUNICIPALITY_SHAPES.values()) if (inside(point, shape)) return shape.name;
  return undefined;
}

/** Whether a point lies in the named municipality. */
export function isIn(point: Point, name: string): boolean {
  const shape = MUNICIPALITY_SHAPES.get(name);
  return shape !== undefined && inside(point, shape);
}
