/**
 * What the simulated territory derives from the municipal boundaries, computed once by
 * `npm run territory:derive` into data/ (and checked against a fresh computation by a test), so
 * that no screen computes it at start: each municipality's shape with its label point and area,
 * and the metropolitan outline.
 */
import area from '@turf/area';
import { featureCollection, polygon } from '@turf/helpers';
import union from '@turf/union';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';
import type { Territory } from '../../src/api/schemas/territory';
import type { MunicipalityShape } from './boundaries';
import data from './data/milan-municipalities.geo.json' with { type: 'json' };

/** ISTAT's boundaries as published by Openpolis (geojson-italy, CC BY 4.0). See data/README.md. */
const SOURCE = data as unknown as FeatureCollection<Polygon, { name: string }>;

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

/** The 133 municipalities' shapes, coordinates rounded to six decimals (about 0.1 m). */
export function deriveShapes(): MunicipalityShape[] {
  return SOURCE.features.map(shapeOf);
}

/** The dissolved union of the municipalities, slivers between them closed. */
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
