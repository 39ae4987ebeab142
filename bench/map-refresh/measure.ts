/** One map refresh timed: the update call, and the wait until the map has drawn what it changed. */
import type { Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { drawnWithin, longTasksBetween, settleable, sleep, textParam } from '../harness';
import type { Applied, Sample } from './results';

/** Label prefix of the refreshes to CPU-profile (e.g. `delta:territorio:run`), for investigations. */
const PROFILE = textParam('profile');
const SETTLE_MS = 150;

async function settle(map: MapLibreMap) {
  if (!map.loaded()) await map.once('idle');
  await sleep(SETTLE_MS);
}

/** Runs one update and waits until the map has drawn what it changed. */
export async function measure(
  map: MapLibreMap,
  label: string,
  update: () => Record<string, Applied>,
): Promise<Omit<Sample, 'changedShare' | 'mergeMs'>> {
  await settle(map);
  // Start in a task of its own, as a poll's answer would.
  await sleep(0);
  const seen = new Set<string>();
  let expected: string[] | null = null;
  const drawn = settleable<number>();
  const onData = (e: MapSourceDataEvent) => {
    if (e.sourceDataType === 'content') seen.add(e.sourceId);
  };
  const onIdle = () => {
    if (expected && expected.every((id) => seen.has(id))) {
      const t = performance.now();
      performance.mark(`bench:${label}:end`);
      drawn.resolve(t);
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
    drawn.resolve(t1);
  }
  const t2 = await drawnWithin(drawn.promise, label);
  if (profiled) console.profileEnd(label);
  map.off('sourcedata', onData);
  map.off('idle', onIdle);
  return {
    applied,
    syncMs: t1 - t0,
    drawnMs: t2 - t0,
    longTasksMs: await longTasksBetween(t0, t2),
  };
}
