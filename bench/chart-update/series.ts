/**
 * The series the chart refreshes with: a pollutant-like signal at one point a minute (a daily cycle,
 * noise and the odd silent hour), answered by each poll as a window that moves on by new points.
 */
import type { SeriesResponse } from '../../src/api/schemas/sensors';

const STEP_MS = 60_000;
const START_MS = Date.parse('2026-01-20T00:00:00Z');

/** The polls' answers, one a call: `points` long, moved on by `append` points each time, in fresh arrays. */
export function seriesPolls(points: number, append: number): () => SeriesResponse {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  const times: string[] = [];
  const values: (number | null)[] = [];
  const extendTo = (count: number) => {
    let level = 40;
    while (times.length < count) {
      const i = times.length;
      const t = START_MS + i * STEP_MS;
      times.push(new Date(t).toISOString());
      level += (random() - 0.5) * 3 + (40 - level) * 0.01;
      const daily = 18 * Math.sin(((t % 86_400_000) / 86_400_000) * 2 * Math.PI - 2);
      const silent = i % 7_919 < 60;
      values.push(silent ? null : Math.round((level + daily + random() * 6) * 10) / 10);
    }
  };
  let refreshIndex = 0;
  return () => {
    const start = refreshIndex++ * append;
    extendTo(start + points);
    const timestamps = times.slice(start, start + points);
    return {
      sensorId: 'air-bench',
      metric: 'no2',
      unit: 'µg/m³',
      from: timestamps[0]!,
      to: timestamps[timestamps.length - 1]!,
      timestamps,
      values: values.slice(start, start + points),
    };
  };
}
