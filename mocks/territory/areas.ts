import type { Area, Municipality } from '../../src/api/schemas/territory';
import { round6, type Point } from './geo';

/** The city itself, then the four quarters of the hinterland around it. */
const CITY_ID = 'milano';
const QUARTERS = [
  { id: 'area-north', name: 'North of Milan' },
  { id: 'area-east', name: 'East of Milan' },
  { id: 'area-south', name: 'South of Milan' },
  { id: 'area-west', name: 'West of Milan' },
] as const;

/** Which quarter a point lies in, seen from `centre`: north is bearings from 315° to 45°. */
function quarterOf([lon, lat]: readonly [number, number], [lon0, lat0]: Point) {
  const east = (lon - lon0) * Math.cos((lat0 * Math.PI) / 180);
  const bearing = ((Math.atan2(east, lat - lat0) * 180) / Math.PI + 360) % 360;
  return QUARTERS[Math.floor(((bearing + 45) % 360) / 90)]!;
}

const meanPoint = (points: readonly (readonly [number, number])[]): [number, number] => [
  round6(points.reduce((sum, p) => sum + p[0], 0) / points.length),
  round6(points.reduce((sum, p) => sum + p[1], 0) / points.length),
];

/**
 * The city of Milan and the four quarters of the hinterland around its centre, each of several
 * municipalities and several 5G sites: where the public projection says an alert is.
 */
export function territoryAreas(municipalities: readonly Municipality[], centre: Point): Area[] {
  const city = municipalities.filter((m) => m.id === CITY_ID);
  const areas: Area[] = city.map((m) => ({
    id: 'area-city',
    name: 'City of Milan',
    centroid: m.centroid,
    municipalityIds: [m.id],
  }));
  for (const quarter of QUARTERS) {
    const members = municipalities.filter(
      (m) => m.id !== CITY_ID && quarterOf(m.centroid, centre) === quarter,
    );
    if (members.length === 0) continue;
    areas.push({
      ...quarter,
      centroid: meanPoint(members.map((m) => m.centroid)),
      municipalityIds: members.map((m) => m.id),
    });
  }
  return areas;
}
