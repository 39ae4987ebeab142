/** The parts of a refresh, timed apart on the last poll, to show where its time goes. */
import { sensorFeatures } from '../../src/components/map/features';
import { SensorSourceDiff } from '../../src/components/map/sensor-source-diff';
import { isSensorStale, mergeReadings } from '../../src/lib/sensors';
import { median } from '../harness';
import type { SensorFeed } from './feed';
import type { Experiment } from './results';

const RUNS = 15;

const time = (name: string, what: string, fn: () => unknown): Experiment => {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { name, what, value: median(samples), unit: 'ms' };
};

export function experiments(feed: SensorFeed): Experiment[] {
  const { layers, live } = feed;
  const data = layers.map((layer) => feed.layerData(layer));
  const collections = data.map((d) => sensorFeatures(d));
  // The diff the controller sent for the last delta poll, from the poll before it.
  const diffs = layers.map((layer, i) => {
    const diff = new SensorSourceDiff();
    diff.next(feed.previousLayerData(layer));
    return diff.next(data[i]!);
  });
  return [
    time('stale-sweep', 'isSensorStale for every sensor of both layers', () => {
      let n = 0;
      for (const d of data) for (const s of d.sensors) if (isSensorStale(s, d.readings.get(s.id), d.now)) n++;
      return n;
    }),
    time('sensor-features', 'sensorFeatures of both layers (a full update builds this)', () =>
      data.map((d) => sensorFeatures(d)),
    ),
    time('clone-features', "structuredClone of both layers' FeatureCollections (what a setData posts)", () =>
      collections.map((c) => structuredClone(c)),
    ),
    time('merge-readings', 'mergeReadings of an empty poll (copies the whole readings map)', () =>
      mergeReadings(live, { generatedAt: live.generatedAt, items: [] }),
    ),
    {
      name: 'diff-entries',
      what: 'property entries in the updateData diffs of the last delta poll',
      value: diffs.reduce(
        (n, d) =>
          n +
          (d.kind === 'delta' ? d.update.reduce((m, u) => m + (u.addOrUpdateProperties?.length ?? 0), 0) : 0),
        0,
      ),
      unit: 'entries',
    },
  ];
}
