import type { Territory } from '../../src/api/schemas/territory';
import type { Band } from '../../src/api/schemas/network';
import type { Sensor, SensorKind } from '../../src/api/schemas/sensors';
import { CORRIDORS, MUNICIPALITIES, WATERWAYS, type CorridorSeed } from './municipalities';
import {
  distanceKm,
  hexCentres,
  offsetKm,
  pathLengthKm,
  pointsAlong,
  schematicBoundary,
  type Point,
} from './geo';
import { sequence } from './random';
import { operatorBands, pickOperator, siteCapacityMbps } from './spectrum';

/** Municipalities farther than this from Milan's centre count as peripheral. */
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

function nearestMunicipalityId(point: Point): string {
  let best = MUNICIPALITIES[0]!;
  let bestKm = Infinity;
  for (const m of MUNICIPALITIES) {
    const km = distanceKm(point, [m.lon, m.lat]);
    if (km < bestKm) {
      bestKm = km;
      best = m;
    }
  }
  return best.id;
}

function buildTerritory(): Territory {
  const lons = MUNICIPALITIES.map((m) => m.lon);
  const lats = MUNICIPALITIES.map((m) => m.lat);
  const pad = 0.04;
  return {
    id: 'milano',
    name: 'Metropolitan City of Milan',
    bounds: [
      Math.min(...lons) - pad,
      Math.min(...lats) - pad,
      Math.max(...lons) + pad,
      Math.max(...lats) + pad,
    ],
    centre: MILAN_CENTRE as [number, number],
    zoom: 9.6,
    boundariesSchematic: true,
    dataNotice:
      'Simulated territory: municipality names, approximate centroids and populations are real; boundaries are schematic; sites, sensors, readings, forecasts and alerts are synthetic.',
    municipalities: MUNICIPALITIES.map((m) => ({
      id: m.id,
      name: m.name,
      population: m.population,
      areaKm2: m.areaKm2,
      centroid: [m.lon, m.lat],
      peripheral: distanceKm([m.lon, m.lat], MILAN_CENTRE) > PERIPHERAL_KM,
      boundary: { type: 'Polygon', coordinates: [schematicBoundary([m.lon, m.lat], m.areaKm2)] },
    })),
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
  const remaining = MUNICIPALITIES.filter((m) => m.id !== 'milano');
  while (chosen.length < SITE_COUNT) {
    let best = remaining[0]!;
    let bestScore = -1;
    for (const m of remaining) {
      const nearest = Math.min(...chosen.map((c) => distanceKm(c.location, [m.lon, m.lat])));
      const score = nearest * Math.sqrt(m.population);
      if (score > bestScore) {
        bestScore = score;
        best = m;
      }
    }
    remaining.splice(remaining.indexOf(best), 1);
    chosen.push({
      municipalityId: best.id,
      location: offsetKm([best.lon, best.lat], (next() - 0.5) * 0.8, (next() - 0.5) * 0.8),
    });
  }

  const names = new Map(MUNICIPALITIES.map((m) => [m.id, m.name]));
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
  const corridorKm = CORRIDORS.map((c) => ({ corridor: c, km: pathLengthKm(c.path) }));
  const totalKm = corridorKm.reduce((s, c) => s + c.km, 0);

  const trafficCount = Math.round(total * SENSOR_MIX.traffic);
  let made = 0;
  corridorKm.forEach(({ corridor, km }, index) => {
    const count =
      index === corridorKm.length - 1 ? trafficCount - made : Math.round((trafficCount * km) / totalKm);
    made += count;
    for (const { point, km: at } of pointsAlong(corridor.path, count)) {
      const id = `trf-${corridor.id}-${String(sensors.length).padStart(5, '0')}`;
      sensors.push({
        id,
        name: `${corridor.name} km ${at.toFixed(1)}`,
        kind: 'traffic',
        location: point,
        municipalityId: nearestMunicipalityId(point),
        corridorId: corridor.id,
        cadenceSeconds: CADENCE_S.traffic,
      });
      localFactor.set(id, 0.85 + next() * 0.3);
    }
  });

  // Area sensors go to municipalities in proportion to the square root of their population.
  const weights = MUNICIPALITIES.map((m) => Math.sqrt(m.population));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (const kind of ['air', 'noise', 'weather'] as const) {
    const count = Math.round(total * SENSOR_MIX[kind]);
    for (let i = 0; i < count; i++) {
      let r = next() * weightSum;
      let index = 0;
      while (index < weights.length - 1 && r > weights[index]!) r -= weights[index++]!;
      const m = MUNICIPALITIES[index]!;
      const spread = Math.sqrt(m.areaKm2) / 2.5;
      const location = offsetKm([m.lon, m.lat], (next() - 0.5) * spread, (next() - 0.5) * spread);
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

/** Hexagon centres inside the territory: those within reach of a municipality's centroid. */
export function coverageCentres(world: World): [number, number][] {
  return hexCentres(world.territory.bounds, HEX_RADIUS_KM).filter((c) =>
    world.territory.municipalities.some((m) => distanceKm(c, m.centroid) < Math.sqrt(m.areaKm2) * 0.75 + 1),
  );
}
