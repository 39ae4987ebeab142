import type { Accuracy, Quantiles } from '../../src/api/schemas/forecasts';
import { gauss } from './random';

const MINUTE = 60_000;
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
