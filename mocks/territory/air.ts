import type { World } from './build';
import { localTime, ozoneSun, trafficDemand, winterness, type LocalTime } from './clock';
import { smoothNoise } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const round1 = (v: number) => Math.round(v * 10) / 10;

export interface AirState {
  pm25: number;
  pm10: number;
  no2: number;
  o3: number;
  so2: number;
}

/**
 * The Po Valley's mixing over the day, zero on average: deepest around midday, shallowest in the
 * evening and at night, when winter inversions trap what is emitted and secondary aerosol forms.
 */
function mixingShape(hour: number): number {
  const angle = (2 * Math.PI * (hour - 23)) / 24;
  return Math.cos(angle) + 0.3 * Math.cos(2 * angle);
}

/** Multi-day stagnation episodes shared by every station, wider in winter; about 1 on average. */
function episode(seed: string, timeMs: number, winter: number): number {
  const slow = smoothNoise(timeMs, 3 * DAY, seed, 'air-episode');
  const slower = smoothNoise(timeMs, 8 * DAY, seed, 'air-episode-long');
  return Math.exp((0.3 + 0.35 * winter) * (0.65 * slow + 0.35 * slower));
}

/** How much of the local factor a station's particulate takes: most of it is regional. */
export const pmLocal = (local: number) => 0.55 + 0.45 * local;
/** The widest a station's own hourly wiggle moves particulate (±). */
export const PM_WIGGLE = 0.1;

/** What every station shares in an hour: regional PM10 over the day's mixing, and the traffic term. */
export interface Pm10Shared {
  /** µg/m³ before the station's factors. */
  regional: number;
  /** µg/m³ per unit of local factor, from exhaust and resuspension. */
  traffic: number;
}

export function pm10Shared(seed: string, timeMs: number, time: LocalTime = localTime(timeMs)): Pm10Shared {
  const winter = winterness(time);
  const base = (14 + 25 * winter) * episode(seed, timeMs, winter);
  return {
    regional: base * (1 + (0.1 + 0.22 * winter) * mixingShape(time.hour)),
    traffic: 6 * trafficDemand(time),
  };
}

/** A station's hourly PM10 from the shared terms, its local factor and its own wiggle (−1…1). */
export const stationPm10 = (shared: Pm10Shared, local: number, wiggle: number) =>
  shared.regional * pmLocal(local) * (1 + PM_WIGGLE * wiggle) + shared.traffic * local;

export const pmWiggle = (world: World, sensorId: string, timeMs: number) =>
  smoothNoise(timeMs, 2 * HOUR, world.seed, sensorId, 'air');

/**
 * Concentrations in µg/m³ as Milan's stations read them: particulate highest on winter evenings
 * and nights, NO₂ at the rush hours over a winter night background, O₃ on hot summer afternoons.
 */
export function airAt(world: World, sensorId: string, timeMs: number): AirState {
  const time = localTime(timeMs);
  const local = world.localFactor.get(sensorId) ?? 1;
  const demand = trafficDemand(time);
  const winter = winterness(time);
  const shared = pm10Shared(world.seed, timeMs, time);
  const wiggle = pmWiggle(world, sensorId, timeMs);
  const pm10 = stationPm10(shared, local, wiggle);
  // Fine particles are most of the regional load, more so in winter (secondary nitrate).
  const pm25 =
    shared.regional * pmLocal(local) * (1 + PM_WIGGLE * wiggle) * (0.5 + 0.16 * winter) +
    0.3 * shared.traffic * local;
  const stagnation = Math.sqrt(episode(world.seed, timeMs, winter));
  const nightBackground = (10 + 17 * winter) * stagnation * (1 + 0.3 * winter * mixingShape(time.hour));
  const no2 = (nightBackground + (38 + 13 * winter) * demand) * (0.5 + 0.5 * local) * (1 + 0.1 * wiggle);
  // Ozone builds on sunny afternoons, most in heat waves; traffic's NO titrates it in town.
  const heat = smoothNoise(timeMs, 3 * DAY, world.seed, 'heat');
  const o3 =
    (22 + 15 * (1 - winter) + (100 + 70 * heat) * ozoneSun(time) * (1.1 - 0.3 * demand)) *
    (1.15 - 0.15 * local) *
    (1 + 0.04 * smoothNoise(timeMs, 3 * HOUR, world.seed, sensorId, 'o3'));
  return {
    pm10: round1(pm10),
    pm25: round1(pm25),
    no2: round1(no2),
    o3: round1(Math.max(2, o3)),
    so2: round1(2 + 4 * winter * (1 + 0.12 * wiggle)),
  };
}
