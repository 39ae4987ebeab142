import type { Site, SiteStatus } from '../../src/api/schemas/network';
import type { Reading, Sensor } from '../../src/api/schemas/sensors';
import { eaqiIndex, eaqiLevel } from '../../src/lib/eaqi';
import {
  dayDemandFactor,
  incidentSpeedFactor,
  shortTermSpeedFactor,
  weatherSpeedFactor,
} from './traffic-variability';
import { airAt } from './air';
import { localTime, trafficDemand, winterness } from './clock';
import type { SiteSeed, World } from './build';
import { rand, smoothNoise } from './random';

export { airAt, type AirState } from './air';

const HOUR = 3_600_000;
const round1 = (v: number) => Math.round(v * 10) / 10;
const round3 = (v: number) => Math.round(v * 1000) / 1000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Sites change status in 30-minute spells: mostly online, sometimes degraded, rarely down. */
const SITE_SPELL_MS = 30 * 60_000;

export function siteStatusAt(seed: string, siteId: string, timeMs: number): SiteStatus {
  const r = rand(seed, siteId, 'status', Math.floor(timeMs / SITE_SPELL_MS));
  if (r < 0.015) return 'offline';
  if (r < 0.03) return 'maintenance';
  if (r < 0.08) return 'degraded';
  return 'online';
}

export function siteAt(world: World, site: SiteSeed, timeMs: number): Site {
  const status = siteStatusAt(world.seed, site.id, timeMs);
  const demand = trafficDemand(localTime(timeMs));
  const jitter = smoothNoise(timeMs, 10 * 60_000, world.seed, site.id, 'load');
  const load =
    status === 'offline' ? 0 : Math.min(0.98, Math.max(0.02, 0.25 + 0.55 * demand + 0.12 * jitter));
  const health = status === 'degraded' ? 0.35 : status === 'online' ? 1 : 0;
  const down = status === 'offline' || status === 'maintenance';
  // An offline site stops reporting at the start of its spell.
  const reportedAt =
    status === 'offline'
      ? Math.floor(timeMs / SITE_SPELL_MS) * SITE_SPELL_MS
      : Math.floor(timeMs / 30_000) * 30_000;
  return {
    id: site.id,
    name: site.name,
    municipalityId: site.municipalityId,
    location: site.location,
    operator: site.operator,
    bands: site.bands,
    status,
    throughputDlMbps: down ? 0 : round1(site.capacityMbps * load * health * 0.8),
    throughputUlMbps: down ? 0 : round1(site.capacityMbps * 0.12 * load * health),
    latencyMs: down ? 0 : round1(7 + 14 * load + (status === 'degraded' ? 35 : 0) + 2 * jitter),
    load: round3(down ? 0 : load),
    connectedDevices: down ? 0 : Math.round(1400 * load * (site.bands.length === 2 ? 1.5 : 1)),
    leaseRevenueEurPerYear: site.leaseRevenueEurPerYear,
    dateLastValueReported: iso(reportedAt),
  };
}

/** Each sensor reports on its cadence with its own phase; a few go silent for six-hour spells. */
export function lastObservationMs(seed: string, sensor: Sensor, timeMs: number): number {
  const cadence = sensor.cadenceSeconds * 1000;
  const phase = Math.floor(rand(seed, sensor.id, 'phase') * sensor.cadenceSeconds) * 1000;
  const spell = Math.floor(timeMs / (6 * HOUR));
  const silent = rand(seed, sensor.id, 'silent', spell) < 0.015;
  const until = silent
    ? spell * 6 * HOUR + Math.floor(rand(seed, sensor.id, 'silent-at', spell) * 2 * HOUR)
    : timeMs;
  return Math.floor((until - phase) / cadence) * cadence + phase;
}

export interface TrafficState {
  intensity: number;
  speed: number;
  occupancy: number;
}

/**
 * Traffic on a corridor at a time: the diurnal demand, varying from day to day and within the hour,
 * slowed by rain, incidents and stop-and-go.
 */
