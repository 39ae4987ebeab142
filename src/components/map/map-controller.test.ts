import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSourceDiff, Map as MapLibreMap } from 'maplibre-gl';
import { createSimulation } from '../../../mocks/territory/simulation';
import { mergeReadings } from '../../lib/sensors';
import { sensorFeatures } from './features';
import { MapController } from './map-controller';
import type { SensorLayerData } from './sensor-source-diff';

const START = Date.parse('2026-11-25T07:30:00Z');
let clock = START;
const sim = createSimulation({ sensorCount: 14_000, now: () => clock });
const traffic = sim.world.sensors.filter((s) => s.kind === 'traffic');
const ids = new Set(traffic.map((s) => s.id));

type Props = Record<string, unknown>;

/** A GeoJSON source as the controller drives it: what it holds, and each call it was sent. */
class FakeSource {
  features = new Map<string, Props>();
  calls: ('setData' | 'updateData')[] = [];
  sizes: number[] = [];
  setData(data: FeatureCollection) {
    this.calls.push('setData');
    this.sizes.push(data.features.length);
    this.features = new Map(data.features.map((f) => [String(f.properties!.id), { ...f.properties }]));
    return Promise.resolve();
  }
  updateData(diff: GeoJSONSourceDiff) {
    this.calls.push('updateData');
    this.sizes.push(diff.add?.length ?? diff.update?.length ?? 0);
    for (const f of diff.add ?? []) this.features.set(String(f.properties!.id), { ...f.properties });
    for (const u of diff.update ?? []) {
      const props = this.features.get(String(u.id));
      if (!props) continue;
      for (const key of u.removeProperties ?? []) delete props[key];
      for (const { key, value } of u.addOrUpdateProperties ?? []) props[key] = value as unknown;
    }
    return Promise.resolve();
  }
}

function controllerWith(source: FakeSource) {
  const map = {
    getSource: () => source,
    setFeatureState: () => undefined,
  } as unknown as MapLibreMap;
  return new MapController(map, {} as never);
}

let live = mergeReadings(undefined, { generatedAt: '', items: sim.readings() });
const layerData = (lineage = 'live'): SensorLayerData => ({
  sensors: traffic,
  readings: live.bySensor,
  now: clock,
  freeFlow: () => 50,
  changed: live.full ? null : live.changed.filter((id) => ids.has(id)),
  lineage,
});

const rebuilt = (data: SensorLayerData) =>
  Object.fromEntries(
    sensorFeatures(data).features.map((f: Feature) => [String(f.properties!.id), f.properties]),
  );

/** Runs the tasks the controller queued, and those they queue in turn. */
async function settle() {
  for (let i = 0; i < 200; i++) await vi.advanceTimersByTimeAsync(1);
}

describe('MapController.setSensors', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('loads many sensors in chunks, then compares a poll that changed most of them in slices', async () => {
    expect(traffic.length).toBeGreaterThan(8_000);
    const source = new FakeSource();
    const controller = controllerWith(source);
    expect(controller.setSensors('traffic-sensors', layerData())).toBe('full');
    // The first chunk at once, the rest as the worker takes each.
    expect(source.calls).toEqual(['setData']);
    expect(source.sizes[0]).toBeLessThan(traffic.length);
    await settle();
    expect(source.calls.every((c, i) => (i === 0 ? c === 'setData' : c === 'updateData'))).toBe(true);
    expect(source.sizes.reduce((a, b) => a + b, 0)).toBe(traffic.length);
    expect(Object.fromEntries(source.features)).toEqual(rebuilt(layerData()));

    // Ten minutes on, every sensor has reported.
    clock += 600_000;
    live = mergeReadings(live, { generatedAt: '', items: sim.readings() });
    source.calls = [];
    expect(controller.setSensors('traffic-sensors', layerData())).toBe('delta');
    expect(source.calls).toEqual([]);
    // A poll arriving during the comparison joins it.
    clock += 2_000;
    live = mergeReadings(live, { generatedAt: '', items: sim.readings(clock - 2_000) });
    expect(controller.setSensors('traffic-sensors', layerData())).toBe('delta');
    await settle();
    expect(source.calls).toEqual(['updateData']);
    expect(Object.fromEntries(source.features)).toEqual(rebuilt(layerData()));
  });

  it('builds the chunks still to load from the polls that came in while loading', async () => {
    const source = new FakeSource();
    const controller = controllerWith(source);
    controller.setSensors('traffic-sensors', { ...layerData(), changed: null });
    clock += 2_000;
    live = mergeReadings(live, { generatedAt: '', items: sim.readings(clock - 2_000) });
    controller.setSensors('traffic-sensors', layerData());
    await settle();
    expect(source.features.size).toBe(traffic.length);
    expect(Object.fromEntries(source.features)).toEqual(rebuilt(layerData()));
  });

  it('stops loading chunks and comparing slices that new data has replaced', async () => {
    const source = new FakeSource();
    const controller = controllerWith(source);
    controller.setSensors('traffic-sensors', layerData());
    // Readings of another time, which the slider asked for, and then the live ones again anew.
    clock += 3_600_000;
    live = mergeReadings(live, { generatedAt: '', items: sim.readings() });
    expect(controller.setSensors('traffic-sensors', layerData('past'))).toBe('delta');
    expect(controller.setSensors('traffic-sensors', { ...layerData(), changed: null })).toBe('full');
    await settle();
    expect(Object.fromEntries(source.features)).toEqual(rebuilt(layerData()));
  });
});
