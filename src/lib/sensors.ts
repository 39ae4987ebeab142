import type { Reading, Sensor } from '../api/schemas/sensors';

/** A sensor is stale once it has missed two reporting cadences. */
export const MISSED_CADENCES_FOR_STALE = 2;

export function isSensorStale(
  sensor: Pick<Sensor, 'cadenceSeconds'>,
  reading: Reading | undefined,
  now: number,
): boolean {
  if (!reading) return true;
  return now - Date.parse(reading.dateObserved) > MISSED_CADENCES_FOR_STALE * sensor.cadenceSeconds * 1000;
}

export function readingsBySensor(readings: readonly Reading[]): Map<string, Reading> {
  return new Map(readings.map((r) => [r.sensorId, r]));
}

export interface SensorRow<R extends Reading> {
  sensor: Sensor;
  reading: R | undefined;
  stale: boolean;
}

/** Joins the inventory of one kind with the latest readings, marking those that went quiet. */
export function sensorRows<K extends Reading['kind']>(
  sensors: readonly Sensor[],
  readings: Map<string, Reading>,
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
