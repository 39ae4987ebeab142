/**
 * The simulated territory and the readings polls the map refresh folds in, as the app does: a
 * `since=` delta, or a poll in which every sensor has a new reading.
 */
import { createSimulation } from '../../mocks/territory/simulation';
import type { Sensor } from '../../src/api/schemas/sensors';
import { SOURCE } from '../../src/components/map/map-sources';
import type { SensorLayerData } from '../../src/components/map/sensor-source-diff';
import { mergeReadings, type LiveReadings } from '../../src/lib/sensors';
import type { CaseName } from './results';

/** Ten minutes: every air and traffic sensor has reported again; the poll carries all of them. */
export const ALL_MS = 600_000;
/** Winter, 08:30 in Milan: rush hour, high PM, so the colours are varied. */
const START_MS = Date.parse('2026-01-20T07:30:00Z');

/** One live sensor source of the map and the sensors it shows. */
export interface Layer {
  source: string;
  sensors: Sensor[];
  ids: Set<string>;
}

export class SensorFeed {
  private clock = START_MS;
  private readonly deltaMs: number;
  private readonly freeFlow: (sensor: Sensor) => number | undefined;
  readonly sim: ReturnType<typeof createSimulation>;
  /** Air, then traffic. */
  readonly layers: Layer[];
  /** Sensors of both layers. */
  readonly mapSensorCount: number;
  live: LiveReadings;
  /** The readings and the clock before the last poll. */
  previous: { live: LiveReadings; clock: number };

  /** `deltaMs`: simulated time between two delta polls. */
  constructor(sensorCount: number, deltaMs: number) {
    this.deltaMs = deltaMs;
    this.sim = createSimulation({ sensorCount, now: () => this.clock });
    const speeds = new Map(this.sim.world.territory.corridors.map((c) => [c.id, c.freeFlowKmh]));
    this.freeFlow = (sensor) => (sensor.corridorId ? speeds.get(sensor.corridorId) : undefined);
    this.layers = (['air', 'traffic'] as const).map((kind) => {
      const sensors = this.sim.world.sensors.filter((s) => s.kind === kind);
      return {
        source: kind === 'air' ? SOURCE.air : SOURCE.traffic,
        sensors,
        ids: new Set(sensors.map((s) => s.id)),
      };
    });
    this.mapSensorCount = this.layers.reduce((n, l) => n + l.sensors.length, 0);
    this.live = mergeReadings(undefined, {
      generatedAt: new Date(this.clock).toISOString(),
      items: this.sim.readings(),
    });
    this.previous = { live: this.live, clock: this.clock };
  }

  get territory() {
    return this.sim.world.territory;
  }

  /** One poll folded in as the app does it; returns the time mergeReadings took. */
  poll(kind: CaseName) {
    this.previous = { live: this.live, clock: this.clock };
    const since = this.clock;
    this.clock += kind === 'delta' ? this.deltaMs : ALL_MS;
    const items = kind === 'delta' ? this.sim.readings(since) : this.sim.readings();
    const t = performance.now();
    this.live = mergeReadings(this.live, { generatedAt: new Date(this.clock).toISOString(), items });
    return performance.now() - t;
  }

  /** What useSensorLayer hands the map for one kind. */
  layerData(layer: Layer): SensorLayerData {
    return {
      sensors: layer.sensors,
      readings: this.live.bySensor,
      now: this.clock,
      freeFlow: this.freeFlow,
      changed: this.live.full ? null : this.live.changed.filter((id) => layer.ids.has(id)),
      lineage: 'live',
    };
  }

  /** What useSensorLayer handed the map for one kind before the last poll, as a full update. */
  previousLayerData(layer: Layer): SensorLayerData {
    return {
      ...this.layerData(layer),
      readings: this.previous.live.bySensor,
      now: this.previous.clock,
      changed: null,
    };
  }
}
