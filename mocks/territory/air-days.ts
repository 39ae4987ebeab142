import { airAt, PM_WIGGLE, pm10Shared, pmLocal } from './air';
import type { World } from './build';
import { romeOffsetHours } from './clock';

const HOUR = 3_600_000;
/** The PM10 24-hour limit in force, µg/m³ (Directive 2008/50/EC). */
export const PM10_DAILY_LIMIT = 50;

const romeDate = (ms: number) => new Date(ms + romeOffsetHours(ms) * HOUR).toISOString().slice(0, 10);

/** When a local day (yyyy-mm-dd in Milan) starts, in UTC: its clocks change at 02:00 or 03:00. */
function localMidnight(date: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return utcMidnight - romeOffsetHours(utcMidnight - 2 * HOUR) * HOUR;
}

const nextDate = (date: string) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);

const cache = new WeakMap<World, Map<string, boolean>>();

/**
 * Whether any station's PM10 mean over a local day (its hourly values, each at the middle of its
 * hour) was above the daily limit. Stations whose every hour at the top of their wiggle could not
 * reach it are skipped: a bound, not an estimate, so the answer is exact and cheap.
 */
export function pm10DayAbove(world: World, date: string): boolean {
  const known = cache.get(world) ?? new Map<string, boolean>();
  cache.set(world, known);
  const cached = known.get(date);
  if (cached !== undefined) return cached;
  const start = localMidnight(date);
  const end = localMidnight(nextDate(date));
  const hours: number[] = [];
  for (let t = start + HOUR / 2; t < end; t += HOUR) hours.push(t);
  const shared = hours.map((t) => pm10Shared(world.seed, t));
  const regional = shared.reduce((s, h) => s + h.regional, 0) / hours.length;
  const traffic = shared.reduce((s, h) => s + h.traffic, 0) / hours.length;
  const stations = world.sensors
    .filter((s) => s.kind === 'air')
    .map((s) => ({ id: s.id, local: world.localFactor.get(s.id) ?? 1 }))
    // Readings are rounded to 0.1, hence the 0.05 of room.
    .filter(
      (s) => regional * pmLocal(s.local) * (1 + PM_WIGGLE) + traffic * s.local + 0.05 > PM10_DAILY_LIMIT,
    )
    .sort((a, b) => b.local - a.local);
  const above = stations.some(
    (s) => hours.reduce((sum, t) => sum + airAt(world, s.id, t).pm10, 0) / hours.length > PM10_DAILY_LIMIT,
  );
  known.set(date, above);
  return above;
}

/** The complete local days of the year so far, before `nowMs`'s own day, with PM10 above the limit. */
export function pm10DaysAboveThisYear(world: World, nowMs: number): number {
  const today = romeDate(nowMs);
  let count = 0;
  for (let date = `${today.slice(0, 4)}-01-01`; date < today; date = nextDate(date))
    if (pm10DayAbove(world, date)) count++;
  return count;
}
