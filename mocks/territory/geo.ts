export type Point = readonly [number, number];

const EARTH_RADIUS_KM = 6371;
const toRad = (deg: number) => (deg * Math.PI) / 180;

export function distanceKm([lon1, lat1]: Point, [lon2, lat2]: Point): number {
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(a));
}

/** Moves a point by kilometres east and north (good enough at metropolitan scale). */
export function offsetKm([lon, lat]: Point, eastKm: number, northKm: number): [number, number] {
  const dLat = northKm / 111.32;
  const dLon = eastKm / (111.32 * Math.cos(toRad(lat)));
  return [round6(lon + dLon), round6(lat + dLat)];
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Centres of a pointy-top hexagonal grid of circumradius `radiusKm` covering a bounding box. */
export function hexCentres(
  bounds: readonly [number, number, number, number],
  radiusKm: number,
): [number, number][] {
  const [west, south, east, north] = bounds;
  const origin: Point = [west, south];
  const widthKm = distanceKm(origin, [east, south]);
  const heightKm = distanceKm(origin, [west, north]);
  const dx = Math.sqrt(3) * radiusKm;
  const dy = 1.5 * radiusKm;
  const centres: [number, number][] = [];
  for (let row = 0; row * dy <= heightKm; row++) {
    for (let col = 0; col * dx <= widthKm; col++) {
      centres.push(offsetKm(origin, col * dx + (row % 2 ? dx / 2 : 0), row * dy));
    }
  }
  return centres;
}

export function pathLengthKm(path: readonly Point[]): number {
  return path.slice(1).reduce((sum, end, i) => sum + distanceKm(path[i] as Point, end), 0);
}

/** Evenly spaced points along a polyline, with the distance of each from its start. */
export function pointsAlong(
  path: readonly Point[],
  count: number,
): { point: [number, number]; km: number }[] {
  const segments = path
    .slice(1)
    .map((end, i) => ({ start: path[i] as Point, end, km: distanceKm(path[i] as Point, end) }));
  const total = pathLengthKm(path);
  const result: { point: [number, number]; km: number }[] = [];
  for (let i = 0; i < count; i++) {
    let target = ((i + 0.5) / count) * total;
    const km = target;
    for (const segment of segments) {
      if (target <= segment.km || segment === segments[segments.length - 1]) {
        const f = segment.km === 0 ? 0 : Math.min(1, target / segment.km);
        result.push({
          point: [
            round6(segment.start[0] + (segment.end[0] - segment.start[0]) * f),
            round6(segment.start[1] + (segment.end[1] - segment.start[1]) * f),
          ],
          km,
        });
        break;
      }
      target -= segment.km;
    }
  }
  return result;
}
