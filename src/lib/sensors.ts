import type { Reading, Sensor } from '../api/schemas/sensors';

/** A sensor is stale once it has missed two reporting cadences. */
export const MISSED_CADENCES_FOR_STALE = 2;

/** Observation times parsed once per reading: staleness is checked for every sensor on every poll. */
const observedAt = new WeakMap<Reading, number>();

function observedMs(reading: Reading): number {
  let ms = observedAt.get(reading);
  if (ms === undefined) observedAt.set(reading, (ms = Date.parse(reading.dateObserved)));
  return ms;
}

export function isSensorStale(
  sensor: Pick<Sensor, 'cadenceSeconds'>,
  reading: Reading | undefined,
  now: number,
): boolean {
  return isStaleSince(sensor, readingObservedMs(reading), now);
}

/** When a reading was observed, in ms since the epoch; −∞ for no reading (always stale). */
export function readingObservedMs(reading: Reading | undefined): number {
  return reading ? observedMs(reading) : -Infinity;
}

/** Whether a sensor last observed at `observed` (ms) is stale at `now`. */
export function isStaleSince(sensor: Pick<Sensor, 'cadenceSeconds'>, observed: number, now: number): boolean {
  return now - observed > MISSED_CADENCES_FOR_STALE * sensor.cadenceSeconds * 1000;
}

/** The latest reading of every sensor, and which of them the last poll changed. */
export interface LiveReadings {
  generatedAt: string;
  bySensor: ReadonlyMap<string, Reading>;
  /** Sensors whose reading arrived in the last poll (every sensor after a full load). */
  changed: readonly string[];
  /** Whether the last poll replaced everything rather than adding a delta. */
  full: boolean;
}

/**
 * Folds a poll's answer into what is known. With no previous state the answer is the whole
 * picture; otherwise it is the `since=` delta, and only its sensors change.
 */
export function mergeReadings(
  previous: LiveReadings | undefined,
  answer: { generatedAt: string; items: readonly Reading[] },
): LiveReadings {
  const bySensor = new Map(previous?.bySensor);
  const changed: string[] = [];
  for (const reading of answer.items) {
    const known = bySensor.get(reading.sensorId);
    if (known && observedMs(known) > observedMs(reading)) continue;
    bySensor.set(reading.sensorId, reading);
    changed.push(reading.sensorId);
  }
  return { generatedAt: answer.generatedAt, bySensor, changed, full: previous === undefined };
}

export interface SensorRow<R extends Reading> {
  sensor: Sensor;
  reading: R | undefined;
  stale: boolean;
}

/** Joins the inventory of one kind with the latest readings, marking those that went quiet. */
export function sensorRows<K extends Reading['kind']>(
  sensors: readonly Sensor[],
  readings: ReadonlyMap<string, Reading>,
  kind: K,
  now: number,
): SensorRow<Extract<Reading, { kind: K }>>[] {
  return sensors
    .filter((s) => s.kind === kind)
    .map((sensor) => {
      const reading = readings.get(sensor.id);
      const typed = reading?.kind === kind ? (reading as Extract<Reading, { kind: K }>) : undefined;
      return { sensor, reading: typed, stale: isSensorStale(sensor, typed, now) };
    });
}
