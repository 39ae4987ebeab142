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
 * Query: ?sensors=10000&refreshes=20&warmup=3&perRound=5&deltaMs=2000
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MapLibreMap, setWorkerUrl, type GeoJSONSource, type MapSourceDataEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { createSimulation } from '../mocks/territory/simulation';
import type { Sensor } from '../src/api/schemas/sensors';
import { municipalityFeatures, sensorFeatures, siteFeatures } from '../src/components/map/features';
import { MapController } from '../src/components/map/map-controller';
import { SOURCE } from '../src/components/map/map-sources';
import { CLUSTER_ABOVE, offlineStyle, type OverlayOptions } from '../src/components/map/map-style';
import { SensorSourceDiff, type SensorLayerData } from '../src/components/map/sensor-source-diff';
import { isSensorStale, mergeReadings, type LiveReadings } from '../src/lib/sensors';

setWorkerUrl(workerUrl);

export type CaseName = 'delta' | 'all';
export type PathName = 'territorio' | 'naive';
type Applied = 'full' | 'delta' | 'none';

export interface Sample {
  /** Share of the map's sensors whose reading the poll changed. */
  changedShare: number;
  applied: Record<string, Applied>;
  /** The update call itself: diff or collection built, handed to MapLibre. */
  syncMs: number;
  /** From the update call until the map's `idle` after the new content of every updated source. */
  drawnMs: number;
  /** Long tasks (> 50 ms) between the call and the drawing, as the page's PerformanceObserver saw them. */
  longTasksMs: number[];
  /** mergeReadings for the poll, measured apart (the app does it before the map update). */
  mergeMs: number;
}

export interface Block {
  case: CaseName;
  path: PathName;
  warmup: number;
  samples: Sample[];
}

export interface Experiment {
  name: string;
  what: string;
  /** A median time in ms, or a count when `unit` says so. */
  value: number;
  unit: 'ms' | 'entries';
}

export interface BenchResults {
  sensors: number;
  air: number;
  traffic: number;
  clustered: boolean;
  refreshes: number;
  warmup: number;
  deltaMs: number;
  allMs: number;
  map: { width: number; height: number; zoom: number; webgl: string };
  blocks: Block[];
  /** Territorio's path ends each case in the same source data as a full rebuild (checked after its block). */
  deltaConsistent: Partial<Record<CaseName, { checked: number; mismatches: number }>>;
  experiments: Experiment[];
  totalMs: number;
}

declare global {
  interface Window {
    benchResults?: BenchResults;
    benchError?: string;
  }
}

const params = new URLSearchParams(location.search);
const num = (name: string, fallback: number) => {
  const value = Number(params.get(name));
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const SENSORS = num('sensors', 10_000);
const REFRESHES = num('refreshes', 20);
const WARMUP = num('warmup', 3);
/** Measured refreshes of one path before the next path takes its turn. */
const PER_ROUND = num('perRound', 5);
/** Refreshes not counted when a path takes its turn again (the first after another path's setData
 * converts the source back to updateable data, once). */
const REWARM = 1;
/** Simulated time between two delta polls: traffic sensors report every 60 s, air every 600 s,
 * so 2 s brings a new reading from about 3 % of the map's sensors. */
const DELTA_MS = num('deltaMs', 2_000);
const PATHS: PathName[] = ['territorio', 'naive'];
/** Ten minutes: every air and traffic sensor has reported again; the poll carries all of them. */
const ALL_MS = 600_000;
/** Winter, 08:30 in Milan: rush hour, high PM, so the colours are varied. */
const START_MS = Date.parse('2026-01-20T07:30:00Z');
/** Label prefix of the refreshes to CPU-profile (e.g. `delta:territorio:run`), for investigations. */
const PROFILE = params.get('profile');
const SETTLE_MS = 150;
const DRAW_TIMEOUT_MS = 60_000;

const status = document.getElementById('status')!;
const log = (message: string) => {
  status.textContent = message;
  console.log(`[bench] ${message}`);
};
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

let clock = START_MS;
const sim = createSimulation({ sensorCount: SENSORS, now: () => clock });
const { territory } = sim.world;
const speeds = new Map(territory.corridors.map((c) => [c.id, c.freeFlowKmh]));
const freeFlow = (sensor: Sensor) => (sensor.corridorId ? speeds.get(sensor.corridorId) : undefined);

interface Layer {
  source: string;
  sensors: Sensor[];
  ids: Set<string>;
}
const layers: Layer[] = (['air', 'traffic'] as const).map((kind) => {
  const sensors = sim.world.sensors.filter((s) => s.kind === kind);
  return {
    source: kind === 'air' ? SOURCE.air : SOURCE.traffic,
    sensors,
    ids: new Set(sensors.map((s) => s.id)),
  };
});
const mapSensorCount = layers.reduce((n, l) => n + l.sensors.length, 0);

let live: LiveReadings = mergeReadings(undefined, {
  generatedAt: new Date(clock).toISOString(),
  items: sim.readings(),
});
let previous = { live, clock };

/** One poll as the app folds it in: a `since=` delta, or every sensor with a new reading. */
function poll(kind: CaseName) {
  previous = { live, clock };
  const since = clock;
  clock += kind === 'delta' ? DELTA_MS : ALL_MS;
  const items = kind === 'delta' ? sim.readings(since) : sim.readings();
  const t = performance.now();
  live = mergeReadings(live, { generatedAt: new Date(clock).toISOString(), items });
  return performance.now() - t;
}

/** What useSensorLayer hands the map for one kind. */
const layerData = (layer: Layer): SensorLayerData => ({
  sensors: layer.sensors,
  readings: live.bySensor,
  now: clock,
  freeFlow,
  changed: live.full ? null : live.changed.filter((id) => layer.ids.has(id)),
  lineage: 'live',
});

const longTasks: { start: number; duration: number }[] = [];
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No Long Tasks API: the runner's trace still has every task.
}

