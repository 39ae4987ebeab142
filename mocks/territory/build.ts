import type { Territory } from '../../src/api/schemas/territory';
import type { Band } from '../../src/api/schemas/network';
import type { Sensor, SensorKind } from '../../src/api/schemas/sensors';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import {
  BOUNDARIES_CREDIT,
  METRO_OUTLINE,
  MUNICIPALITY_SHAPES,
  municipalityNameAt,
  isIn,
  type MunicipalityShape,
} from './boundaries';
import {
  CORRIDORS,
  MUNICIPALITIES,
  WATERWAYS,
  type CorridorSeed,
  type MunicipalitySeed,
} from './municipalities';
import { distanceKm, hexCentres, offsetKm, pathLengthKm, pointsAlong, round6, type Point } from './geo';
import { sequence } from './random';
import { territoryAreas } from './areas';
import { operatorBands, pickOperator, siteCapacityMbps } from './spectrum';

/** Municipalities whose label point lies farther than this from Milan's centre count as peripheral. */
export const PERIPHERAL_KM = 12;
export const SITE_COUNT = 60;
export const DEFAULT_SENSOR_COUNT = 1500;
export const MILAN_CENTRE: Point = [9.19, 45.464];

export interface SiteSeed {
  id: string;
  name: string;
  municipalityId: string;
  location: [number, number];
  operator: string;
  bands: Band[];
  leaseRevenueEurPerYear: number;
  /** Peak download capacity in Mbit/s. */
  capacityMbps: number;
}

export interface CorridorSensor extends Sensor {
  corridorId: string;
}

export interface World {
  seed: string;
  territory: Territory;
  sites: SiteSeed[];
  sensors: Sensor[];
  sensorsById: Map<string, Sensor>;
  corridorsById: Map<string, CorridorSeed>;
  /** Per-sensor multiplier of local pollution or traffic (urban canyons, busy junctions). */
  localFactor: Map<string, number>;
}

/** A municipality with its surveyed shape. */
interface Place extends MunicipalitySeed {
  shape: MunicipalityShape;
}

const PLACES: readonly Place[] = MUNICIPALITIES.map((m) => {
  const shape = MUNICIPALITY_SHAPES.get(m.name);
  if (!shape) throw new Error(`No boundary for ${m.name}`);
  return { ...m, shape };
});
const idByName = new Map(PLACES.map((p) => [p.name, p.id]));

/** The municipality a point lies in; undefined outside the territory. */
export function municipalityIdAt(point: Point): string | undefined {
  const name = municipalityNameAt(point);
  return name === undefined ? undefined : idByName.get(name);
}

export const inTerritory = (point: Point) => booleanPointInPolygon([point[0], point[1]], METRO_OUTLINE);

/**
 * A point near the municipality's label point, up to `spreadKm` away on each axis, inside its
 * boundary: drawn again when it falls outside, the label point itself after a few misses.
 */
function pointIn(place: Place, spreadKm: number, next: () => number): [number, number] {
  for (let attempt = 0; attempt < 12; attempt++) {
    const point = offsetKm(place.shape.labelPoint, (next() - 0.5) * spreadKm, (next() - 0.5) * spreadKm);
    if (isIn(point, place.name)) return point;
  }
  return place.shape.labelPoint;
}

/**
 * A point inside the municipality with this id, drawn as the area sensors are: within a box of
 * `spreadKm` around its label point, its label point after a few misses.
 */
export function pointInMunicipality(municipalityId: string, spreadKm: number, next: () => number) {
  const place = PLACES.find((p) => p.id === municipalityId);
  if (!place) throw new Error(`No municipality ${municipalityId}`);
  return pointIn(place, spreadKm, next);
}

const PERIPHERAL_RULE = `A municipality is peripheral when its label point lies more than ${PERIPHERAL_KM} km from Milan's centre (Piazza del Duomo).`;

