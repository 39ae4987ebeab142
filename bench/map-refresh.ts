/**
 * Map refresh benchmark page (`npm run bench` builds it, serves it and reads `window.benchResults`).
 *
 * One refresh = one readings poll folded in and both live sensor sources (air, traffic) updated,
 * the way the app does it. Two paths are measured on the same map, one block after the other:
 * - territorio: `MapController.setSensors` with the ids the poll changed (`updateData` of the
 *   properties that moved);
 * - naive: `GeoJSONSource.setData` of a freshly built FeatureCollection every refresh.
 * Two cases: a `since=` delta in which about 3 % of the map's sensors reported, and a poll in which
 * every sensor's reading changed.
 *
 * For each refresh the page records the synchronous time of the update call (building the diff or
 * the collection included), the long tasks seen until the map was drawn, and the time from the
 * call to the map's `idle` after the updated sources' new content. It also sets `performance.mark`s
 * around each refresh, so the runner can read every main-thread task from a Chromium trace.
 *
 * Query: ?sensors=10000&refreshes=20&warmup=3&perRound=5&deltaMs=2000&map=3840x2160 (map size; default 1600×900)
 */
import { log, median, numParam, REFRESHES, runPage, takeTurns, WARMUP } from './harness';
import { checkConsistency } from './map-refresh/consistency';
import { experiments } from './map-refresh/experiments';
import { ALL_MS, SensorFeed } from './map-refresh/feed';
import { createMap, webglRenderer } from './map-refresh/map';
import { measure } from './map-refresh/measure';
import { naiveUpdate, territorioUpdate, type Update } from './map-refresh/paths';
import type { BenchResults, Block, PathName } from './map-refresh/results';

const SENSORS = numParam('sensors', 10_000);
/** Simulated time between two delta polls: traffic sensors report every 60 s, air every 600 s,
 * so 2 s brings a new reading from about 3 % of the map's sensors. */
const DELTA_MS = numParam('deltaMs', 2_000);
const PATHS: PathName[] = ['territorio', 'naive'];

const feed = new SensorFeed(SENSORS, DELTA_MS);
const [air = 0, traffic = 0] = feed.layers.map((layer) => layer.sensors.length);

async function run(): Promise<Omit<BenchResults, 'totalMs'>> {
  log(`${SENSORS} sensors: ${air} air, ${traffic} traffic on the map`);
  const { map, controller, clusterSensors, scale } = await createMap(feed, SENSORS);
  const webgl = webglRenderer(map.getCanvas());
  if (!webgl) throw new Error('no WebGL context: the map draws nothing');
  const update: Record<PathName, Update> = {
    territorio: territorioUpdate(controller, feed.layers),
    naive: naiveUpdate(map, feed.layers),
  };

  const blocks: Block[] = [];
  const deltaConsistent: BenchResults['deltaConsistent'] = {};
  for (const kase of ['delta', 'all'] as const) {
    const caseBlocks = PATHS.map((path): Block => ({ case: kase, path, warmup: WARMUP, samples: [] }));
    await takeTurns(caseBlocks, {
      labelOf: (block) => `${kase}:${block.path}`,
      refresh: async (block, { label, index }) => {
        const mergeMs = feed.poll(kase);
        // Each path gets what useSensorLayer would hand the map, built before the clock starts. A turn
        // starts from a full update: what the path last sent may no longer be on the map.
        const data = feed.layers.map((l) =>
          index === 0 ? { ...feed.layerData(l), changed: null } : feed.layerData(l),
        );
        const changedShare =
          data.reduce((n, d) => n + (d.changed?.length ?? d.sensors.length), 0) / feed.mapSensorCount;
        const sample = await measure(map, label, () => update[block.path](data));
        return { ...sample, changedShare, mergeMs };
      },
      afterTurn: async (block, lastRound) => {
        if (block.path === 'territorio' && lastRound)
          deltaConsistent[kase] = await checkConsistency(map, feed);
      },
      caption: `${kase}: `,
    });
    for (const block of caseBlocks) {
      const s = block.samples;
      log(
        `${kase} ${block.path}: sync ${median(s.map((x) => x.syncMs)).toFixed(1)} ms, drawn ` +
          `${median(s.map((x) => x.drawnMs)).toFixed(0)} ms (median of ${s.length})`,
      );
    }
    blocks.push(...caseBlocks);
  }
  // Back to a delta poll, so the experiments time the parts of the common case.
  feed.poll('delta');
  return {
    sensors: SENSORS,
    air,
    traffic,
    clustered: clusterSensors,
    refreshes: REFRESHES,
    warmup: WARMUP,
    deltaMs: DELTA_MS,
    allMs: ALL_MS,
    map: {
      width: map.getCanvas().clientWidth,
      height: map.getCanvas().clientHeight,
      zoom: map.getZoom(),
      scale,
      webgl,
    },
    blocks,
    deltaConsistent,
    experiments: experiments(feed),
  };
}

runPage<BenchResults>(run);
