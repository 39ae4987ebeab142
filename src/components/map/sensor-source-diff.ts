import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONFeatureDiff } from 'maplibre-gl';
import type { Sensor } from '../../api/schemas/sensors';
import { isStaleSince, readingObservedMs } from '../../lib/sensors';
import { sensorFeatures, sensorProperties, type SensorLayerInput } from './features';

type Props = ReturnType<typeof sensorProperties>;

/** Live sensor data of one kind and the sensors the last poll changed. */
export interface SensorLayerData extends SensorLayerInput {
  /** Sensors whose reading the poll changed; null: start over. */
  changed: readonly string[] | null;
  /** Where the readings come from; a delta only applies on top of readings of the same lineage. */
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
 * to the worker); a full load, a new inventory or readings of another lineage replace the source.
 */
export class SensorSourceDiff {
  private inventory: readonly Sensor[] | null = null;
  private lineage = '';
  private index = new Map<string, number>();
  /** When each sensor's reading was observed, read at the first delta after a full replace. */
  private observed: Float64Array | null = null;
  private sent: Props[] = [];

  next(poll: SensorLayerData): SensorSourceUpdate {
    const { sensors, changed } = poll;
    if (this.inventory === sensors && this.lineage === poll.lineage && changed) {
      const update = this.delta(poll, changed);
      return update.length > 0 ? { kind: 'delta', update } : { kind: 'none' };
    }
    const data = sensorFeatures(poll);
    if (this.inventory !== sensors) this.index = new Map(sensors.map((s, i) => [s.id, i]));
    this.inventory = sensors;
    this.lineage = poll.lineage;
    this.observed = null;
    this.sent = data.features.map((f) => f.properties);
    return { kind: 'full', data };
  }

  private delta(poll: SensorLayerData, changed: readonly string[]): GeoJSONFeatureDiff[] {
    const { sensors, readings, now } = poll;
    const observed = (this.observed ??= Float64Array.from(sensors, (s) =>
      readingObservedMs(readings.get(s.id)),
    ));
    const touched = new Set<number>();
    for (const id of changed) {
      const i = this.index.get(id);
      if (i === undefined) continue;
      observed[i] = readingObservedMs(readings.get(id));
      touched.add(i);
    }
    // Sensors that went quiet since the last poll change colour without a new reading: a sweep
    // over numbers, as it runs for every sensor at every poll.
    for (let i = 0; i < sensors.length; i++) {
      if (isStaleSince(sensors[i]!, observed[i]!, now) !== this.sent[i]!.stale) touched.add(i);
    }
    const update: GeoJSONFeatureDiff[] = [];
    for (const i of touched) {
      const sensor = sensors[i]!;
      const next = sensorProperties(sensor, readings.get(sensor.id), now, poll.freeFlow(sensor));
      const previous = this.sent[i]!;
      this.sent[i] = next;
      const moved = Object.keys(next).filter((key) => !Object.is(previous[key], next[key]));
      const removed = Object.keys(previous).filter((key) => !(key in next));
      if (moved.length === 0 && removed.length === 0) continue;
      update.push({
        id: sensor.id,
        addOrUpdateProperties: moved.map((key) => ({ key, value: next[key]! })),
        ...(removed.length > 0 ? { removeProperties: removed } : {}),
      });
    }
    return update;
  }
}
