import type { Feature, FeatureCollection, Geometry, LineString, Point, Polygon } from 'geojson';
import type { Device, Facility } from '../../api/schemas/health';
import type { CoverageCell, Site } from '../../api/schemas/network';
import type { Reading, Sensor } from '../../api/schemas/sensors';
import type { QkdLink } from '../../api/schemas/security';
import type { Corridor, Territory, Waterway } from '../../api/schemas/territory';
import type { Translate } from '../../i18n/i18n';
import type { PlaceWithAlerts } from '../../lib/alert-places';
import { SEVERITY_KEYS } from '../ui/tones';
import { POLLUTANTS } from '../../api/schemas/forecasts';
import { isCovered, rsrpClass } from '../../lib/signal';
import { worstState } from '../../lib/health';
import { isSensorStale } from '../../lib/sensors';
import { pollutantBands, trafficLevel } from './sensor-classes';

/** GeoJSON for each map source, built by pure functions so they can be tested without WebGL. */

type Props = Record<string, string | number | boolean | null>;
type LonLat = readonly [number, number];

/** One feature for each item, with the geometry and the properties the map reads from it. */
function featureCollection<T, G extends Geometry>(
  items: readonly T[],
  geometry: (item: T) => G,
  properties: (item: T) => Props,
): FeatureCollection<G, Props> {
  return {
    type: 'FeatureCollection',
    features: items.map((item) => ({
      type: 'Feature',
      geometry: geometry(item),
      properties: properties(item),
    })),
  };
}

const point = (at: LonLat): Point => ({ type: 'Point', coordinates: [...at] });
const line = (path: readonly LonLat[]): LineString => ({
  type: 'LineString',
  coordinates: path.map((p) => [...p]),
});

export function siteFeatures(sites: readonly Site[]) {
  return featureCollection(
    sites,
    (site) => point(site.location),
    (site) => ({ id: site.id, name: site.name, status: site.status, mmWave: site.bands.includes('n258') }),
  );
}

const EARTH_METRES_PER_DEGREE = 111_320;

