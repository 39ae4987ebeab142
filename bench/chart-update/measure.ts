/** One chart refresh timed: the update, then ECharts' `rendered` (drawn) and `finished` events. */
import type { SeriesResponse } from '../../src/api/schemas/sensors';
import { drawnWithin, longTasksBetween, settleable, sleep } from '../harness';
import type { Path } from './paths';
import type { Sample } from './results';

const SETTLE_MS = 120;

export async function measure(label: string, path: Path, series: SeriesResponse): Promise<Sample> {
  await sleep(SETTLE_MS);
  await sleep(0); // start in a task of its own, as a poll's answer would
  const { chart } = path;
  let drawnAt = NaN;
  const finished = settleable<number>();
  const onRendered = () => {
    if (Number.isNaN(drawnAt)) drawnAt = performance.now();
  };
  const onFinished = () => finished.resolve(performance.now());
  chart.on('rendered', onRendered);
  chart.on('finished', onFinished);
  performance.mark(`bench:${label}:start`);
  const t0 = performance.now();
  const buildMs = path.update(series);
  const t1 = performance.now();
  const t2 = await drawnWithin(finished.promise, label);
  performance.mark(`bench:${label}:end`);
  chart.off('rendered', onRendered);
  chart.off('finished', onFinished);
  return {
    buildMs,
    syncMs: t1 - t0,
    drawnMs: (Number.isNaN(drawnAt) ? t2 : drawnAt) - t0,
    finishedMs: t2 - t0,
    longTasksMs: await longTasksBetween(t0, t2),
  };
}
