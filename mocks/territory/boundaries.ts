import area from '@turf/area';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, polygon } from '@turf/helpers';
import union from '@turf/union';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { Municipality, Territory } from '../../src/api/schemas/territory';
import polylabel from 'polylabel';
import data from './data/milan-municipalities.geo.json' with { type: 'json' };
import outline from './data/milan-outline.geo.json' with { type: 'json' };
import type { Point } from './geo';

/**
 * The municipal boundaries of the Metropolitan City of Milan: ISTAT's, as published by Openpolis
 * (geojson-italy, CC BY 4.0), simplified for the web. See data/README.md.
 */
const SOURCE = data as unknown as FeatureCollection<Polygon, { name: string }>;

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

/** Holes left in the union where neighbours' simplified edges do not meet: slivers, not land. */
const SLIVER_KM2 = 0.05;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const roundRing = (ring: Position[]) =>
  ring.map(([lon, lat]): [number, number] => [round6(lon!), round6(lat!)]);

function bboxOf(ring: Position[]): [number, number, number, number] {
  const lons = ring.map((p) => p[0]!);
  const lats = ring.map((p) => p[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function shapeOf(feature: Feature<Polygon, { name: string }>): MunicipalityShape {
  const coordinates = feature.geometry.coordinates.map(roundRing);
  const [lon, lat] = polylabel(coordinates, 1e-4);
  return {
    name: feature.properties.name,
    boundary: { type: 'Polygon', coordinates },
    labelPoint: [round6(lon!), round6(lat!)],
    areaKm2: Math.round(area(feature) / 1e5) / 10,
    bbox: bboxOf(coordinates[0]!),
  };
}

export const MUNICIPALITY_SHAPES: ReadonlyMap<string, MunicipalityShape> = new Map(
  SOURCE.features.map((f) => [f.properties.name, shapeOf(f)]),
);

/**
 * The metropolitan outline: the dissolved union of the municipalities, slivers between them
 * closed. Computed once by `npm run territory:outline` into data/milan-outline.geo.json, which a
 * test checks against a fresh union, so that no screen waits for it.
 */
export function dissolve(shapes: Iterable<MunicipalityShape>): Territory['outline'] {
  const merged = union(featureCollection([...shapes].map((s) => polygon(s.boundary.coordinates))));
  if (!merged) throw new Error('The municipalities have no union');
  const land = (rings: Position[][]) => [
    rings[0]!,
    ...rings.slice(1).filter((hole) => area(polygon([hole])) / 1e6 >= SLIVER_KM2),
  ];
  const geometry = merged.geometry;
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: land(geometry.coordinates).map(roundRing) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => land(p).map(roundRing)) };
}

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