/** A pointy-top hexagon of circumradius `radiusM` around a centre, as a closed ring. */
export function hexagon([lon, lat]: readonly [number, number], radiusM: number): [number, number][] {
  const dLat = radiusM / EARTH_METRES_PER_DEGREE;
  const dLon = radiusM / (EARTH_METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const ring: [number, number][] = [];
  for (let i = 0; i < 6; i++) {
    const angle = (Math.PI / 3) * i + Math.PI / 6;
    ring.push([lon + dLon * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
  ring.push(ring[0]!);
  return ring;
}

export function coverageFeatures(cells: readonly CoverageCell[], hexRadiusM: number) {
  return featureCollection(
    cells,
    (cell): Polygon => ({ type: 'Polygon', coordinates: [hexagon(cell.centre, hexRadiusM)] }),
    (cell) => ({
      id: cell.id,
      rsrp: cell.ssRsrpDbm,
      rsrpClass: rsrpClass(cell.ssRsrpDbm),
      dl: cell.expectedDlMbps,
    }),
  );
}

/** Share of each municipality's cells that are covered (with service: `isCovered`). */
export function municipalityCoverage(
  territory: Territory,
  cells: readonly CoverageCell[],
): Map<string, number> {
  const shares = new Map<string, number>();
  for (const m of territory.municipalities) {
    const ring = m.boundary.coordinates[0] ?? [];
    const inside = cells.filter((c) => pointInRing(c.centre, ring));
    const nearest =
      inside.length > 0
        ? inside
        : [...cells]
            .sort((a, b) => squaredDistance(a.centre, m.centroid) - squaredDistance(b.centre, m.centroid))
            .slice(0, 1);
    const covered = nearest.filter((c) => isCovered(c.ssRsrpDbm)).length;
    shares.set(m.id, nearest.length ? covered / nearest.length : 0);
  }
  return shares;
}

const squaredDistance = (a: readonly number[], b: readonly number[]) =>
  (a[0]! - b[0]!) ** 2 + (a[1]! - b[1]!) ** 2;

function pointInRing(
  [x, y]: readonly [number, number],
  ring: readonly (readonly [number, number])[],
): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function municipalityFeatures(territory: Territory, coverage: ReadonlyMap<string, number> | null) {
  return featureCollection(
    territory.municipalities,
    (m): Polygon => ({
      type: 'Polygon',
      coordinates: m.boundary.coordinates.map((r) => r.map((p) => [...p])),
    }),
    (m) => ({
      id: m.id,
      name: m.name,
      peripheral: m.peripheral,
      population: m.population,
      coverage: coverage?.get(m.id) ?? null,
    }),
  );
}

/** The property of each pollutant's band, in the order of POLLUTANTS. */
const BAND_KEYS = POLLUTANTS.map((pollutant) => `band_${pollutant}`);

/**
 * What the map draws from a sensor's reading: its classes and whether it is stale. The values
 * themselves stay out (the details panel reads them from the API data): every property is cloned
 * to MapLibre's worker at each refresh.
 */
export function sensorProperties(
  sensor: Sensor,
  reading: Reading | undefined,
  now: number,
  freeFlowKmh: number | undefined,
): Props {
  const stale = isSensorStale(sensor, reading, now);
  const base: Props = { id: sensor.id, name: sensor.name, kind: sensor.kind, stale };
  if (reading?.kind === 'air') {
    const props: Props = { ...base, band: reading.airQualityIndex };
    pollutantBands(reading).forEach((band, i) => (props[BAND_KEYS[i]!] = band));
    return props;
  }
  if (reading?.kind === 'traffic') return { ...base, level: trafficLevel(reading, freeFlowKmh) };
  return base;
}

export interface SensorLayerInput {
  sensors: readonly Sensor[];
  readings: ReadonlyMap<string, Reading>;
  now: number;
  freeFlow: (sensor: Sensor) => number | undefined;
}

/** One sensor's point, with the properties the map reads from it. */
export const sensorFeature = (sensor: Sensor, properties: Props): Feature<Point, Props> => ({
  type: 'Feature',
  geometry: point(sensor.location),
  properties,
});

export function sensorFeatures({ sensors, readings, now, freeFlow }: SensorLayerInput) {
  return featureCollection(
    sensors,
    (sensor) => point(sensor.location),
    (sensor) => sensorProperties(sensor, readings.get(sensor.id), now, freeFlow(sensor)),
  );
}

/** Places with open alerts, each a point carrying its worst severity and named for the tooltip. */
export function alertPlaceFeatures(places: readonly PlaceWithAlerts[], t: Translate) {
  return featureCollection(
    places,
    (p) => point(p.position),
    (p) => ({
      id: p.key,
      name: t('map.alerts.tooltip', {
        place: p.name,
        count: p.alerts.length,
        severity: t(SEVERITY_KEYS[p.severity]).toLocaleLowerCase(),
      }),
      severity: p.severity,
    }),
  );
}

/** QKD links as lines between their nodes, and the nodes once each. */
export function qkdFeatures(links: readonly QkdLink[]) {
  const nodes = new Map(links.flatMap((l) => l.endpoints.map((n) => [n.id, n] as const)));
  return {
    links: featureCollection(
      links,
      (l) => line(l.endpoints.map((n) => n.location)),
      (l) => ({ id: l.id, name: l.name, state: l.state }),
    ),
    nodes: featureCollection(
      [...nodes.values()],
      (n) => point(n.location),
      (n) => ({ id: n.id, name: n.name, kind: n.kind }),
    ),
  };
}

/** Each health facility with its devices' worst state and whether their data now falls back. */
export function facilityFeatures(
  facilities: readonly Facility[],
  devicesAt: ReadonlyMap<string, readonly Device[]>,
  describe: (facility: Facility) => string,
) {
  return featureCollection(
    facilities,
    (f) => point(f.location),
    (f) => {
      const devices = devicesAt.get(f.id) ?? [];
      return {
        id: f.id,
        name: describe(f),
        kind: f.kind,
        worst: worstState(devices),
        fallback: devices.some((d) => d.classicalFallback),
      };
    },
  );
}

/** A device's data path, hop by hop from the device: the radio hop to its site, then each link. */
export function devicePathFeatures(device: Device) {
  const [site, ...links] = device.path;
  const hops = [
    { from: device.location, to: site.to, protection: 'radio', name: site.name },
    ...links.map((hop, i) => ({
      from: (links[i - 1] ?? site).to,
      to: hop.to,
      protection: hop.qkdProtected ? 'protected' : 'classical',
      name: hop.name,
    })),
  ];
  return featureCollection(
    hops,
    (h) => line([h.from, h.to]),
    (h) => ({ name: h.name, protection: h.protection }),
  );
}

/** Municipality names on their centroids, once each (polygon labels repeat across tiles when zoomed in). */
export function municipalityLabelFeatures(territory: Territory) {
  return featureCollection(
    territory.municipalities,
    (m) => point(m.centroid),
    (m) => ({ id: m.id, name: m.name, population: m.population }),
  );
}

/** Roads or waterways as lines, each with its name and kind. */
export function pathFeatures(paths: readonly (Corridor | Waterway)[]) {
  return featureCollection(
    paths,
    (p) => line(p.path),
    (p) => ({ id: p.id, name: p.name, kind: p.kind }),
  );
}

/** The metropolitan boundary: the territory's outline, as the API draws it. */
export function metroOutlineFeature(territory: Territory): Feature<Territory['outline'], Props> {
  return { type: 'Feature', geometry: territory.outline, properties: {} };
}
