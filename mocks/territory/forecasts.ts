import type {
  Accuracy,
  AirForecast,
  ForecastModel,
  Pollutant,
  TrafficForecast,
} from '../../src/api/schemas/forecasts';
import type { World } from './build';
import { airAt, corridorTraffic } from './dynamics';
import { gauss } from './random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const round2 = (v: number) => Math.round(v * 100) / 100;
const iso = (ms: number) => new Date(ms).toISOString();

export const TRAFFIC_MODEL: ForecastModel = {
  name: 'ST-GraphNet traffic speed',
  version: '2.3.1',
  trainedAt: '2026-10-02T03:00:00.000Z',
};
export const AIR_MODEL: ForecastModel = {
  name: 'AQ-Seq2Seq air quality',
  version: '1.8.0',
  trainedAt: '2026-09-14T03:00:00.000Z',
};

interface Predictor {
  /** What the simulation observes at a time. */
  truth: (timeMs: number) => number;
  /** Spread (standard deviation) of the model's error at a horizon. */
  sigma: (horizonMs: number, truth: number) => number;
  key: string;
}

/** The model's median for a target, as issued at `issuedMs`: the truth plus a horizon-scaled error. */
function median(p: Predictor, issuedMs: number, targetMs: number): number {
  const horizon = targetMs - issuedMs;
  const truth = p.truth(targetMs);
  return Math.max(0, truth + p.sigma(horizon, truth) * gauss(p.key, issuedMs, targetMs));
}

function forecastSteps(p: Predictor, issuedMs: number, stepMs: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = issuedMs + (i + 1) * stepMs;
    const p50 = median(p, issuedMs, t);
    const spread = 1.2816 * p.sigma(t - issuedMs, p50);
    return { t: iso(t), p10: round2(Math.max(0, p50 - spread)), p50: round2(p50), p90: round2(p50 + spread) };
  });
}

function observations(p: Predictor, untilMs: number, stepMs: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = untilMs - (count - 1 - i) * stepMs;
    return { t: iso(t), value: round2(p.truth(t)) };
  });
}

/** What the model predicted, `horizonMs` ahead, for each of the last `count` steps, and what came. */
function hindcast(p: Predictor, issuedMs: number, stepMs: number, count: number, horizonMs: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = issuedMs - (count - 1 - i) * stepMs;
    return {
      t: iso(t),
      horizonMinutes: horizonMs / MINUTE,
      predicted: round2(median(p, t - horizonMs, t)),
      observed: round2(p.truth(t)),
    };
  });
}

/**
 * Rolling accuracy over the past week: forecasts issued every `everyMs` are compared with what
 * the simulation then observed, beside persistence (the value at issue time) on the same targets.
 */
export function rollingAccuracy(
  p: Predictor,
  nowMs: number,
  horizonsMin: number[],
  everyMs: number,
  samples: number,
): Accuracy[] {
  return horizonsMin.map((horizonMinutes) => {
    const horizon = horizonMinutes * MINUTE;
    let abs = 0;
    let sq = 0;
    let pct = 0;
    let bAbs = 0;
    let bSq = 0;
    let bPct = 0;
    let n = 0;
    for (let i = 1; i <= samples; i++) {
      const issued = Math.floor((nowMs - horizon) / everyMs) * everyMs - (i - 1) * everyMs;
      const target = issued + horizon;
      const observed = p.truth(target);
      const error = median(p, issued, target) - observed;
      const baselineError = p.truth(issued) - observed;
      const denominator = Math.max(Math.abs(observed), 1);
      abs += Math.abs(error);
      sq += error ** 2;
      pct += Math.abs(error) / denominator;
      bAbs += Math.abs(baselineError);
      bSq += baselineError ** 2;
      bPct += Math.abs(baselineError) / denominator;
      n++;
    }
    return {
      horizonMinutes,
      mae: round2(abs / n),
      rmse: round2(Math.sqrt(sq / n)),
      mape: round2((pct / n) * 100),
      baselineMae: round2(bAbs / n),
      baselineRmse: round2(Math.sqrt(bSq / n)),
      baselineMape: round2((bPct / n) * 100),
      samples: n,
    };
  });
}

const TRAFFIC_STEP = 15 * MINUTE;

export function trafficForecast(world: World, corridorId: string, nowMs: number): TrafficForecast {
  const corridor = world.corridorsById.get(corridorId)!;
  const predictor: Predictor = {
    key: `${world.seed}:traffic:${corridorId}`,
    truth: (t) => corridorTraffic(world, corridorId, t).speed,
    // About 3 km/h mean absolute error at 15 minutes, growing with the horizon up to about 5 km/h.
    sigma: (h) => Math.min(6.5, 2.6 + 1.9 * Math.log1p(h / TRAFFIC_STEP)),
  };
  const issued = Math.floor(nowMs / TRAFFIC_STEP) * TRAFFIC_STEP;
  return {
    corridorId,
    freeFlowKmh: corridor.freeFlowKmh,
    model: TRAFFIC_MODEL,
    issuedAt: iso(issued),
    unit: 'km/h',
    stepMinutes: 15,
    steps: forecastSteps(predictor, issued, TRAFFIC_STEP, 96),
    observed: observations(predictor, issued, TRAFFIC_STEP, 96),
    baseline: 'persistence',
    accuracy: rollingAccuracy(predictor, nowMs, [15, 60, 360, 1440], 2 * HOUR, 84),
    hindcast: hindcast(predictor, issued, TRAFFIC_STEP, 96, HOUR),
  };
}

export function airForecast(
  world: World,
  stationId: string,
  pollutant: Pollutant,
  nowMs: number,
): AirForecast {
  const stations =
    stationId === 'metro' ? world.sensors.filter((s) => s.kind === 'air').map((s) => s.id) : [stationId];
  const predictor: Predictor = {
    key: `${world.seed}:air:${stationId}:${pollutant}`,
    truth: (t) => stations.reduce((sum, id) => sum + airAt(world, id, t)[pollutant], 0) / stations.length,
    sigma: (h, truth) => Math.max(1, truth) * (0.06 + 0.05 * (h / (24 * HOUR))),
  };
  const issued = Math.floor(nowMs / HOUR) * HOUR;
  return {
    stationId,
    pollutant,
    model: AIR_MODEL,
    issuedAt: iso(issued),
    unit: 'µg/m³',
    stepMinutes: 60,
    steps: forecastSteps(predictor, issued, HOUR, 72),
    observed: observations(predictor, issued, HOUR, 48),
    baseline: 'persistence',
    accuracy: rollingAccuracy(
      predictor,
      nowMs,
      [60, 1440, 2880, 4320],
      6 * HOUR,
      stationId === 'metro' ? 14 : 28,
    ),
    hindcast: hindcast(predictor, issued, HOUR, 48, 24 * HOUR),
  };
}