async function createMap() {
  const clusterSensors = SENSORS > CLUSTER_ABOVE;
  const options: OverlayOptions = {
    theme: 'dark',
    scale: 1, // a 1920-pixel-wide screen
    pollutant: 'all',
    timeMode: 'live',
    coverageMetric: 'rsrp',
    clusterSensors,
  };
  const map = new MapLibreMap({
    container: 'map',
    style: offlineStyle(territory, options),
    bounds: territory.bounds,
    attributionControl: false,
    fadeDuration: 0,
  });
  await map.once('load');
  const controller = new MapController(map, options);
  controller.setData(SOURCE.municipalities, municipalityFeatures(territory, null));
  controller.setData(SOURCE.sites, siteFeatures(sim.sites()));
  for (const layer of layers) controller.setSensors(layer.source, layerData(layer));
  await map.once('idle');
  return { map, controller, clusterSensors };
}

const webglRenderer = (canvas: HTMLCanvasElement) => {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return '';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
};

async function settle(map: MapLibreMap) {
  if (!map.loaded()) await map.once('idle');
  await sleep(SETTLE_MS);
}

/** Runs one update and waits until the map has drawn what it changed. */
async function measure(
  map: MapLibreMap,
  label: string,
  update: () => Record<string, Applied>,
): Promise<Omit<Sample, 'changedShare' | 'mergeMs'>> {
  await settle(map);
  // Start in a task of its own, as a poll's answer would.
  await sleep(0);
  const seen = new Set<string>();
  let expected: string[] | null = null;
  let finish: (t: number) => void = () => {};
  const drawn = new Promise<number>((resolve) => (finish = resolve));
  const onData = (e: MapSourceDataEvent) => {
    if (e.sourceDataType === 'content') seen.add(e.sourceId);
  };
  const onIdle = () => {
    if (expected && expected.every((id) => seen.has(id))) {
      const t = performance.now();
      performance.mark(`bench:${label}:end`);
      finish(t);
    }
  };
  map.on('sourcedata', onData);
  map.on('idle', onIdle);

  const profiled = PROFILE !== null && label.startsWith(PROFILE);
  // console.profile drives a CPU profiler attached through the DevTools protocol, if any.
  if (profiled) console.profile(label);
  performance.mark(`bench:${label}:start`);
  const t0 = performance.now();
  const applied = update();
  const t1 = performance.now();
  expected = Object.entries(applied)
    .filter(([, how]) => how !== 'none')
    .map(([source]) => source);
  if (expected.length === 0) {
    performance.mark(`bench:${label}:end`);
    finish(t1);
  }
  const t2 = await Promise.race([
    drawn,
    sleep(DRAW_TIMEOUT_MS).then(() =>
      Promise.reject(new Error(`${label}: not drawn in ${DRAW_TIMEOUT_MS} ms`)),
    ),
  ]);
  if (profiled) console.profileEnd(label);
  map.off('sourcedata', onData);
  map.off('idle', onIdle);
  await sleep(60); // long-task entries arrive after their task
  return {
    applied,
    syncMs: t1 - t0,
    drawnMs: t2 - t0,
    longTasksMs: longTasks.filter((l) => l.start + l.duration > t0 && l.start < t2).map((l) => l.duration),
  };
}

