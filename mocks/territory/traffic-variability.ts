import { rand, smoothNoise } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * What makes one day's traffic unlike the same day a week before: demand that varies from day to
 * day across the city and on each corridor (events, school holidays, strikes).
 */
export function dayDemandFactor(seed: string, corridorId: string, timeMs: number): number {
  const city = smoothNoise(timeMs, DAY, seed, 'traffic-day');
  const own = smoothNoise(timeMs, DAY, seed, corridorId, 'traffic-day');
  return 1 + 0.08 * city + 0.05 * own;
}

/** Rain slows everyone: on about a third of days, more or less, across the whole city. */
export function weatherSpeedFactor(seed: string, timeMs: number): number {
  const wet = smoothNoise(timeMs, 6 * HOUR, seed, 'rain');
  return wet > 0.35 ? 1 - 0.12 * (wet - 0.35) : 1;
}

/** Incidents: in each three-hour block a corridor may have one, slowing it for 20 to 90 minutes. */
const INCIDENT_BLOCK_MS = 3 * HOUR;
const INCIDENT_CHANCE = 0.2;

export function incidentSpeedFactor(seed: string, corridorId: string, timeMs: number): number {
  const block = Math.floor(timeMs / INCIDENT_BLOCK_MS);
  // An incident late in the previous block may still be under way.
  let factor = 1;
  for (const b of [block - 1, block]) {
    if (rand(seed, corridorId, 'incident', b) >= INCIDENT_CHANCE) continue;
    const start = b * INCIDENT_BLOCK_MS + rand(seed, corridorId, 'incident-at', b) * INCIDENT_BLOCK_MS;
    const duration = (20 + 70 * rand(seed, corridorId, 'incident-for', b)) * MINUTE;
    const depth = 0.25 + 0.35 * rand(seed, corridorId, 'incident-depth', b);
    const into = timeMs - start;
    if (into < 0 || into > duration) continue;
    // Queues build in a few minutes and drain over the last third.
    const build = Math.min(1, into / (5 * MINUTE));
    const drain = Math.min(1, (duration - into) / (duration / 3));
    factor = Math.min(factor, 1 - depth * Math.min(build, drain));
  }
  return factor;
}

/** Stop-and-go within the quarter hour: what a 15-minute forecast cannot see coming. */
export function shortTermSpeedFactor(seed: string, corridorId: string, timeMs: number): number {
  return 1 + 0.06 * smoothNoise(timeMs, 15 * MINUTE, seed, corridorId, 'stop-and-go');
}
