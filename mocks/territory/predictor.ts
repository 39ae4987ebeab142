import type { Accuracy, Quantiles } from '../../src/api/schemas/forecasts';
import { errorMetrics } from '../../src/lib/accuracy';
import { gauss } from './random';

const MINUTE = 60_000;
type Pair = { predicted: number; observed: number };
export const round2 = (v: number) => Math.round(v * 100) / 100;
export const iso = (ms: number) => new Date(ms).toISOString();

/** A model of one quantity: its forecasts are the simulated truth plus a seeded, horizon-scaled error. */
export interface Predictor {
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

/** The median and the 80 % interval (p10–p90) for a target, as issued at `issuedMs`. */
export function quantiles(p: Predictor, issuedMs: number, targetMs: number, ceiling = Infinity): Quantiles {
  const p50 = median(p, issuedMs, targetMs);
  const spread = 1.2816 * p.sigma(targetMs - issuedMs, p50);
  const bound = (v: number) => round2(Math.min(ceiling, Math.max(0, v)));
  return { p10: bound(p50 - spread), p50: bound(p50), p90: bound(p50 + spread) };
}

export function forecastSteps(p: Predictor, issuedMs: number, stepMs: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = issuedMs + (i + 1) * stepMs;
    return { t: iso(t), ...quantiles(p, issuedMs, t) };
  });
}

export function observations(p: Predictor, untilMs: number, stepMs: number, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const t = untilMs - (count - 1 - i) * stepMs;
    return { t: iso(t), value: round2(p.truth(t)) };
  });
}

/** What the model predicted, `horizonMs` ahead, for each of the last `count` steps, and what came. */
export function hindcast(p: Predictor, issuedMs: number, stepMs: number, count: number, horizonMs: number) {
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

/** The seasonal-naive forecast takes what was observed at the same time a week before the target. */
const SEASON_MS = 7 * 24 * 60 * MINUTE;

/**
 * Rolling accuracy over the past week: forecasts issued every `everyMs` are compared with what
 * the simulation then observed, beside persistence (the value at issue time) and the seasonal
 * naive forecast (the value a week before) on the same targets, all measured by `errorMetrics`.
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
    const model: Pair[] = [];
    const persistence: Pair[] = [];
    const seasonal: Pair[] = [];
    for (let i = 1; i <= samples; i++) {
      const issued = Math.floor((nowMs - horizon) / everyMs) * everyMs - (i - 1) * everyMs;
      const target = issued + horizon;
      const observed = p.truth(target);
      model.push({ predicted: median(p, issued, target), observed });
      persistence.push({ predicted: p.truth(issued), observed });
      seasonal.push({ predicted: p.truth(target - SEASON_MS), observed });
    }
    const m = errorMetrics(model)!;
    const b = errorMetrics(persistence)!;
    return {
      horizonMinutes,
      mae: round2(m.mae),
      rmse: round2(m.rmse),
      mape: round2(m.mape),
      baselineMae: round2(b.mae),
      baselineRmse: round2(b.rmse),
      baselineMape: round2(b.mape),
      seasonalMae: round2(errorMetrics(seasonal)!.mae),
      samples: m.samples,
    };
  });
}