export function corridorTraffic(world: World, corridorId: string, timeMs: number, local = 1): TrafficState {
  const { seed } = world;
  const corridor = world.corridorsById.get(corridorId);
  const freeFlow = corridor?.freeFlowKmh ?? 60;
  const capacity = corridor?.kind === 'motorway' ? 4800 : corridor?.kind === 'ring' ? 3200 : 1600;
  const noise = smoothNoise(timeMs, 45 * 60_000, seed, corridorId, 'traffic');
  const dayDemand = dayDemandFactor(seed, corridorId, timeMs);
  const demand = Math.max(0.02, trafficDemand(localTime(timeMs)) * dayDemand * (1 + 0.15 * noise) * local);
  const x = demand * 1.05;
  const slowdown =
    weatherSpeedFactor(seed, timeMs) *
    incidentSpeedFactor(seed, corridorId, timeMs) *
    shortTermSpeedFactor(seed, corridorId, timeMs);
  return {
    intensity: Math.round(capacity * Math.min(demand, 1)),
    speed: (freeFlow / (1 + 0.9 * x ** 4)) * slowdown,
    occupancy: Math.min(0.95, 0.04 + 0.42 * x ** 2),
  };
}

/** What a traffic sensor measures at a time: its corridor's traffic, locally scaled, with its own jitter. */
export function sensorTraffic(world: World, sensor: Sensor, timeMs: number) {
  const corridor = world.corridorsById.get(sensor.corridorId ?? '');
  const local = world.localFactor.get(sensor.id) ?? 1;
  const state = corridorTraffic(world, sensor.corridorId ?? '', timeMs, local);
  const jitter = 1 + 0.05 * smoothNoise(timeMs, 5 * 60_000, world.seed, sensor.id);
  const speed = state.speed * jitter;
  return {
    intensity: Math.round(state.intensity * jitter),
    averageVehicleSpeed: round1(speed),
    occupancy: round3(Math.min(1, state.occupancy * jitter)),
    congested: isCongested(speed, state.occupancy, corridor?.freeFlowKmh ?? 60),
  };
}

/** Congested: under half of free-flow speed, or more than 35 % of the road occupied. */
export const isCongested = (speed: number, occupancy: number, freeFlowKmh: number) =>
  speed < 0.5 * freeFlowKmh || occupancy > 0.35;

export function readingAt(world: World, sensor: Sensor, timeMs: number): Reading {
  const observed = lastObservationMs(world.seed, sensor, timeMs);
  const dateObserved = iso(observed);
  const local = world.localFactor.get(sensor.id) ?? 1;
  const time = localTime(observed);
  switch (sensor.kind) {
    case 'traffic':
      return {
        kind: 'traffic',
        sensorId: sensor.id,
        dateObserved,
        ...sensorTraffic(world, sensor, observed),
      };
    case 'air': {
      const air = airAt(world, sensor.id, observed);
      const band = eaqiIndex(air)!;
      return {
        kind: 'air',
        sensorId: sensor.id,
        dateObserved,
        ...air,
        airQualityIndex: band,
        airQualityLevel: eaqiLevel(band),
      };
    }
    case 'noise': {
      const demand = trafficDemand(time);
      const laeq = 42 + 26 * demand * local + 3 * smoothNoise(observed, 20 * 60_000, world.seed, sensor.id);
      return { kind: 'noise', sensorId: sensor.id, dateObserved, laeq: round1(laeq) };
    }
    case 'weather': {
      const winter = winterness(time);
      const daily = Math.sin(((time.hour - 9) / 24) * 2 * Math.PI);
      const front = smoothNoise(observed, 18 * HOUR, world.seed, 'weather-front');
      return {
        kind: 'weather',
        sensorId: sensor.id,
        dateObserved,
        temperature: round1(24 - 20 * winter + 5 * daily + 2 * front + (local - 1) * 2),
        relativeHumidity: round1(Math.min(100, Math.max(20, 62 + 18 * winter - 15 * daily + 10 * front))),
        windSpeed: round1(Math.max(0, 1.8 + 1.6 * front + 0.5 * daily)),
        precipitation: round1(front > 0.55 ? (front - 0.55) * 12 : 0),
      };
    }
  }
}

export const SERIES_METRICS = {
  traffic: { intensity: 'veh/h', averageVehicleSpeed: 'km/h', occupancy: '1' },
  air: { pm25: 'µg/m³', pm10: 'µg/m³', no2: 'µg/m³', o3: 'µg/m³', so2: 'µg/m³', airQualityIndex: 'band' },
  noise: { laeq: 'dB(A)' },
  weather: { temperature: '°C', relativeHumidity: '%', windSpeed: 'm/s', precipitation: 'mm/h' },
} as const;

/** A metric's value at a time, or null when the sensor was silent then. */
export function metricAt(world: World, sensor: Sensor, metric: string, timeMs: number): number | null {
  if (lastObservationMs(world.seed, sensor, timeMs) < timeMs - 2 * sensor.cadenceSeconds * 1000) return null;
  const reading = readingAt(world, sensor, timeMs) as unknown as Record<string, unknown>;
  const value = reading[metric];
  return typeof value === 'number' ? value : null;
}
