import fc from 'fast-check';
import type { GeoJSONFeatureDiff } from 'maplibre-gl';
import { createSimulation } from '../../../mocks/territory/simulation';
import type { Reading, Sensor } from '../../api/schemas/sensors';
import { mergeReadings, type LiveReadings } from '../../lib/sensors';
import * as arb from '../../test/arbitraries';
import { sensorFeatures } from './features';
import { SensorSourceDiff, type SensorLayerData, type SensorSourceUpdate } from './sensor-source-diff';

const START = Date.parse('2026-11-25T07:30:00Z');
const sim = createSimulation({ now: () => START });
const traffic = sim.world.sensors.filter((s) => s.kind === 'traffic');
const ids = new Set(traffic.map((s) => s.id));
const noFreeFlow = () => undefined;

type Props = Record<string, unknown>;

/** What MapLibre's source holds after each update, by feature id. */
class SourceModel {
  features = new Map<string, Props>();
  apply(update: SensorSourceUpdate) {
    if (update.kind === 'full')
      this.features = new Map(
        update.data.features.map((f) => [String(f.properties.id), { ...f.properties }]),
      );
    if (update.kind === 'delta') for (const diff of update.update) this.patch(diff);
  }
  private patch(diff: GeoJSONFeatureDiff) {
    const props = this.features.get(String(diff.id))!;
    for (const key of diff.removeProperties ?? []) delete props[key];
    for (const { key, value } of diff.addOrUpdateProperties ?? []) props[key] = value;
  }
}

const expectSameAsRebuilt = (source: SourceModel, data: SensorLayerData) => {
  const rebuilt = sensorFeatures(data).features.map((f) => [String(f.properties.id), f.properties]);
  expect(Object.fromEntries(source.features)).toEqual(Object.fromEntries(rebuilt));
};

const layer = (live: LiveReadings, lineage = 'live'): SensorLayerData => ({
  sensors: traffic,
  readings: live.bySensor,
  now: START,
  freeFlow: noFreeFlow,
  changed: live.full ? null : live.changed.filter((id) => ids.has(id)),
  lineage,
});

/** The source after a first full load. */
function loaded() {
  const first = mergeReadings(undefined, { generatedAt: '', items: sim.readings() });
  const diff = new SensorSourceDiff();
  const source = new SourceModel();
  source.apply(diff.next(layer(first)));
  return { diff, source, first };
}

