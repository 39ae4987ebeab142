/** Forecast accuracy, as the models lab reports it: errors of predictions against what was observed. */

export interface ErrorMetrics {
  /** Mean absolute error, in the forecast's unit. */
  mae: number;
  /** Root mean squared error, in the forecast's unit. */
  rmse: number;
  /**
   * Mean absolute percentage error, in %: the mean of |predicted − observed| / observed over the
   * observations other than zero. The one definition of MAPE, for the API's figures and the screen's.
   */
  mape: number;
  samples: number;
}

export function errorMetrics(pairs: readonly { predicted: number; observed: number }[]): ErrorMetrics | null {
  if (pairs.length === 0) return null;
  let abs = 0;
  let squared = 0;
  let percent = 0;
  let percentSamples = 0;
  for (const { predicted, observed } of pairs) {
    const error = predicted - observed;
    abs += Math.abs(error);
    squared += error * error;
    if (observed !== 0) {
      percent += Math.abs(error / observed);
      percentSamples++;
    }
  }
  return {
    mae: abs / pairs.length,
    rmse: Math.sqrt(squared / pairs.length),
    mape: percentSamples ? (percent / percentSamples) * 100 : Number.NaN,
    samples: pairs.length,
  };
}

/** A model has drifted at a horizon when its error is above the naive baseline's on the same data. */
export const DRIFT_MARGIN = 0.05;

export function hasDrifted(modelMae: number, baselineMae: number, margin = DRIFT_MARGIN): boolean {
  return modelMae > baselineMae * (1 + margin);
}

/** Skill against the baseline: 1 is perfect, 0 no better than the baseline, negative worse. */
export function skill(modelMae: number, baselineMae: number): number {
  return baselineMae === 0 ? (modelMae === 0 ? 0 : Number.NEGATIVE_INFINITY) : 1 - modelMae / baselineMae;
}

/** Skill to the whole per cent, as the screen shows it (never "−0 %"). */
export function shownSkill(modelMae: number, baselineMae: number): number {
  const value = skill(modelMae, baselineMae);
  return Number.isFinite(value) ? Math.round(value * 100) / 100 || 0 : value;
}

export type SkillStatus = 'beats' | 'level' | 'worse';

/**
 * Whether the model beats a baseline, from the sign of the skill as shown: a model whose shown
 * skill is negative is worse, whatever the drift margin allows.
 */
export function skillStatus(modelMae: number, baselineMae: number): SkillStatus {
  const value = shownSkill(modelMae, baselineMae);
  return value > 0 ? 'beats' : value < 0 ? 'worse' : 'level';
}

const STATUS_ORDER: readonly SkillStatus[] = ['worse', 'level', 'beats'];

/** The status against several baselines: the least favourable of them. */
export function overallStatus(statuses: readonly SkillStatus[]): SkillStatus {
  return STATUS_ORDER.find((s) => statuses.includes(s)) ?? 'level';
}
