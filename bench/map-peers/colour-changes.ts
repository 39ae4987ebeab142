/**
 * Which sensors of one layer change colour at a poll, as a peer needs to know to restyle them. It
 * finds them the way Territorio's SensorSourceDiff does (the sensors the poll changed, then a sweep
 * for those that went stale), so each peer is given the same change detection and only its map's
 * own work differs.
 */
import type { SensorLayerData } from '../../src/components/map/sensor-source-diff';
import { isStaleSince, readingObservedMs } from '../../src/lib/sensors';
import type { Layer, SensorFeed } from '../map-refresh/feed';
import { SENSOR_COLOURS, sensorColour } from './marks';

export class ColourChanges {
  /** The colour each sensor is drawn with (an index into SENSOR_COLOURS). */
  readonly colour: Uint8Array;
  private readonly stale: Uint8Array;
  private readonly observed: Float64Array;
  private readonly index: Map<string, number>;

  constructor(readonly layer: Layer) {
    const n = layer.sensors.length;
    this.colour = new Uint8Array(n);
    this.stale = new Uint8Array(n);
    this.observed = new Float64Array(n);
    this.index = new Map(layer.sensors.map((s, i) => [s.id, i]));
  }

  /** The indices of the sensors whose colour changed; every sensor is looked at when `changed` is null. */
  next({ sensors, readings, now, freeFlow, changed }: SensorLayerData): number[] {
    const touched = new Set<number>();
    if (changed === null) for (let i = 0; i < sensors.length; i++) touched.add(i);
    else for (const id of changed) if (this.index.has(id)) touched.add(this.index.get(id)!);
    for (const i of touched) this.observed[i] = readingObservedMs(readings.get(sensors[i]!.id));
    for (let i = 0; i < sensors.length; i++)
      if (isStaleSince(sensors[i]!, this.observed[i]!, now) !== (this.stale[i] === 1)) touched.add(i);
    const moved: number[] = [];
    for (const i of touched) {
      const sensor = sensors[i]!;
      const { colour, stale } = sensorColour(sensor, readings.get(sensor.id), now, freeFlow(sensor));
      this.stale[i] = stale ? 1 : 0;
      if (colour === this.colour[i]) continue;
      this.colour[i] = colour;
      moved.push(i);
    }
    return moved;
  }
}

/** How many marks show a colour other than a full recomputation of the feed's current poll gives. */
export function colourMismatches(feed: SensorFeed, shown: (layer: number, sensor: number) => string) {
  let mismatches = 0;
  feed.layers.forEach((layer, i) => {
    const { readings, now, freeFlow } = feed.layerData(layer);
    layer.sensors.forEach((s, j) => {
      const { colour } = sensorColour(s, readings.get(s.id), now, freeFlow(s));
      if (shown(i, j) !== SENSOR_COLOURS[colour]) mismatches++;
    });
  });
  return mismatches;
}