describe('SensorSourceDiff', () => {
  it('sends every sensor first, then only the properties that moved for the sensors that reported', () => {
    const { diff, source, first } = loaded();
    // Three sensors report a change of congestion; a fourth reports the same as before.
    const reported = traffic.slice(0, 4).map((sensor, i) => {
      const reading = first.bySensor.get(sensor.id)!;
      if (reading.kind !== 'traffic') throw new Error('a traffic sensor with another kind of reading');
      return { ...reading, congested: i < 3 ? !reading.congested : reading.congested };
    });
    const data = layer(mergeReadings(first, { generatedAt: '', items: reported }));
    expect(data.changed).toHaveLength(4);
    const update = diff.next(data);
    expect(update.kind).toBe('delta');
    if (update.kind !== 'delta') return;
    expect(update.update.map((u) => u.id)).toEqual(traffic.slice(0, 3).map((s) => s.id));
    for (const diff of update.update)
      expect(diff.addOrUpdateProperties!.map((p) => p.key)).toEqual(['level']);
    source.apply(update);
    expectSameAsRebuilt(source, data);
  });

  it('sends nothing when nothing moved, and only the stale flags once the sensors went quiet', () => {
    const { diff, source, first } = loaded();
    const quiet = layer({ ...first, changed: [], full: false });
    expect(diff.next(quiet)).toEqual({ kind: 'none' });
    // Past two cadences of the slowest sensor with no new reading.
    const slowest = Math.max(...traffic.map((s) => s.cadenceSeconds));
    const later = { ...quiet, now: START + 2 * slowest * 1000 + 1 };
    const update = diff.next(later);
    expect(update.kind).toBe('delta');
    if (update.kind !== 'delta') return;
    for (const diff of update.update)
      expect(diff.addOrUpdateProperties).toEqual([{ key: 'stale', value: true }]);
    source.apply(update);
    expectSameAsRebuilt(source, later);
    // A few sensors' clocks run ahead of the territory's (the simulation has some): still fresh.
    const stale = [...source.features.values()].filter((p) => p.stale === true);
    expect(stale.length).toBeGreaterThan(traffic.length * 0.9);
  });

  it('sends a sensor that went quiet without a new reading as a delta of its stale flag alone', () => {
    const sensor = traffic[5]!;
    const freshForMs = 2 * sensor.cadenceSeconds * 1000;
    // Its last reading goes stale in 5 s; the others reported within their cadence.
    const aging = new Date(START - freshForMs + 5_000).toISOString();
    const items = sim.readings().map((r) => (r.sensorId === sensor.id ? { ...r, dateObserved: aging } : r));
    const first = mergeReadings(undefined, { generatedAt: '', items });
    const diff = new SensorSourceDiff();
    const source = new SourceModel();
    source.apply(diff.next(layer(first)));
    expect(source.features.get(sensor.id)!.stale).toBe(false);

    const data = { ...layer({ ...first, changed: [], full: false }), now: START + 5_001 };
    const update = diff.next(data);
    expect(update).toEqual({
      kind: 'delta',
      update: [{ id: sensor.id, addOrUpdateProperties: [{ key: 'stale', value: true }] }],
    });
    source.apply(update);
    expectSameAsRebuilt(source, data);
  });

  it('compares every sensor, not only those the poll named, for readings of another lineage', () => {
    const { diff, source } = loaded();
    // The time slider's snapshot: other readings, though the poll names none as changed.
    const items = sim
      .readings()
      .map((r) =>
        r.kind === 'traffic' ? { ...r, congested: true, dateObserved: new Date(START).toISOString() } : r,
      );
    const forecast = mergeReadings(undefined, { generatedAt: '', items });
    const data = { ...layer(forecast, 'forecast'), changed: [] };
    const update = diff.next(data);
    expect(update.kind).toBe('delta');
    source.apply(update);
    expectSameAsRebuilt(source, data);
    expect([...source.features.values()].every((p) => p.level === 'congested')).toBe(true);
  });

  it.each<[string, (data: SensorLayerData) => SensorLayerData]>([
    ['a new inventory', (d) => ({ ...d, sensors: [...traffic] })],
    ['a full load', (d) => ({ ...d, changed: null })],
  ])('replaces the whole source for %s', (_, change) => {
    const { diff, first } = loaded();
    const quiet = layer({ ...first, changed: [], full: false });
    expect(diff.next(change(quiet)).kind).toBe('full');
  });

  it('leaves the source as a full rebuild would after any sequence of polls (1,000 runs)', () => {
    const poll = fc.record({
      readings: fc.array(arb.reading(), { maxLength: 8 }),
      advanceMs: fc.nat({ max: 3_600_000 }),
      lineage: fc.constantFrom('live', 'forecast'),
      full: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arb.sensor, { selector: (s) => s.id, minLength: 1, maxLength: 8 }),
        fc.array(poll, { minLength: 1, maxLength: 6 }),
        arb.ms,
        (sensors: Sensor[], polls, start) => {
          const diff = new SensorSourceDiff();
          const source = new SourceModel();
          let bySensor = new Map<string, Reading>();
          let now = start;
          polls.forEach((p, n) => {
            now += p.advanceMs;
            const items = p.readings.flatMap((r, i) =>
              sensors[i] ? [{ ...r, sensorId: sensors[i].id }] : [],
            );
            bySensor = new Map([...bySensor, ...items.map((r) => [r.sensorId, r] as const)]);
            const data: SensorLayerData = {
              sensors,
              readings: bySensor,
              now,
              freeFlow: noFreeFlow,
              changed: p.full || n === 0 ? null : items.map((r) => r.sensorId),
              lineage: p.lineage,
            };
            source.apply(diff.next(data));
            expectSameAsRebuilt(source, data);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});
