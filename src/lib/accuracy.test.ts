import { errorMetrics, hasDrifted, overallStatus, shownSkill, skill, skillStatus } from './accuracy';

describe('errorMetrics', () => {
  it('matches hand-computed MAE, RMSE and MAPE', () => {
    // errors: +2, −1, +3, 0 → |e| = 2, 1, 3, 0; e² = 4, 1, 9, 0
    const metrics = errorMetrics([
      { predicted: 12, observed: 10 },
      { predicted: 19, observed: 20 },
      { predicted: 33, observed: 30 },
      { predicted: 40, observed: 40 },
    ]);
    expect(metrics!.mae).toBeCloseTo(6 / 4);
    expect(metrics!.rmse).toBeCloseTo(Math.sqrt(14 / 4));
    // |e|/obs: 0.2, 0.05, 0.1, 0 → mean 0.0875
    expect(metrics!.mape).toBeCloseTo(8.75);
    expect(metrics!.samples).toBe(4);
  });

  it('leaves zero observations out of MAPE only', () => {
    const metrics = errorMetrics([
      { predicted: 1, observed: 0 },
      { predicted: 12, observed: 10 },
    ]);
    expect(metrics!.mae).toBeCloseTo(1.5);
    expect(metrics!.mape).toBeCloseTo(20);
  });

  it('has nothing to say without samples', () => {
    expect(errorMetrics([])).toBeNull();
  });
});

describe('drift', () => {
  it('flags a model whose error rises above its baseline by more than the margin', () => {
    expect(hasDrifted(4.3, 6.5)).toBe(false);
    expect(hasDrifted(6.6, 6.5)).toBe(false);
    expect(hasDrifted(6.9, 6.5)).toBe(true);
  });

  it('measures skill against the baseline', () => {
    expect(skill(3, 6)).toBeCloseTo(0.5);
    expect(skill(6, 6)).toBe(0);
    expect(skill(9, 6)).toBeCloseTo(-0.5);
  });
});

describe('status against a baseline', () => {
  it('follows the sign of the skill as shown, whatever the drift margin allows', () => {
    // 6.18 against 6: 3 % worse, not drifted (the margin is 5 %), and still not better.
    expect(hasDrifted(6.18, 6)).toBe(false);
    expect(skillStatus(6.18, 6)).toBe('worse');
    expect(skillStatus(4.5, 6)).toBe('beats');
    // 0.2 % either way shows as 0 %: level, not "−0 %".
    expect(shownSkill(6.012, 6)).toBe(0);
    expect(Object.is(shownSkill(6.012, 6), -0)).toBe(false);
    expect(skillStatus(6.012, 6)).toBe('level');
    expect(skillStatus(5.988, 6)).toBe('level');
    expect(skillStatus(1, 0)).toBe('worse');
  });

  it('is the least favourable against several baselines', () => {
    expect(overallStatus(['beats', 'beats'])).toBe('beats');
    expect(overallStatus(['beats', 'level'])).toBe('level');
    expect(overallStatus(['level', 'worse', 'beats'])).toBe('worse');
  });
});