/** Compares the map's copy of each live source with what a full rebuild would hold. */
async function checkConsistency(map: MapLibreMap) {
  let checked = 0;
  let mismatches = 0;
  for (const layer of layers) {
    const source = map.getSource<GeoJSONSource>(layer.source)!;
    const data = await source.getData();
    const actual = new Map<string, unknown>();
    if (data.type === 'FeatureCollection')
      for (const f of data.features) actual.set(String(f.properties?.id), f.properties);
    for (const feature of sensorFeatures(layerData(layer)).features) {
      checked++;
      const mine = actual.get(String(feature.properties.id)) as Record<string, unknown> | undefined;
      const differs =
        !mine || Object.entries(feature.properties).some(([key, value]) => !Object.is(mine[key], value));
      if (differs) mismatches++;
    }
  }
  return { checked, mismatches };
}

/** Times the parts of a refresh on the last poll. */
function experiments(): Experiment[] {
  const runs = 15;
  const time = (name: string, what: string, fn: () => unknown): Experiment => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      samples.push(performance.now() - t);
    }
    return { name, what, value: median(samples), unit: 'ms' };
  };
  const data = layers.map(layerData);
  const collections = data.map((d) => sensorFeatures(d));
  // The diff the controller sent for the last delta poll, from the poll before it.
  const diffs = layers.map((layer, i) => {
    const diff = new SensorSourceDiff();
    diff.next({ ...layerData(layer), readings: previous.live.bySensor, now: previous.clock, changed: null });
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

async function run() {
  const started = performance.now();
  log(
    `${SENSORS} sensors: ${layers[0]!.sensors.length} air, ${layers[1]!.sensors.length} traffic on the map`,
  );
  const { map, controller, clusterSensors } = await createMap();
  const webgl = webglRenderer(map.getCanvas());
  if (!webgl) throw new Error('no WebGL context: the map draws nothing');

  // Each path gets what useSensorLayer would hand the map, built before the clock starts.
  type Update = (data: SensorLayerData[]) => Record<string, Applied>;
  const update: Record<PathName, Update> = {
    territorio: (data) => {
      const applied: Record<string, Applied> = {};
      layers.forEach((layer, i) => (applied[layer.source] = controller.setSensors(layer.source, data[i]!)));
      return applied;
    },
    naive: (data) => {
      const applied: Record<string, Applied> = {};
      layers.forEach((layer, i) => {
        void map.getSource<GeoJSONSource>(layer.source)!.setData(sensorFeatures(data[i]!));
        applied[layer.source] = 'full';
      });
      return applied;
    },
  };

  // Paths take turns in short runs, so that load from elsewhere on the machine falls on all of them.
  // A path's first refreshes after another path's warm it up again and are not counted.
  const rounds = Math.ceil(REFRESHES / PER_ROUND);
  const blocks: Block[] = [];
  const deltaConsistent: BenchResults['deltaConsistent'] = {};
  for (const kase of ['delta', 'all'] as const) {
    const caseBlocks = PATHS.map((path): Block => ({ case: kase, path, warmup: WARMUP, samples: [] }));
    for (let round = 0; round < rounds; round++) {
      for (const block of caseBlocks) {
        const warmup = round === 0 ? WARMUP : REWARM;
        const count = Math.min(PER_ROUND, REFRESHES - block.samples.length);
        for (let i = 0; i < warmup + count; i++) {
          const mergeMs = poll(kase);
          // A turn starts from a full update: what the path last sent may no longer be on the map.
          const data = layers.map((l) => (i === 0 ? { ...layerData(l), changed: null } : layerData(l)));
          const changedShare =
            data.reduce((n, d) => n + (d.changed?.length ?? d.sensors.length), 0) / mapSensorCount;
          const warm = i < warmup;
          const label = `${kase}:${block.path}:${warm ? `warmup:${round}:${i}` : `run:${block.samples.length}`}`;
          const sample = await measure(map, label, () => update[block.path](data));
          if (!warm) block.samples.push({ ...sample, changedShare, mergeMs });
        }
        if (block.path === 'territorio' && round === rounds - 1)
          deltaConsistent[kase] = await checkConsistency(map);
      }
      log(`${kase}: round ${round + 1} of ${rounds} done`);
    }
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
  poll('delta');
  const results: BenchResults = {
    sensors: SENSORS,
    air: layers[0]!.sensors.length,
    traffic: layers[1]!.sensors.length,
    clustered: clusterSensors,
    refreshes: REFRESHES,
    warmup: WARMUP,
    deltaMs: DELTA_MS,
    allMs: ALL_MS,
    map: {
      width: map.getCanvas().clientWidth,
      height: map.getCanvas().clientHeight,
      zoom: map.getZoom(),
      webgl,
    },
    blocks,
    deltaConsistent,
    experiments: experiments(),
    totalMs: performance.now() - started,
  };
  window.benchResults = results;
  log(`done in ${(results.totalMs / 1000).toFixed(1)} s`);
}

run().catch((error: unknown) => {
  window.benchError = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  log(`failed: ${window.benchError}`);
});