function outlineBounds(): Territory['bounds'] {
  const points = (METRO_OUTLINE.type === 'Polygon' ? [METRO_OUTLINE.coordinates] : METRO_OUTLINE.coordinates)
    .flat(2)
    .map(([lon, lat]) => [lon!, lat!] as const);
  const pad = 0.02;
  const edge = (values: number[], pick: typeof Math.min, by: number) => round6(pick(...values) + by);
  return [
    edge(
      points.map((p) => p[0]),
      Math.min,
      -pad,
    ),
    edge(
      points.map((p) => p[1]),
      Math.min,
      -pad,
    ),
    edge(
      points.map((p) => p[0]),
      Math.max,
      pad,
    ),
    edge(
      points.map((p) => p[1]),
      Math.max,
      pad,
    ),
  ];
}

function buildTerritory(): Territory {
  const municipalities = PLACES.map((p) => ({
    id: p.id,
    name: p.name,
    population: p.population,
    areaKm2: p.shape.areaKm2,
    centroid: p.shape.labelPoint,
    peripheral: distanceKm(p.shape.labelPoint, MILAN_CENTRE) > PERIPHERAL_KM,
    boundary: p.shape.boundary,
  }));
  return {
    id: 'milano',
    name: 'Metropolitan City of Milan',
    bounds: outlineBounds(),
    centre: MILAN_CENTRE as [number, number],
    zoom: 9.6,
    outline: METRO_OUTLINE,
    attribution: BOUNDARIES_CREDIT,
    peripheralRule: PERIPHERAL_RULE,
    dataNotice:
      'Simulated territory: municipality names, boundaries and populations and hospital names are real; roads and waterways are schematic; sites, sensors, readings, forecasts, alerts and health devices are synthetic.',
    municipalities,
    areas: territoryAreas(municipalities, MILAN_CENTRE),
    corridors: CORRIDORS.map((c) => ({ ...c, path: c.path.map((p) => [p[0], p[1]] as [number, number]) })),
    waterways: WATERWAYS.map((w) => ({ ...w, path: w.path.map((p) => [p[0], p[1]] as [number, number]) })),
  };
}

/**
 * Places the 60 sites: eight across Milan, then each next one in the municipality that is
 * farthest from every existing site, weighted by population, which pushes coverage outwards.
 */
function placeSites(seed: string): SiteSeed[] {
  const next = sequence(`${seed}:sites`);
  const chosen: { municipalityId: string; location: [number, number] }[] = [];
  for (let i = 0; i < 8; i++) {
    const angle = (Math.PI * 2 * i) / 8;
    chosen.push({
      municipalityId: 'milano',
      location: offsetKm(MILAN_CENTRE, 3.5 * Math.cos(angle), 3 * Math.sin(angle)),
    });
  }
  const remaining = PLACES.filter((m) => m.id !== 'milano');
  while (chosen.length < SITE_COUNT) {
    let best = remaining[0]!;
    let bestScore = -1;
    for (const m of remaining) {
      const nearest = Math.min(...chosen.map((c) => distanceKm(c.location, m.shape.labelPoint)));
      const score = nearest * Math.sqrt(m.population);
      if (score > bestScore) {
        bestScore = score;
        best = m;
      }
    }
    remaining.splice(remaining.indexOf(best), 1);
    chosen.push({ municipalityId: best.id, location: pointIn(best, 0.8, next) });
  }

  const names = new Map(PLACES.map((m) => [m.id, m.name]));
  const sites = chosen.map((c, i): SiteSeed => {
    const dense = distanceKm(c.location, MILAN_CENTRE) < 8;
    // Bands and capacity follow the spectrum the operator won in the 2018 auction.
    const operator = pickOperator(next(), dense);
    const bands: Band[] = operatorBands(operator, dense || next() < 0.15);
    return {
      id: `site-${String(i + 1).padStart(2, '0')}`,
      name: `${names.get(c.municipalityId)} ${c.municipalityId === 'milano' ? `${i + 1}` : 'Campus'} 5G`,
      municipalityId: c.municipalityId,
      location: c.location,
      operator,
      bands,
      leaseRevenueEurPerYear: Math.round(28_000 + next() * 16_000 + (dense ? 6_000 : 0)),
      capacityMbps: siteCapacityMbps(operator, bands),
    };
  });
  return sites;
}

const SENSOR_MIX: Record<SensorKind, number> = { traffic: 0.6, air: 0.08, noise: 0.19, weather: 0.13 };
const CADENCE_S: Record<SensorKind, number> = { traffic: 60, air: 600, noise: 300, weather: 600 };

