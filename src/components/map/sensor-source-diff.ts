import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONFeatureDiff } from 'maplibre-gl';
import type { Sensor } from '../../api/schemas/sensors';
import { isStaleSince, readingObservedMs } from '../../lib/sensors';
import { sensorFeatures, sensorProperties, type SensorLayerInput } from './features';
import { sensorClassCode } from './sensor-classes';

type Props = ReturnType<typeof sensorProperties>;

/** Live sensor data of one kind and the sensors the last poll changed. */
export interface SensorLayerData extends SensorLayerInput {
  /** Sensors whose reading the poll changed; null: start over. */
  changed: readonly string[] | null;
  /** Where the readings come from; a change of lineage compares every sensor again. */
  lineage: string;
}

export type SensorSourceUpdate =
  | { kind: 'full'; data: FeatureCollection<Point, Props> }
  | { kind: 'delta'; update: GeoJSONFeatureDiff[] }
  | { kind: 'none' };

/**
 * What one map source of live sensors last received, so that each poll sends only what changed:
 * the properties whose value moved, for the sensors that reported or went quiet. That is cheaper
 * than a `setData` even when every sensor reported (no geometry, no unchanged classes to clone
 * to the worker). Only a first load or a new inventory replaces the source; readings of another
 * lineage (the time slider) are compared sensor by sensor.
 *
 * Every sensor is checked at every poll (`changed` may hold them all), so the check is kept to
 * numbers: each sensor's classes as one code (see sensorClassCode), and properties are built only
 * for the sensors whose code moved.
 */
export class SensorSourceDiff {
  private inventory: readonly Sensor[] | null = null;
  private lineage = '';
  private index = new Map<string, number>();
  /** When each sensor's reading was observed. */
  private observed = new Float64Array(0);
  /** The classes of what each sensor was last sent, as sensorClassCode gives them. */
  private codes = new Float64Array(0);
  private sent: Props[] = [];

  next(poll: SensorLayerData): SensorSourceUpdate {
    const { sensors, changed } = poll;
    if (this.inventory === sensors && changed) {
      const sameLineage = this.lineage === poll.lineage;
      this.lineage = poll.lineage;
      const update = this.delta(poll, sameLineage ? changed : null);
      return update.length > 0 ? { kind: 'delta', update } : { kind: 'none' };
    }
    const data = sensorFeatures(poll);
    if (this.inventory !== sensors) this.index = new Map(sensors.map((s, i) => [s.id, i]));
    this.inventory = sensors;
    this.lineage = poll.lineage;
    this.sent = data.features.map((f) => f.properties);
    this.observed = new Float64Array(sensors.length);
    this.codes = new Float64Array(sensors.length);
    for (let i = 0; i < sensors.length; i++) this.check(poll, i);
    return { kind: 'full', data };
  }

  /** Reads a sensor's reading again; whether its classes moved since it was last sent. */
  private check({ sensors, readings, now, freeFlow }: SensorLayerData, i: number): boolean {
    const sensor = sensors[i]!;
    const reading = readings.get(sensor.id);
    const observed = (this.observed[i] = readingObservedMs(reading));
    const code = sensorClassCode(reading, isStaleSince(sensor, observed, now), freeFlow(sensor));
    const moved = !Object.is(code, this.codes[i]) || Number.isNaN(code);
    this.codes[i] = code;
    return moved;
  }

  /** `changed` null: every sensor's reading may differ. */
  private delta(poll: SensorLayerData, changed: readonly string[] | null): GeoJSONFeatureDiff[] {
    const { sensors, readings, now } = poll;
    const moved = new Uint8Array(sensors.length);
    if (changed) {
      for (const id of changed) {
        const i = this.index.get(id);
        if (i !== undefined && this.check(poll, i)) moved[i] = 1;
      }
    } else {
      for (let i = 0; i < sensors.length; i++) if (this.check(poll, i)) moved[i] = 1;
    }
    // Sensors that went quiet since the last poll change colour without a new reading: a sweep
    // over numbers, as it runs for every sensor at every poll.
    for (let i = 0; i < sensors.length; i++) {
      if (!moved[i] && isStaleSince(sensors[i]!, this.observed[i]!, now) !== this.sent[i]!.stale)
        moved[i] = this.check(poll, i) ? 1 : 0;
    }
    const update: GeoJSONFeatureDiff[] = [];
    for (let i = 0; i < sensors.length; i++) {
      if (!moved[i]) continue;
      const sensor = sensors[i]!;
      const next = sensorProperties(sensor, readings.get(sensor.id), now, poll.freeFlow(sensor));
      const previous = this.sent[i]!;
      this.sent[i] = next;
      const changedKeys = Object.keys(next).filter((key) => !Object.is(previous[key], next[key]));
      const removed = Object.keys(previous).filter((key) => !(key in next));
      if (changedKeys.length === 0 && removed.length === 0) continue;
      update.push({
        id: sensor.id,
        addOrUpdateProperties: changedKeys.map((key) => ({ key, value: next[key]! })),
        ...(removed.length > 0 ? { removeProperties: removed } : {}),
      });
    }
    return update;
  }
}
