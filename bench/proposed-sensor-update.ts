/**
 * An experiment, not product code: MapController.setSensors with the changes the benchmark
 * suggests, run as a third path when the page is opened with `?proposed=1`
 * (`BENCH_PROPOSED=1 npm run bench`), so their effect is measured under the same conditions.
 *
 * 1. Staleness by deadline: each sensor's "stale at" time (observed + 2 cadences) is kept in a typed
 *    array and recomputed only for the sensors a poll changed, so the sweep that finds sensors
 *    gone quiet compares numbers instead of calling Date.parse for every sensor on every poll.
 * 2. A poll that changed more than the full-replace share goes straight to setData: no sweep
 *    first, and the stale flags are read from the features just built instead of a second sweep;
 *    the deadlines are worked out at the next delta poll, once.
 * 3. Property-level diffs: only the properties whose value changed are sent (id, name, kind and
 *    the bands that did not move stay out), and a feature with nothing changed is not sent.
 */
import type { GeoJSONFeatureDiff, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Reading, Sensor } from '../src/api/schemas/sensors';
import { prefersFullReplace, sensorFeatures, sensorProperties } from '../src/components/map/features';
import type { SensorLayerData } from '../src/components/map/map-controller';
import { MISSED_CADENCES_FOR_STALE } from '../src/lib/sensors';

type Props = ReturnType<typeof sensorProperties>;

interface SourceState {
  inventory: readonly Sensor[];
  index: Map<string, number>;
  /** When each sensor goes stale, in ms; −∞ without a reading; null until the first delta poll. */
  staleAt: Float64Array | null;
  /** What the map shows: 1 stale, 0 fresh. */
  stale: Uint8Array;
  /** The properties last sent for each sensor. */
  props: Props[];
}

const staleAt = (sensor: Sensor, reading: Reading | undefined) =>
  reading
    ? Date.parse(reading.dateObserved) + MISSED_CADENCES_FOR_STALE * sensor.cadenceSeconds * 1000
    : -Infinity;

export class ProposedSensorUpdater {
  private states = new Map<string, SourceState>();

  constructor(private readonly map: MapLibreMap) {}

  setSensors(source: string, data: SensorLayerData): 'full' | 'delta' | 'none' {
    const target = this.map.getSource<GeoJSONSource>(source);
    if (!target) return 'none';
    const state = this.states.get(source);
    const n = data.sensors.length;
    if (
      state &&
      state.inventory === data.sensors &&
      data.changed &&
      !prefersFullReplace(data.changed.length, n)
    ) {
      const touched = new Set<number>();
      const deadlines = (state.staleAt ??= Float64Array.from(data.sensors, (s) =>
        staleAt(s, data.readings.get(s.id)),
      ));
      for (const id of data.changed) {
        const i = state.index.get(id);
        if (i === undefined) continue;
        deadlines[i] = staleAt(data.sensors[i]!, data.readings.get(id));
        touched.add(i);
      }
      for (let i = 0; i < n; i++) {
        const stale = data.now > deadlines[i]! ? 1 : 0;
        if (stale !== state.stale[i]) {
          state.stale[i] = stale;
          touched.add(i);
        }
      }
      if (!prefersFullReplace(touched.size, n)) {
        const update: GeoJSONFeatureDiff[] = [];
        for (const i of touched) {
          const sensor = data.sensors[i]!;
          const next = sensorProperties(
            sensor,
            data.readings.get(sensor.id),
            data.now,
            data.freeFlow(sensor),
          );
          const previous = state.props[i]!;
          const changed = Object.keys(next).filter((key) => !Object.is(previous[key], next[key]));
          const removed = Object.keys(previous).filter((key) => !(key in next));
          state.props[i] = next;
          if (changed.length === 0 && removed.length === 0) continue;
          update.push({
            id: sensor.id,
            addOrUpdateProperties: changed.map((key) => ({ key, value: next[key]! })),
            ...(removed.length ? { removeProperties: removed } : {}),
          });
        }
        if (update.length > 0) void target.updateData({ update });
        return update.length > 0 ? 'delta' : 'none';
      }
    }
    const collection = sensorFeatures(data);
    const next: SourceState = {
      inventory: data.sensors,
      index: state?.inventory === data.sensors ? state.index : new Map(data.sensors.map((s, i) => [s.id, i])),
      staleAt: null,
      stale: Uint8Array.from(collection.features, (f) => (f.properties.stale ? 1 : 0)),
      props: collection.features.map((f) => f.properties),
    };
    this.states.set(source, next);
    void target.setData(collection);
    return 'full';
  }
}