function placeSensors(seed: string, total: number): { sensors: Sensor[]; localFactor: Map<string, number> } {
  const next = sequence(`${seed}:sensors`);
  const sensors: Sensor[] = [];
  const localFactor = new Map<string, number>();
  // Sensors go on the stretches of each corridor inside the territory, in proportion to their length.
  const corridorKm = CORRIDORS.map((c) => {
    const km = pathLengthKm(c.path);
    const inside = pointsAlong(c.path, Math.ceil(km * 4)).filter((p) => inTerritory(p.point));
    return { corridor: c, inside, km: inside.length / 4 };
  });
  const totalKm = corridorKm.reduce((s, c) => s + c.km, 0);

  const trafficCount = Math.round(total * SENSOR_MIX.traffic);
  let made = 0;
  corridorKm.forEach(({ corridor, inside, km }, index) => {
    const count =
      index === corridorKm.length - 1 ? trafficCount - made : Math.round((trafficCount * km) / totalKm);
    made += count;
    const candidates = pointsAlong(corridor.path, Math.max(count * 3, inside.length)).filter((p) =>
      inTerritory(p.point),
    );
    const spaced = Array.from(
      { length: count },
      (_, i) => candidates[Math.floor(((i + 0.5) * candidates.length) / count)]!,
    );
    for (const { point, km: at } of spaced) {
      const id = `trf-${corridor.id}-${String(sensors.length).padStart(5, '0')}`;
      sensors.push({
        id,
        name: `${corridor.name} km ${at.toFixed(1)}`,
        kind: 'traffic',
        location: point,
        municipalityId: municipalityIdAt(point)!,
        corridorId: corridor.id,
        cadenceSeconds: CADENCE_S.traffic,
      });
      localFactor.set(id, 0.85 + next() * 0.3);
    }
  });

  // Area sensors go to municipalities in proportion to the square root of their population.
  const weights = PLACES.map((m) => Math.sqrt(m.population));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (const kind of ['air', 'noise', 'weather'] as const) {
    const count = Math.round(total * SENSOR_MIX[kind]);
    for (let i = 0; i < count; i++) {
      let r = next() * weightSum;
      let index = 0;
      while (index < weights.length - 1 && r > weights[index]!) r -= weights[index++]!;
      const m = PLACES[index]!;
      const location = pointIn(m, Math.sqrt(m.shape.areaKm2) / 2.5, next);
      const id = `${kind}-${String(i + 1).padStart(5, '0')}`;
      sensors.push({
        id,
        name: `${m.name} ${kind === 'air' ? 'air station' : kind} ${i + 1}`,
        kind,
        location,
        municipalityId: m.id,
        corridorId: null,
        cadenceSeconds: CADENCE_S[kind],
      });
      localFactor.set(id, 0.75 + next() * 0.5 + (m.id === 'milano' ? 0.2 : 0));
    }
  }
  return { sensors, localFactor };
}

const worlds = new Map<string, World>();

/** The static part of the simulated territory for a seed and sensor count (cached). */
export function buildWorld(seed: string, sensorCount = DEFAULT_SENSOR_COUNT): World {
  const key = `${seed}:${sensorCount}`;
  const cached = worlds.get(key);
  if (cached) return cached;
  const territory = buildTerritory();
  const sites = placeSites(seed);
  const revenue = sites.reduce((sum, s) => sum + s.leaseRevenueEurPerYear, 0);
  if (revenue < 2_050_000) {
    const scale = 2_050_000 / revenue;
    for (const s of sites) s.leaseRevenueEurPerYear = Math.round(s.leaseRevenueEurPerYear * scale);
  }
  const { sensors, localFactor } = placeSensors(seed, sensorCount);
  const world: World = {
    seed,
    territory,
    sites,
    sensors,
    sensorsById: new Map(sensors.map((s) => [s.id, s])),
    corridorsById: new Map(CORRIDORS.map((c) => [c.id, c])),
    localFactor,
  };
  worlds.set(key, world);
  return world;
}

export const HEX_RADIUS_KM = 1.2;

/** Hexagon centres inside the territory. */
export function coverageCentres(world: World): [number, number][] {
  return hexCentres(world.territory.bounds, HEX_RADIUS_KM).filter(inTerritory);
}
