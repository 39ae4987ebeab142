import type { Feature, FeatureCollection, Point } from 'geojson';
import type { GeoJSONFeatureDiff } from 'maplibre-gl';
import type { Sensor } from '../../api/schemas/sensors';
import { isStaleSince, readingObservedMs } from '../../lib/sensors';
import { sensorFeature, sensorProperties, type SensorLayerInput } from './features';
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

/** Sensors compared between two looks at the clock, so a slice stops close to its budget. */
const CLOCK_EVERY = 512;

/**
 * What one map source of live sensors last received, so that each poll sends only what changed:
 * the properties whose value moved, for the sensors that reported or went quiet. That is cheaper
 * than a `setData` even when every sensor reported (no geometry, no unchanged classes to clone
 * to the worker). Only a first load or a new inventory replaces the source; readings of another
 * lineage (the time slider) are compared sensor by sensor.
 *
 * Every sensor may need comparing at a poll, so the comparison is kept to numbers (each sensor's
 * classes as one code, see sensorClassCode), builds properties only for the sensors whose code
 * moved, and can run in slices (`start`, then `step` until it gives the update): a poll that
 * arrives meanwhile joins the comparison under way.
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
  /** Sensors of the last start whose features were built (and sent), from the first on. */
  private built = 0;
  /** The latest poll, which features not built yet are built from. */
  private latest: SensorLayerData | null = null;
  /** The comparison under way: the latest poll, the sensors still to compare, those that moved. */
  private poll: SensorLayerData | null = null;
  private queue: number[] = [];
  private moved = new Uint8Array(0);
  /** Counts full replacements, so that work begun before one can tell it is out of date. */
  generation = 0;

  /** The whole update for a poll, at once. */
  next(poll: SensorLayerData): SensorSourceUpdate {
    const count = this.start(poll);
    if (count === null) return this.step(Infinity)!;
    return { kind: 'full', data: { type: 'FeatureCollection', features: this.features(0, count) } };
  }

  /**
   * Takes a poll in. A first load or a new inventory starts the source anew and gives its number
   * of sensors, whose features `features` then builds, chunk by chunk in order, each from the
   * latest poll. A poll of the same inventory gives null: `step` compares it (with any comparison
   * still under way), among the sensors built so far.
   */
  start(poll: SensorLayerData): number | null {
    const { sensors, changed } = poll;
    this.latest = poll;
    if (this.inventory === sensors && changed) {
      const sameLineage = this.lineage === poll.lineage;
      this.lineage = poll.lineage;
      if (!this.poll) this.moved = new Uint8Array(sensors.length);
      this.poll = poll;
      if (sameLineage) {
        for (const id of changed) {
          const i = this.index.get(id);
          if (i !== undefined && i < this.built) this.queue.push(i);
        }
      } else {
        for (let i = 0; i < this.built; i++) this.queue.push(i);
      }
      return null;
    }
    this.generation++;
    if (this.inventory !== sensors) this.index = new Map(sensors.map((s, i) => [s.id, i]));
    this.inventory = sensors;
    this.lineage = poll.lineage;
    this.poll = null;
    this.queue = [];
    this.built = 0;
    this.sent = new Array<Props>(sensors.length);
    this.observed = new Float64Array(sensors.length);
    this.codes = new Float64Array(sensors.length);
    return sensors.length;
  }

  /** Whether a comparison is under way; `pending` sensors are left to compare in it. */
  get comparing() {
    return this.poll !== null;
  }

  get pending() {
    return this.queue.length;
  }

  /**
   * Compares sensors for about `budgetMs`; the update once every sensor is compared, null while
   * some are left (or no comparison is under way).
   */
  step(budgetMs: number): SensorSourceUpdate | null {
    const poll = this.poll;
    if (!poll) return null;
    const until = performance.now() + budgetMs;
    const { queue, moved } = this;
    while (queue.length > 0) {
      const i = queue.pop()!;
      if (this.check(poll, i)) moved[i] = 1;
      if (queue.length % CLOCK_EVERY === 0 && performance.now() > until) return null;
    }
    this.poll = null;
    const update = this.sweepAndDiff(poll, moved);
    return update.length > 0 ? { kind: 'delta', update } : { kind: 'none' };
  }

  /** The features of sensors `from` to `to` of a new start, as the latest poll has them. */
  features(from: number, to: number): Feature<Point, Props>[] {
    const poll = this.latest!;
    const { sensors, readings, now, freeFlow } = poll;
    const features: Feature<Point, Props>[] = [];
    for (let i = from; i < Math.min(to, sensors.length); i++) {
      this.check(poll, i);
      const sensor = sensors[i]!;
      const properties = sensorProperties(sensor, readings.get(sensor.id), now, freeFlow(sensor));
      this.sent[i] = properties;
      features.push(sensorFeature(sensor, properties));
    }
    this.built = Math.max(this.built, Math.min(to, sensors.length));
    return features;
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

  private sweepAndDiff(poll: SensorLayerData, moved: Uint8Array): GeoJSONFeatureDiff[] {
    const { sensors, readings, now } = poll;
    // Sensors that went quiet since the last poll change colour without a new reading: a sweep
    // over numbers, as it runs for every sensor at every poll.
    for (let i = 0; i < this.built; i++) {
      if (!moved[i] && isStaleSince(sensors[i]!, this.observed[i]!, now) !== this.sent[i]!.stale)
        moved[i] = this.check(poll, i) ? 1 : 0;
    }
    const update: GeoJSONFeatureDiff[] = [];
    for (let i = 0; i < this.built; i++) {
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
